import { DAY_MS } from '../summaries/records';

/**
 * How long records (self-checks, monitored minutes) are kept before they are purged. Pure: the clock
 * comes in as `nowMs`. Calibrations and settings are not records and are never purged by age.
 */

/** Records older than this many days are purged at startup. */
export const DEFAULT_RETENTION_DAYS = 90;
/** The shortest period a station may choose: a day, so today's records always survive. */
export const MIN_RETENTION_DAYS = 1;
/** The longest period a station may choose: ten years. */
export const MAX_RETENTION_DAYS = 3650;

/** Null for a whole number of days in `MIN_RETENTION_DAYS..MAX_RETENTION_DAYS`, else why not. */
export function retentionDaysProblem(value: unknown): string | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return 'The retention period is not a number of days.';
  if (!Number.isInteger(value)) return 'The retention period must be a whole number of days.';
  if (value < MIN_RETENTION_DAYS || value > MAX_RETENTION_DAYS) {
    return `The retention period must be from ${MIN_RETENTION_DAYS} to ${MAX_RETENTION_DAYS} days.`;
  }
  return null;
}

/**
 * The oldest instant kept, epoch ms: a record that started before it has expired. Throws a RangeError on
 * a period `retentionDaysProblem` refuses or a `nowMs` that is not a finite number.
 */
export function retentionCutoffMs(nowMs: number, retentionDays: number): number {
  if (!Number.isFinite(nowMs)) throw new RangeError(`nowMs must be a finite number, got ${nowMs}`);
  const problem = retentionDaysProblem(retentionDays);
  if (problem) throw new RangeError(problem);
  return nowMs - retentionDays * DAY_MS;
}

/** True when a record that started at `startedAtMs` is older than the retention period. */
export const isExpired = (startedAtMs: number, nowMs: number, retentionDays: number): boolean =>
  startedAtMs < retentionCutoffMs(nowMs, retentionDays);
