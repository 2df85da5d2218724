import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../summaries/records';
import {
  DEFAULT_RETENTION_DAYS,
  isExpired,
  MAX_RETENTION_DAYS,
  MIN_RETENTION_DAYS,
  retentionCutoffMs,
  retentionDaysProblem,
} from './retention';

const NOW_MS = Date.UTC(2026, 10, 23, 12, 0, 0);

describe('retention', () => {
  it('keeps 90 days by default: the cutoff is 90 x 24 h before now', () => {
    expect(DEFAULT_RETENTION_DAYS).toBe(90);
    expect(retentionCutoffMs(NOW_MS, 90)).toBe(Date.UTC(2026, 7, 25, 12, 0, 0));
  });

  it('expires a record just older than the period and keeps one just inside it', () => {
    const cutoff = NOW_MS - 90 * DAY_MS;
    expect(isExpired(cutoff - 1, NOW_MS, 90)).toBe(true);
    expect(isExpired(cutoff, NOW_MS, 90)).toBe(false);
    expect(isExpired(NOW_MS, NOW_MS, 90)).toBe(false);
    // A record from the future (a clock a little ahead) is never expired.
    expect(isExpired(NOW_MS + DAY_MS, NOW_MS, 1)).toBe(false);
  });

  it('a shorter period expires more', () => {
    const tenDaysAgo = NOW_MS - 10 * DAY_MS;
    expect(isExpired(tenDaysAgo, NOW_MS, 30)).toBe(false);
    expect(isExpired(tenDaysAgo, NOW_MS, 7)).toBe(true);
    expect(isExpired(NOW_MS - DAY_MS - 1, NOW_MS, MIN_RETENTION_DAYS)).toBe(true);
  });

  it('accepts whole days in range and names what is wrong otherwise', () => {
    expect(retentionDaysProblem(MIN_RETENTION_DAYS)).toBeNull();
    expect(retentionDaysProblem(MAX_RETENTION_DAYS)).toBeNull();
    expect(retentionDaysProblem(0)).toMatch(/from 1 to 3650 days/);
    expect(retentionDaysProblem(-5)).toMatch(/from 1 to 3650 days/);
    expect(retentionDaysProblem(MAX_RETENTION_DAYS + 1)).toMatch(/from 1 to 3650 days/);
    expect(retentionDaysProblem(1.5)).toMatch(/whole number/);
    expect(retentionDaysProblem(Number.NaN)).toMatch(/not a number/);
    expect(retentionDaysProblem(Number.POSITIVE_INFINITY)).toMatch(/not a number/);
    expect(retentionDaysProblem('90')).toMatch(/not a number/);
  });

  it('throws on a bad period or clock instead of purging everything', () => {
    expect(() => retentionCutoffMs(NOW_MS, 0)).toThrow(RangeError);
    expect(() => retentionCutoffMs(NOW_MS, Number.NaN)).toThrow(RangeError);
    expect(() => retentionCutoffMs(Number.NaN, 90)).toThrow(RangeError);
    expect(() => retentionCutoffMs(Number.POSITIVE_INFINITY, 90)).toThrow(RangeError);
  });
});
