import { beforeEach, describe, expect, it } from 'vitest';
import type { StationCalibration } from '../core/calibration/station-calibration';
import { counts, makeCheck, makeMinute, pass, TEST_NOW_MS } from '../core/summaries/test-records';
import { addDays, localDay } from '../core/summaries/local-day';
import { DAY_MS } from '../core/summaries/records';
import { CheckRepository } from './check-repository';
import { MinuteRepository } from './minute-repository';
import { purgeExpiredRecords } from './purge-expired';
import { useTestDatabase } from './test-database';

const NAME = 'countercheck-purge-test';
const TODAY = localDay(TEST_NOW_MS);
const day = (daysAgo: number) => addDays(TODAY, -daysAgo);
const options = { nowMs: () => TEST_NOW_MS };

describe('purgeExpiredRecords', () => {
  const { db, open } = useTestDatabase(NAME);
  beforeEach(async () => {
    const checks = new CheckRepository(open, options);
    // 0, 30, 89, 91, 200 and 400 days old.
    for (const [n, daysAgo] of [0, 30, 89, 91, 200, 400].entries()) {
      await checks.add(makeCheck(n + 1, 'station-aaaaaa', day(daysAgo), { 'posture.upright': pass() }, 8));
    }
    await new MinuteRepository(open, options).putMany([
      makeMinute('station-aaaaaa', day(1), 9, 0, { 'posture.upright': counts(10, 0, 0, 0) }),
      makeMinute('station-aaaaaa', day(95), 9, 0, { 'posture.upright': counts(10, 0, 0, 0) }),
      makeMinute('station-aaaaaa', day(95), 9, 1, { 'posture.upright': counts(10, 0, 0, 0) }),
    ]);
    const calibration = { version: 1, capturedAtMs: TEST_NOW_MS - 300 * DAY_MS, sampleCount: 1, baseline: {} } as unknown as StationCalibration;
    await db().put('calibrations', calibration, 'station-aaaaaa');
  });

  it('deletes the records older than 90 days by default period and keeps the rest and the calibration', async () => {
    const report = await purgeExpiredRecords(open, { nowMs: TEST_NOW_MS, retentionDays: 90 });
    expect(report).toEqual({ checks: 3, minutes: 2, cutoffMs: TEST_NOW_MS - 90 * DAY_MS });
    const kept = (await db().getAll('checks')).map((check) => check.day).sort();
    expect(kept).toEqual([day(89), day(30), day(0)].sort());
    expect((await db().getAll('minutes')).map((minute) => minute.day)).toEqual([day(1)]);
    expect(await db().count('calibrations')).toBe(1);
  });

  it('deletes the cached day rollups of the minutes it deletes, and only those', async () => {
    const minutes = new MinuteRepository(open, options);
    await minutes.rollupsByDays(day(400), TODAY); // a supervisor view: caches one rollup per station-day
    expect((await db().getAll('minuteRollups')).map((rollup) => rollup.day).sort()).toEqual([day(95), day(1)].sort());
    await purgeExpiredRecords(open, { nowMs: TEST_NOW_MS, retentionDays: 90 });
    expect((await db().getAll('minuteRollups')).map((rollup) => rollup.day)).toEqual([day(1)]);
  });

  it('a shorter period deletes more; running it again deletes nothing more', async () => {
    expect(await purgeExpiredRecords(open, { nowMs: TEST_NOW_MS, retentionDays: 7 })).toMatchObject({ checks: 5, minutes: 2 });
    expect(await purgeExpiredRecords(open, { nowMs: TEST_NOW_MS, retentionDays: 7 })).toMatchObject({ checks: 0, minutes: 0 });
    expect((await db().getAll('checks')).map((check) => check.day)).toEqual([TODAY]);
    expect(await db().count('minutes')).toBe(1);
  });

  it('refuses a bad period before deleting anything', async () => {
    await expect(purgeExpiredRecords(open, { nowMs: TEST_NOW_MS, retentionDays: 0 })).rejects.toThrow(RangeError);
    await expect(purgeExpiredRecords(open, { nowMs: Number.NaN, retentionDays: 90 })).rejects.toThrow(RangeError);
    expect(await db().count('checks')).toBe(6);
    expect(await db().count('minutes')).toBe(3);
  });
});
