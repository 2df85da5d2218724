import { describe, expect, it } from 'vitest';
import { acceptedConsent, CONSENT_VERSION, consentSections, currentConsent } from './consent';

describe('consent', () => {
  it('says in both languages what is measured, that no image leaves or is stored, where data lives and how to erase it', () => {
    const sections = consentSections();
    expect(sections.map((section) => section.id)).toEqual(['measured', 'no-images', 'where', 'erase']);
    const en = sections.map((section) => section.body.en).join(' ');
    const zh = sections.map((section) => section.body.zh).join(' ');
    expect(en).toContain('No frame or image ever leaves this device, and none is stored');
    expect(en).toContain('IndexedDB');
    expect(en).toContain('erase all data');
    expect(zh).toContain('不会离开本设备');
    expect(zh).toContain('IndexedDB');
    expect(zh).toContain('删除');
    for (const section of sections) {
      expect(section.title.zh).not.toBe('');
      expect(section.title.en).not.toBe('');
    }
  });

  it('names the retention period it is given', () => {
    const where = consentSections(30).find((section) => section.id === 'where')!;
    expect(where.body.en).toContain('older than 30 days');
    expect(where.body.zh).toContain('超过 30 天');
  });

  it('pins the text to its version: a changed text must bump CONSENT_VERSION so everyone is asked again', async () => {
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(JSON.stringify(consentSections())));
    const fingerprint = Array.from(new Uint8Array(digest).slice(0, 8), (byte) => byte.toString(16).padStart(2, '0')).join('');
    // Changed the text? Bump CONSENT_VERSION, then update both values here.
    expect({ version: CONSENT_VERSION, fingerprint }).toEqual({ version: 1, fingerprint: 'ae537ffea886884d' });
  });

  it('reads back an acceptance of the current version only', () => {
    const accepted = acceptedConsent(1_700_000_000_000);
    expect(currentConsent(JSON.stringify(accepted))).toEqual(accepted);
    expect(currentConsent(JSON.stringify({ ...accepted, version: CONSENT_VERSION - 1 }))).toBeNull();
    expect(currentConsent(JSON.stringify({ ...accepted, version: CONSENT_VERSION + 1 }))).toBeNull();
  });

  it('treats anything malformed as not accepted', () => {
    for (const stored of [
      null,
      undefined,
      '',
      'yes',
      '{"version":1',
      'true',
      '[1]',
      'null',
      '{"version":"1","acceptedAtMs":1}',
      '{"version":1}',
      '{"version":1,"acceptedAtMs":"soon"}',
      '{"version":1,"acceptedAtMs":-1}',
      '{"version":1,"acceptedAtMs":1e400}',
      `{"version":1,"acceptedAtMs":1,"pad":"${'x'.repeat(300)}"}`,
    ]) {
      expect(currentConsent(stored), String(stored)).toBeNull();
    }
  });
});
