import { describe, expect, it } from 'vitest';
import { deepFreeze } from '../core/summaries/deep-freeze';
import { isCheckRecord, isMinuteRecord } from '../core/summaries/validate-records';
import { CheckRepository } from './check-repository';
import { loadStationSummary, loadSupervisorSummary } from './load-summary';
import { MinuteRepository } from './minute-repository';
import { seedYear } from './seed';
import { useTestDatabase } from './test-database';

const NAME = 'countercheck-seed-test';
const NOW_MS = Date.UTC(2026, 2, 15);

describe('seedYear', () => {
  it('is deterministic and makes valid records on working days only', () => {
    const small = seedYear('counter-1', 10, 2, 30);
    expect(seedYear('counter-1', 10, 2, 30)).toEqual(small);
    expect(seedYear('counter-2', 10, 2, 30).checks[0]!.id).not.toBe(small.checks[0]!.id);
    expect(seedYear('counter-1', 10, 2, 30, { seed: 2 }).checks[0]!.id).not.toBe(small.checks[0]!.id);
    expect(small.checks).toHaveLength(20);
    expect(small.minutes).toHaveLength(300);
    expect([small.fromDay, small.toDay]).toEqual(['2025-01-06', '2025-01-17']);
    expect(small.checks.every((record) => isCheckRecord(record, NOW_MS))).toBe(true);
    expect(small.minutes.every((record) => isMinuteRecord(record, NOW_MS))).toBe(true);
    const days = new Set(small.minutes.map((record) => record.day));
    expect(days.has('2025-01-11') || days.has('2025-01-12')).toBe(false);
    expect(new Set(small.checks.map((record) => record.id)).size).toBe(20);
  });

  it('refuses out-of-range sizes', () => {
    expect(() => seedYear('x', -1)).toThrow(RangeError);
    expect(() => seedYear('x', 1, 1, 24 * 60)).toThrow(RangeError);
  });
});

describe('a seeded year in IndexedDB', () => {
  const { open } = useTestDatabase(NAME);

  it('stores 250 days of a station and summarizes them back', { timeout: 120_000 }, async () => {
    const repositories = {
      checks: new CheckRepository(open, { nowMs: () => NOW_MS }),
      minutes: new MinuteRepository(open, { nowMs: () => NOW_MS }),
    };
    const year = deepFreeze(seedYear('counter-1'));
    const other = seedYear('counter-2', 5, 2, 10);
    expect(year.checks).toHaveLength(500);
    expect(year.minutes).toHaveLength(250 * 480);
    for (const check of [...year.checks, ...other.checks]) await repositories.checks.add(check);
    await repositories.minutes.putMany(year.minutes);
    await repositories.minutes.putMany(other.minutes);

    const loaded = await loadStationSummary(repositories, 'counter-1', year.fromDay, year.toDay);
    expect([loaded.checkCount, loaded.minuteCount, loaded.corrupt]).toEqual([500, 120_000, 0]);
    const [station] = loaded.summary.stations;
    expect(loaded.summary.stations).toHaveLength(1);
    expect(station!.days).toHaveLength(250);
    expect(station!.checks).toBe(500);
    expect(station!.monitoredMinutes).toBe(120_000);
    const upright = station!.totals.find((tally) => tally.ruleId === 'posture.upright')!;
    expect(upright.checks).toBe(500);
    expect(upright.pass + upright.fail + upright.unknown).toBe(500);
    expect(upright.passFrames + upright.failFrames + upright.unknownFrames).toBe(120_000 * 900);
    expect(station!.trends.find((trend) => trend.ruleId === 'posture.upright')!.points).toHaveLength(250);

    const team = await loadSupervisorSummary(repositories, year.fromDay, year.toDay);
    expect(team.summary.team.stationCount).toBe(2);
    expect(team.summary.stations.map((s) => s.stationId)).toEqual(['counter-1', 'counter-2']);
  });
});
