import { DEFAULT_RETENTION_DAYS } from './retention';

/**
 * What a person agrees to before CounterCheck runs, in Chinese and English, and the record of that
 * agreement. Pure. Changing the text means changing `CONSENT_VERSION`: an acceptance of an older version
 * no longer counts, so everyone is asked again.
 */

/** Bump when the consent text changes (consent.test.ts pins the text's fingerprint to this version). */
export const CONSENT_VERSION = 1;

export interface ConsentSection {
  readonly id: 'measured' | 'no-images' | 'where' | 'erase';
  readonly title: { readonly zh: string; readonly en: string };
  readonly body: { readonly zh: string; readonly en: string };
}

/** The consent text; `retentionDays` is the station's retention period. */
export function consentSections(retentionDays: number = DEFAULT_RETENTION_DAYS): readonly ConsentSection[] {
  return [
    {
      id: 'measured',
      title: { zh: '测量什么', en: 'What is measured' },
      body: {
        zh: '摄像头画面只在本设备上分析，用来测量坐姿（端正、趴台、双肩、抱臂、托腮）和仪容（帽子、墨镜、发色、刘海）。只保存每条规则的数值和结果（合格、不合格、无法判断），不保存姓名，也不保存任何文字。',
        en: 'The camera picture is analysed on this device only, to measure posture (sitting upright, lying on the counter, shoulders, folded arms, chin on a hand) and grooming (hat, sunglasses, hair colour, fringe). Only numbers and each rule’s result (pass, fail, unknown) are kept: no name and no free text.',
      },
    },
    {
      id: 'no-images',
      title: { zh: '画面不离开本设备，也不保存', en: 'No picture leaves this device or is stored' },
      body: {
        zh: '任何画面或图像都不会离开本设备，也不会被保存（除非你在自检中主动开启本地缩略图）。本应用不向本机以外发送任何请求。摄像头只在检查或监测运行时打开。',
        en: 'No frame or image ever leaves this device, and none is stored (unless you turn on a local thumbnail in the self-check yourself). The app sends no request beyond this computer. The camera is on only while a check or monitoring runs.',
      },
    },
    {
      id: 'where',
      title: { zh: '数据存放在哪里', en: 'Where the data lives' },
      body: {
        zh: `结果只保存在本浏览器的 IndexedDB 中，以本机随机生成的工位代号（不是姓名）标记。超过 ${retentionDays} 天的记录会在启动时自动删除。`,
        en: `Results are kept only in this browser’s IndexedDB, under a random station pseudonym made on this device (never a name). Records older than ${retentionDays} days are deleted automatically at startup.`,
      },
    },
    {
      id: 'erase',
      title: { zh: '如何删除', en: 'How to erase it' },
      body: {
        zh: '随时点击页面顶部的“隐私 · Privacy”：可以重新阅读本说明、导出你自己的记录、更换工位代号，或确认后删除本浏览器中的全部数据。',
        en: 'At any time, open “隐私 · Privacy” at the top of the page to read this again, export your own records, get a new station pseudonym, or erase all data kept in this browser (after a confirmation).',
      },
    },
  ];
}

/** A stored acceptance. */
export interface ConsentRecord {
  readonly version: number;
  readonly acceptedAtMs: number;
}

/** The record to store when the current text is accepted at `nowMs`. */
export const acceptedConsent = (nowMs: number): ConsentRecord => ({ version: CONSENT_VERSION, acceptedAtMs: nowMs });

/**
 * The stored acceptance if it is one of the current text, else null. `stored` is the raw stored string:
 * anything malformed (not JSON, wrong shape, another version, a non-finite date) reads as not accepted.
 */
export function currentConsent(stored: string | null | undefined): ConsentRecord | null {
  if (typeof stored !== 'string' || stored.length > 200) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(stored);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
  const { version, acceptedAtMs } = parsed as Record<string, unknown>;
  if (version !== CONSENT_VERSION) return null;
  if (typeof acceptedAtMs !== 'number' || !Number.isFinite(acceptedAtMs) || acceptedAtMs <= 0) return null;
  return { version, acceptedAtMs };
}
