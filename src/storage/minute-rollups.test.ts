import { beforeEach, describe, expect, it } from 'vitest';
import { rollupMinutes } from '../core/summaries/minute-rollup';
import { summarizeRecords } from '../core/summaries/summarize-records';
import { counts, makeMinute, TEST_NOW_MS } from '../core/summaries/test-records';
import { CheckRepository } from './check-repository';
import { importData } from './data-transfer';
import { loadSupervisorSummary } from './load-summary';
import { MinuteRepository } from './minute-repository';
import { seedYear } from './seed';
import { useTestDatabase } from './test-database';

const NAME = 'countercheck-rollups-test';

describe('MinuteRepository.rollupsByDays (the rollup cache)', () => {
  const { db, open } = useTestDatabase(NAME);
  let repo: MinuteRepository;
  beforeEach(async () => {
    repo = new MinuteRepository(open, { nowMs: () => TEST_NOW_MS });
  });

  const a0 = makeMinute('A', '2026-03-09', 9, 0, { 'posture.upright': counts(800, 100, 0, 6000) });
  const a1 = makeMinute('A', '2026-03-09', 9, 1, { 'posture.upright': counts(900, 0, 0, 0) });
  const b0 = makeMinute('B', '2026-03-10', 9, 0, { 'posture.upright': counts(0, 0, 900, 0) });
  const today = makeMinute('A', '2026-03-15', 9, 0, { 'posture.upright': counts(900, 0, 0, 0) });

  it('matches the minutes, caches days before today, and reuses the cache while it still matches', async () => {
    await repo.putMany([a0, a1, b0, today]);
    const first = await repo.rollupsByDays('2026-03-01', '2026-03-15');
    expect(first.rollups).toEqual(rollupMinutes([a0, a1, b0, today]));
    expect([first.minuteCount, first.corrupt, first.recomputedDays]).toEqual([4, 0, 3]);
    // Today's minutes are still coming: only the earlier days are cached.
    expect((await db().getAllKeys('minuteRollups')).sort()).toEqual(['A:2026-03-09', 'B:2026-03-10']);
    const second = await repo.rollupsByDays('2026-03-01', '2026-03-15');
    expect(second.rollups).toEqual(first.rollups);
    expect(second.recomputedDays).toBe(1); // today only
  });

  it('never serves a stale rollup: a minute replaced, added behind its back, or deleted is seen', async () => {
    await repo.putMany([a0, a1, b0]);
    await repo.rollupsByDays('2026-03-09', '2026-03-10');
    // Replaced in place through the repository: the day's rollup is dropped with the write.
    const a0Again = makeMinute('A', '2026-03-09', 9, 0, { 'posture.upright': counts(0, 900, 0, 60_000) });
    await repo.put(a0Again);
    expect((await repo.rollupsByDays('2026-03-09', '2026-03-10')).rollups).toEqual(rollupMinutes([a0Again, a1, b0]));
    // Added straight into the store (as an import does): the day's count no longer matches.
    const a2 = makeMinute('A', '2026-03-09', 9, 2, { 'posture.upright': counts(450, 450, 0, 30_000) });
    await db().add('minutes', a2);
    let read = await repo.rollupsByDays('2026-03-09', '2026-03-10');
    expect(read.rollups).toEqual(rollupMinutes([a0Again, a1, a2, b0]));
    expect(read.recomputedDays).toBe(1);
    // Deleted straight from the store.
    await db().delete('minutes', b0.id);
    read = await repo.rollupsByDays('2026-03-09', '2026-03-10');
    expect(read.rollups).toEqual(rollupMinutes([a0Again, a1, a2]));
    expect(await db().getAllKeys('minuteRollups')).toEqual(['A:2026-03-09']);
  });

  it('counts a corrupt stored minute once, and does not trust a damaged rollup', async () => {
    await repo.putMany([a0, a1]);
    await db().put('minutes', { ...b0, rules: { 'posture.upright': { pass: -1 } } } as never);
    let read = await repo.rollupsByDays('2026-03-09', '2026-03-10');
    expect([read.minuteCount, read.corrupt]).toEqual([2, 1]);
    read = await repo.rollupsByDays('2026-03-09', '2026-03-10');
    expect([read.minuteCount, read.corrupt, read.recomputedDays]).toEqual([2, 1, 0]);
    await db().put('minuteRollups', { ...(await db().get('minuteRollups', 'A:2026-03-09'))!, monitoredMinutes: 'many' } as never);
    read = await repo.rollupsByDays('2026-03-09', '2026-03-10');
    expect(read.recomputedDays).toBe(1);
    expect(read.rollups.find((rollup) => rollup.id === 'A:2026-03-09')!.monitoredMinutes).toBe(2);
  });

  it('deleting old minutes or all of them deletes their rollups too', async () => {
    await repo.putMany([a0, a1, b0]);
    await repo.rollupsByDays('2026-03-09', '2026-03-10');
    expect(await repo.deleteBefore('2026-03-10')).toBe(2);
    expect(await db().getAllKeys('minuteRollups')).toEqual(['B:2026-03-10']);
    await repo.deleteAll();
    expect(await db().count('minuteRollups')).toBe(0);
  });

  it('gives the supervisor the very summary the minutes give, for a seeded year and after an import', async () => {
    const year = seedYear('station-year', 30, 2, 40);
    await repo.putMany(year.minutes.slice(0, 600));
    const checks = new CheckRepository(open, { nowMs: () => TEST_NOW_MS });
    const repositories = { checks, minutes: repo };
    await loadSupervisorSummary(repositories, year.fromDay, year.toDay); // caches the first 15 days
    const rest = JSON.stringify({ format: 'countercheck-export', version: 1, exportedAtMs: TEST_NOW_MS, checks: year.checks, minutes: year.minutes.slice(600) });
    await importData(open, rest, { nowMs: TEST_NOW_MS });
    const loaded = await loadSupervisorSummary(repositories, year.fromDay, year.toDay, 1);
    expect(loaded.minuteCount).toBe(year.minutes.length);
    expect(loaded.summary.stations[0]).toEqual(summarizeRecords(year.checks, year.minutes).stations[0]);
  }, 30_000);
});
