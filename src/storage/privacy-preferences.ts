import { acceptedConsent, type ConsentRecord, currentConsent } from '../core/privacy/consent';
import { DEFAULT_RETENTION_DAYS, retentionDaysProblem } from '../core/privacy/retention';

/**
 * This browser's privacy choices, kept in localStorage (read synchronously, before anything starts):
 * the acceptance of the consent text and the retention period. Storage that refuses (site data
 * blocked) reads as "not accepted" and the default period; an acceptance then lasts for the page only.
 */

export type PreferenceStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** Where the acceptance of the consent text is kept (JSON `ConsentRecord`). */
export const CONSENT_KEY = 'countercheck.consent';
/** Where the retention period is kept, whole days as text. */
export const RETENTION_DAYS_KEY = 'countercheck.retentionDays';

/** localStorage, or null where the browser refuses it. */
export function browserPreferenceStorage(): PreferenceStorage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

const read = (storage: PreferenceStorage | null, key: string): string | null => {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
};

/** The acceptance of the current consent text, or null when it was never given or the text changed since. */
export const readConsent = (storage: PreferenceStorage | null): ConsentRecord | null => currentConsent(read(storage, CONSENT_KEY));

/** Records that the current text was accepted at `nowMs`. Returns false when the browser would not keep it. */
export function saveConsent(storage: PreferenceStorage | null, nowMs: number): boolean {
  try {
    if (!storage) return false;
    storage.setItem(CONSENT_KEY, JSON.stringify(acceptedConsent(nowMs)));
    return true;
  } catch {
    return false;
  }
}

/** Forgets the acceptance: the consent text is shown again on the next start. */
export function withdrawConsent(storage: PreferenceStorage | null): void {
  try {
    storage?.removeItem(CONSENT_KEY);
  } catch {
    // nothing kept, nothing to forget
  }
}

/** The retention period in days: the stored one when valid, else `DEFAULT_RETENTION_DAYS`. */
export function readRetentionDays(storage: PreferenceStorage | null): number {
  const stored = read(storage, RETENTION_DAYS_KEY);
  if (stored === null || !/^\d{1,5}$/.test(stored)) return DEFAULT_RETENTION_DAYS;
  const days = Number(stored);
  return retentionDaysProblem(days) === null ? days : DEFAULT_RETENTION_DAYS;
}

/** Keeps a new retention period. Throws a RangeError naming the problem for a period out of range. */
export function saveRetentionDays(storage: PreferenceStorage | null, days: number): void {
  const problem = retentionDaysProblem(days);
  if (problem) throw new RangeError(problem);
  if (!storage) throw new Error('This browser does not let the site keep settings.');
  storage.setItem(RETENTION_DAYS_KEY, String(days));
}
