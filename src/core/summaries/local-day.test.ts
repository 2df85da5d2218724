import { describe, expect, it } from 'vitest';
import { addDays, dayNumber, daysBetween, isLocalDay, localDay, utcDay } from './local-day';

describe('local days', () => {
  it('writes the local date of an instant', () => {
    expect(localDay(new Date(2026, 0, 2, 23, 59).getTime())).toBe('2026-01-02');
    expect(localDay(new Date(2026, 11, 31, 0, 0).getTime())).toBe('2026-12-31');
  });

  it('accepts real dates only', () => {
    expect(isLocalDay('2024-02-29')).toBe(true);
    expect(isLocalDay('2026-02-29')).toBe(false);
    expect(isLocalDay('2026-1-01')).toBe(false);
    expect(isLocalDay(20260101)).toBe(false);
    expect(dayNumber('1970-01-02')).toBe(1);
  });

  it('adds and counts days across months and years', () => {
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(daysBetween('2025-01-01', '2026-01-01')).toBe(365);
    expect(() => addDays('nope', 1)).toThrow(RangeError);
    expect(utcDay(Date.UTC(2026, 4, 6, 23))).toBe('2026-05-06');
  });
});
