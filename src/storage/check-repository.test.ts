import { beforeEach, describe, expect, it } from 'vitest';
import { deepFreeze } from '../core/summaries/deep-freeze';
import { fail, makeCheck, pass, TEST_NOW_MS, unknown } from '../core/summaries/test-records';
import { CheckRepository } from './check-repository';
import { StorageError } from './storage-error';
import { useTestDatabase } from './test-database';

const NAME = 'countercheck-checks-test';

describe('CheckRepository', () => {
  const { db, open } = useTestDatabase(NAME);
  let repo: CheckRepository;
  beforeEach(async () => {
    repo = new CheckRepository(open, { nowMs: () => TEST_NOW_MS });
  });

  const a1 = makeCheck(1, 'A', '2026-03-09', { 'posture.upright': pass() }, 8);
  const a2 = makeCheck(2, 'A', '2026-03-09', { 'posture.upright': fail() }, 7);
  const a3 = makeCheck(3, 'A', '2026-03-10', { 'posture.upright': unknown() }, 8);
  const a4 = makeCheck(4, 'A', '2026-03-12', { 'posture.upright': pass() }, 8);
  const b1 = makeCheck(5, 'B', '2026-03-10', { 'posture.upright': pass() }, 8);

  async function addAll(): Promise<void> {
    for (const record of [a3, b1, a1, a4, a2]) await repo.add(record);
  }

  it('adds frozen records and lists a station by day range, oldest first', async () => {
    await addAll();
    const listing = await repo.listByStation('A', '2026-03-09', '2026-03-10');
    expect(listing).toEqual({ records: [a2, a1, a3], corrupt: 0 });
    expect((await repo.listByStation('A', '2026-03-11', '2026-03-31')).records).toEqual([a4]);
    expect((await repo.listByStation('C', '2026-01-01', '2026-12-31')).records).toEqual([]);
    expect((await repo.listByStation('A', '2026-03-31', '2026-03-01')).records).toEqual([]);
    await expect(repo.listByStation('A', '2026-3-1', '2026-03-31')).rejects.toThrow(RangeError);
  });

  it('lists every station by day range, and everything', async () => {
    await addAll();
    expect((await repo.listByDays('2026-03-10', '2026-03-10')).records.map((r) => r.id).sort()).toEqual([a3.id, b1.id].sort());
    expect((await repo.listAll()).records).toHaveLength(5);
  });

  it('gives the latest N of a station, newest first', async () => {
    await addAll();
    expect((await repo.latest('A', 2)).records).toEqual([a4, a3]);
    expect((await repo.latest('A', 3)).records).toEqual([a4, a3, a1]);
    expect((await repo.latest('A', 10)).records).toEqual([a4, a3, a1, a2]);
    expect((await repo.latest('B', 1)).records).toEqual([b1]);
    expect((await repo.latest('A', 0)).records).toEqual([]);
  });

  it('refuses an invalid record and a duplicate id, writing nothing', async () => {
    const bad = deepFreeze({ ...a1, verdicts: { 'posture.upright': { status: 'maybe', measures: {} } } });
    await expect(repo.add(bad as never)).rejects.toMatchObject({ name: 'StorageError', kind: 'invalid-record' });
    await repo.add(a1);
    const error = await repo.add(a1).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect(error).toMatchObject({ kind: 'duplicate' });
    expect(await db().count('checks')).toBe(1);
  });

  it('skips and counts a corrupt stored record without losing the others', async () => {
    await addAll();
    await db().put('checks', { ...a1, id: '00000000-0000-4000-8000-00000000ffff', verdicts: { 'posture.upright': { status: 'maybe' } } } as never);
    await db().put('checks', { id: 'junk', stationId: 'A', day: '2026-03-09', startedAtMs: 'yesterday' } as never);
    const listing = await repo.listByStation('A', '2026-03-01', '2026-03-31');
    expect(listing.records).toEqual([a2, a1, a3, a4]);
    expect(listing.corrupt).toBe(2);
    expect((await repo.latest('A', 10)).corrupt).toBe(2);
    expect((await repo.listAll()).corrupt).toBe(2);
    expect(await db().count('checks')).toBe(7);
  });

  it('deletes records before a day, and all records', async () => {
    await addAll();
    expect(await repo.deleteBefore('2026-03-10')).toBe(2);
    expect((await repo.listAll()).records.map((r) => r.id).sort()).toEqual([a3.id, a4.id, b1.id].sort());
    await repo.deleteAll();
    expect(await db().count('checks')).toBe(0);
  });

  it('keeps an opted-in thumbnail', async () => {
    const thumbnail = new Blob([new Uint8Array([1, 2, 3])], { type: 'image/jpeg' });
    await repo.add({ ...a1, thumbnail });
    const [stored] = (await repo.listAll()).records;
    expect(stored!.thumbnail).toBeInstanceOf(Blob);
    expect(stored!.thumbnail!.size).toBe(3);
  });
});
