/** Builders for summaries and storage tests: valid, deep-frozen records at local times. */
import { deepFreeze } from './deep-freeze';
import { localDay } from './local-day';
import type { CheckRecord, CheckVerdict, LocalDay, MinuteEvent, MinuteRecord, MinuteRuleCounts } from './records';
import { minuteRecordId } from './records';

/** "Now" for tests: 2026-03-15 12:00 UTC. */
export const TEST_NOW_MS = Date.UTC(2026, 2, 15, 12);

/** Local time on `day`, `hour`:`minute`, epoch ms. */
export function atLocal(day: LocalDay, hour: number, minute = 0): number {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, date, hour, minute).getTime();
}

/** A lower-case UUID made from a number, for readable ids in tests. */
export const testUuid = (n: number): string => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

export const pass = (measures: Record<string, number> = {}): CheckVerdict => ({ status: 'pass', measures });
export const fail = (measures: Record<string, number> = {}, reason = 'outside the limit'): CheckVerdict => ({
  status: 'fail',
  measures,
  reason,
});
export const unknown = (reason = 'not visible'): CheckVerdict => ({ status: 'unknown', measures: {}, reason });
export const off = (): CheckVerdict => ({ status: 'off', measures: {} });

export function makeCheck(
  n: number,
  stationId: string,
  day: LocalDay,
  verdicts: Record<string, CheckVerdict>,
  hour = 8,
): CheckRecord {
  const startedAtMs = atLocal(day, hour, n % 60);
  return deepFreeze({
    id: testUuid(n),
    version: 1,
    stationId,
    startedAtMs,
    finishedAtMs: startedAtMs + 30_000,
    day: localDay(startedAtMs),
    verdicts,
  });
}

export const counts = (passFrames: number, failFrames: number, unknownFrames: number, failMs: number): MinuteRuleCounts => ({
  pass: passFrames,
  fail: failFrames,
  unknown: unknownFrames,
  failMs,
});

export function makeMinute(
  stationId: string,
  day: LocalDay,
  hour: number,
  minute: number,
  rules: Record<string, MinuteRuleCounts>,
  events?: readonly MinuteEvent[],
): MinuteRecord {
  const minuteStartMs = atLocal(day, hour, minute);
  return deepFreeze({
    id: minuteRecordId(stationId, minuteStartMs),
    version: 1,
    stationId,
    minuteStartMs,
    day: localDay(minuteStartMs),
    rules,
    ...(events ? { events } : {}),
  });
}
