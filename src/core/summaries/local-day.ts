import { DAY_MS, type LocalDay } from './records';

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

const pad = (value: number, width: number): string => String(value).padStart(width, '0');

/** The local calendar date of an instant, 'YYYY-MM-DD' (the device's time zone). */
export function localDay(epochMs: number): LocalDay {
  const date = new Date(epochMs);
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1, 2)}-${pad(date.getDate(), 2)}`;
}

/** Days since 1970-01-01 of a 'YYYY-MM-DD' date, or null when it is not a real calendar date. */
export function dayNumber(day: string): number | null {
  const match = DAY_PATTERN.exec(day);
  if (!match) return null;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, date);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== date) return null;
  return Math.round(ms / DAY_MS);
}

/** True for a real calendar date written 'YYYY-MM-DD'. */
export const isLocalDay = (value: unknown): value is LocalDay => typeof value === 'string' && dayNumber(value) !== null;

/** The date `count` days after `day` (before, when negative). Throws on a malformed day. */
export function addDays(day: LocalDay, count: number): LocalDay {
  const number = dayNumber(day);
  if (number === null) throw new RangeError(`not a date (YYYY-MM-DD): ${day}`);
  return new Date((number + count) * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). Throws on a malformed day. */
export function daysBetween(from: LocalDay, to: LocalDay): number {
  const a = dayNumber(from);
  const b = dayNumber(to);
  if (a === null || b === null) throw new RangeError(`not a date (YYYY-MM-DD): ${a === null ? from : to}`);
  return b - a;
}

/** The UTC calendar date of an instant: a local date is within one day of it in every time zone. */
export const utcDay = (epochMs: number): LocalDay => new Date(epochMs).toISOString().slice(0, 10);
