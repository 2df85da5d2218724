import { describe, expect, it } from 'vitest';
import type { Verdict } from '../rules/rule';
import { checkRecordFromVerdicts, minuteRecord } from './build-records';
import { deepFreeze } from './deep-freeze';
import { localDay } from './local-day';
import { atLocal, counts, TEST_NOW_MS, testUuid } from './test-records';
import { isCheckRecord, isMinuteRecord } from './validate-records';

describe('record builders', () => {
  it('keeps status, finite measures and reason of each verdict, dropping thresholds and confidence', () => {
    const verdicts = deepFreeze<Verdict[]>([
      {
        ruleId: 'posture.upright',
        status: 'fail',
        evidence: { measures: { headFromVerticalDeg: 52.1, broken: Number.NaN }, thresholds: { headFromVerticalMaxDeg: 45 }, confidence: 0.9, reason: 'head dropped' },
      },
      { ruleId: 'posture.shoulders_level', status: 'pass', evidence: { measures: { shoulderTiltDeg: 2 }, thresholds: {}, confidence: 0.8 } },
    ]);
    const startedAtMs = atLocal('2026-03-10', 8, 15);
    const record = checkRecordFromVerdicts({ id: testUuid(1), stationId: 'counter-1', startedAtMs, finishedAtMs: startedAtMs + 20_000, verdicts });
    expect(record).toEqual({
      id: testUuid(1),
      version: 1,
      stationId: 'counter-1',
      startedAtMs,
      finishedAtMs: startedAtMs + 20_000,
      day: '2026-03-10',
      verdicts: {
        'posture.upright': { status: 'fail', measures: { headFromVerticalDeg: 52.1 }, reason: 'head dropped' },
        'posture.shoulders_level': { status: 'pass', measures: { shoulderTiltDeg: 2 } },
      },
    });
    expect(isCheckRecord(record, TEST_NOW_MS)).toBe(true);
  });

  it('fills in a minute’s id and day', () => {
    const minuteStartMs = atLocal('2026-03-10', 9, 0);
    const record = minuteRecord('counter-1', minuteStartMs, { 'posture.upright': counts(900, 0, 0, 0) });
    expect(record).toEqual({ id: `counter-1:${minuteStartMs}`, version: 1, stationId: 'counter-1', minuteStartMs, day: localDay(minuteStartMs), rules: { 'posture.upright': counts(900, 0, 0, 0) } });
    expect(isMinuteRecord(record, TEST_NOW_MS)).toBe(true);
  });
});
