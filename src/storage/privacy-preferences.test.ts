import { describe, expect, it } from 'vitest';
import { CONSENT_VERSION } from '../core/privacy/consent';
import { DEFAULT_RETENTION_DAYS } from '../core/privacy/retention';
import {
  CONSENT_KEY,
  readConsent,
  readRetentionDays,
  RETENTION_DAYS_KEY,
  saveConsent,
  saveRetentionDays,
  withdrawConsent,
} from './privacy-preferences';

/** An in-memory Storage. */
function memoryStorage(initial: Record<string, string> = {}) {
  const map = new Map(Object.entries(initial));
  return {
    map,
    getItem: (key: string) => map.get(key) ?? null,
    setItem: (key: string, value: string) => void map.set(key, String(value)),
    removeItem: (key: string) => void map.delete(key),
  };
}

const refusing = {
  getItem: () => {
    throw new DOMException('blocked', 'SecurityError');
  },
  setItem: () => {
    throw new DOMException('blocked', 'SecurityError');
  },
  removeItem: () => {
    throw new DOMException('blocked', 'SecurityError');
  },
};

describe('privacy preferences', () => {
  it('remembers an acceptance of the current text, and forgets it on withdrawal', () => {
    const storage = memoryStorage();
    expect(readConsent(storage)).toBeNull();
    expect(saveConsent(storage, 1_700_000_000_000)).toBe(true);
    expect(readConsent(storage)).toEqual({ version: CONSENT_VERSION, acceptedAtMs: 1_700_000_000_000 });
    withdrawConsent(storage);
    expect(readConsent(storage)).toBeNull();
  });

  it('asks again when the stored acceptance is of another version of the text', () => {
    const storage = memoryStorage({ [CONSENT_KEY]: JSON.stringify({ version: CONSENT_VERSION - 1, acceptedAtMs: 1 }) });
    expect(readConsent(storage)).toBeNull();
  });

  it('storage that refuses reads as not accepted, and saving says it was not kept', () => {
    expect(readConsent(refusing)).toBeNull();
    expect(saveConsent(refusing, 1)).toBe(false);
    expect(saveConsent(null, 1)).toBe(false);
    expect(() => withdrawConsent(refusing)).not.toThrow();
    expect(readRetentionDays(refusing)).toBe(DEFAULT_RETENTION_DAYS);
  });

  it('keeps a valid retention period and falls back to 90 days on anything else', () => {
    const storage = memoryStorage();
    expect(readRetentionDays(storage)).toBe(90);
    saveRetentionDays(storage, 30);
    expect(readRetentionDays(storage)).toBe(30);
    expect(() => saveRetentionDays(storage, 0)).toThrow(/from 1 to 3650 days/);
    expect(() => saveRetentionDays(storage, 2.5)).toThrow(/whole number/);
    expect(readRetentionDays(storage)).toBe(30);
    for (const stored of ['0', '-3', '1e3', 'NaN', 'Infinity', '99999', ' 30', '']) {
      expect(readRetentionDays(memoryStorage({ [RETENTION_DAYS_KEY]: stored })), stored).toBe(90);
    }
  });
});
