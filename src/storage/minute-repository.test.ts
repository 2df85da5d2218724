import { beforeEach, describe, expect, it } from 'vitest';
import { counts, makeMinute, TEST_NOW_MS } from '../core/summaries/test-records';
import { MinuteRepository } from './minute-repository';
import { useTestDatabase } from './test-database';

const NAME = 'countercheck-minutes-test';

describe('MinuteRepository', () => {
  const { db, open } = useTestDatabase(NAME);
  let repo: MinuteRepository;
  beforeEach(async () => {
    repo = new MinuteRepository(open, { nowMs: () => TEST_NOW_MS });
  });

  const a1 = makeMinute('A', '2026-03-09', 9, 1, { 'posture.upright': counts(900, 0, 0, 0) });
  const a0 = makeMinute('A', '2026-03-09', 9, 0, { 'posture.upright': counts(800, 100, 0, 6000) });
  const a2 = makeMinute('A', '2026-03-11', 9, 0, { 'posture.upright': counts(900, 0, 0, 0) });
  const b0 = makeMinute('B', '2026-03-09', 9, 0, { 'posture.upright': counts(0, 0, 900, 0) });

  it('puts idempotently: the same minute twice is one record, the latest write kept', async () => {
    await repo.putMany([a1, a0, a2, b0]);
    await repo.put(a0);
    expect(await db().count('minutes')).toBe(4);
    const replaced = makeMinute('A', '2026-03-09', 9, 0, { 'posture.upright': counts(900, 0, 0, 0) });
    await repo.put(replaced);
    expect(await db().count('minutes')).toBe(4);
    expect(await db().get('minutes', a0.id)).toEqual(replaced);
  });

  it('lists a station by day range, oldest first, and every station by day', async () => {
    await repo.putMany([a2, b0, a1, a0]);
    expect(await repo.listByStation('A', '2026-03-09', '2026-03-10')).toEqual({ records: [a0, a1], corrupt: 0 });
    expect((await repo.listByStation('A', '2026-03-09', '2026-03-11')).records).toEqual([a0, a1, a2]);
    expect((await repo.listByDays('2026-03-09', '2026-03-09')).records).toEqual([a0, b0, a1]);
  });

  it('refuses a batch with an invalid minute, writing none of it', async () => {
    const bad = { ...a1, rules: { 'posture.upright': counts(-5, 0, 0, 0) } };
    await expect(repo.putMany([a0, bad])).rejects.toMatchObject({ kind: 'invalid-record', message: expect.stringContaining('#1') });
    expect(await db().count('minutes')).toBe(0);
  });

  it('skips and counts a corrupt stored minute', async () => {
    await repo.putMany([a0, a1]);
    await db().put('minutes', { ...a1, id: 'A:0', rules: { 'posture.upright': { pass: Number.NaN } } } as never);
    expect(await repo.listByStation('A', '2026-03-09', '2026-03-09')).toEqual({ records: [a0, a1], corrupt: 1 });
  });

  it('deletes minutes before a day, and all', async () => {
    await repo.putMany([a0, a1, a2, b0]);
    expect(await repo.deleteBefore('2026-03-11')).toBe(3);
    expect((await repo.listAll()).records).toEqual([a2]);
    await repo.deleteAll();
    expect(await db().count('minutes')).toBe(0);
  });
});
