import { beforeEach, describe, expect, it } from 'vitest';
import { exportData } from './data-transfer';
import { makeCheck, pass, TEST_NOW_MS } from '../core/summaries/test-records';
import { CheckRepository } from './check-repository';
import { useTestDatabase } from './test-database';

const NAME = 'countercheck-thumbnails-test';

describe('opted-in self-check thumbnails', () => {
  const { db, open } = useTestDatabase(NAME);
  let repo: CheckRepository;
  beforeEach(async () => {
    repo = new CheckRepository(open, { nowMs: () => TEST_NOW_MS });
  });

  const jpeg = () => new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 0xff, 0xd9])], { type: 'image/jpeg' });
  const withPicture = { ...makeCheck(1, 'A', '2026-03-09', { 'posture.upright': pass() }), thumbnail: jpeg() };
  const withPicture2 = { ...makeCheck(2, 'A', '2026-03-10', { 'posture.upright': pass() }), thumbnail: jpeg() };
  const plain = makeCheck(3, 'A', '2026-03-11', { 'posture.upright': pass() });
  const otherStation = { ...makeCheck(4, 'B', '2026-03-10', { 'posture.upright': pass() }), thumbnail: jpeg() };

  it('keeps a thumbnail with its record, never exports it, and erases it with the record', async () => {
    for (const record of [withPicture, plain]) await repo.add(record);
    const [latest, older] = (await repo.latest('A', 10)).records;
    expect(latest!.thumbnail).toBeUndefined();
    expect(older!.thumbnail).toBeInstanceOf(Blob);
    expect(older!.thumbnail!.type).toBe('image/jpeg');
    expect(older!.thumbnail!.size).toBe(9);
    const exported = await exportData(open, { nowMs: TEST_NOW_MS });
    expect(exported.json).not.toContain('thumbnail');
    expect(await repo.delete(withPicture.id)).toBe(true);
    expect(await db().get('checks', withPicture.id)).toBeUndefined();
    expect(await repo.delete(withPicture.id)).toBe(false);
  });

  it('withdrawing the opt-in removes a station’s pictures and keeps its checks and other stations’ pictures', async () => {
    for (const record of [withPicture, withPicture2, plain, otherStation]) await repo.add(record);
    expect(await repo.removeThumbnails('A')).toBe(2);
    const a = (await repo.listByStation('A', '2026-03-01', '2026-03-31')).records;
    expect(a.map((record) => record.id)).toEqual([withPicture.id, withPicture2.id, plain.id]);
    expect(a.every((record) => !('thumbnail' in record))).toBe(true);
    expect((await db().get('checks', otherStation.id))!.thumbnail).toBeInstanceOf(Blob);
    expect(await repo.removeThumbnails('A')).toBe(0);
  });
});
