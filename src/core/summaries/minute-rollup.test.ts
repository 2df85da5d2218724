import { describe, expect, it } from 'vitest';
import { deepFreeze } from './deep-freeze';
import { isMinuteDayRollup, minuteRollupId, rollupMinutes, splitRollupId } from './minute-rollup';
import { summarizeRecords } from './summarize-records';
import { atLocal, counts, fail, makeCheck, makeMinute, pass } from './test-records';

const D1 = '2026-03-09';
const D2 = '2026-03-10';
const at = (day: string, hour: number, minute: number, seconds: number) => atLocal(day, hour, minute) + seconds * 1000;

const checks = deepFreeze([makeCheck(1, 'A', D1, { 'posture.upright': pass() }), makeCheck(2, 'B', D2, { 'posture.upright': fail() })]);
const minutes = deepFreeze([
  makeMinute('A', D1, 9, 0, { 'posture.upright': counts(800, 100, 0, 6000), 'posture.no_lying_on_counter': counts(0, 0, 900, 0) }, [
    { ruleId: 'posture.upright', startMs: at(D1, 9, 0, 5), endMs: at(D1, 9, 0, 11) },
    { ruleId: 'posture.upright', startMs: at(D1, 9, 0, 5), endMs: at(D1, 9, 0, 11) },
  ]),
  makeMinute('A', D1, 9, 1, { 'posture.upright': counts(900, 0, 0, 0) }, [
    { ruleId: 'posture.upright', startMs: at(D1, 9, 1, 10), endMs: at(D1, 9, 1, 10) },
  ]),
  makeMinute('A', D2, 9, 0, { 'posture.upright': counts(0, 900, 0, 60_000) }),
  makeMinute('B', D2, 10, 0, { 'posture.upright': counts(450, 450, 0, 30_000) }, [
    { ruleId: 'posture.upright', startMs: at(D2, 10, 0, 0), endMs: at(D2, 10, 0, 30) },
  ]),
]);

describe('rollupMinutes', () => {
  it('adds up each station-day as summarizeRecords does (hand-checked)', () => {
    const rollups = rollupMinutes(minutes);
    expect(rollups.map((r) => r.id)).toEqual([minuteRollupId('A', D1), minuteRollupId('A', D2), minuteRollupId('B', D2)]);
    expect(rollups[0]).toEqual({
      id: 'A:2026-03-09',
      version: 1,
      stationId: 'A',
      day: D1,
      monitoredMinutes: 2,
      corrupt: 0,
      rules: {
        'posture.no_lying_on_counter': { postureMinutes: 0, passFrames: 0, failFrames: 0, unknownFrames: 900, violationMs: 0, violationCount: 0 },
        // The event listed twice counts once.
        'posture.upright': { postureMinutes: 2, passFrames: 1700, failFrames: 100, unknownFrames: 0, violationMs: 6000, violationCount: 2 },
      },
    });
    expect(rollups.every(isMinuteDayRollup)).toBe(true);
  });

  it('summarizing rollups gives the very summary of the minutes, also mixed with minutes of other days', () => {
    const expected = summarizeRecords(checks, minutes);
    expect(summarizeRecords(checks, [], rollupMinutes(minutes))).toEqual(expected);
    const [d1, rest] = [minutes.filter((m) => m.day === D1), minutes.filter((m) => m.day !== D1)];
    expect(summarizeRecords(checks, rest, rollupMinutes(d1))).toEqual(expected);
  });

  it('keeps a station-day that held only corrupt records, which adds nothing to a summary', () => {
    const rollups = rollupMinutes([], new Map([[minuteRollupId('station:x', D2), 3]]));
    expect(rollups).toMatchObject([{ stationId: 'station:x', day: D2, monitoredMinutes: 0, corrupt: 3, rules: {} }]);
    expect(splitRollupId(rollups[0]!.id)).toEqual(['station:x', D2]);
    expect(summarizeRecords([], [], rollups)).toEqual(summarizeRecords([], []));
  });

  it('does not trust a damaged stored rollup', () => {
    const [good] = rollupMinutes(minutes);
    expect(isMinuteDayRollup({ ...good, monitoredMinutes: -1 })).toBe(false);
    expect(isMinuteDayRollup({ ...good, id: 'B:2026-03-09' })).toBe(false);
    expect(isMinuteDayRollup({ ...good, rules: { 'posture.upright': { postureMinutes: 1 } } })).toBe(false);
    expect(isMinuteDayRollup(null)).toBe(false);
  });
});
