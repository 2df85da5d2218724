import type { IDBPDatabase } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { counts, makeCheck, makeMinute, pass, TEST_NOW_MS } from '../core/summaries/test-records';
import { CheckRepository } from './check-repository';
import { type CounterCheckDB, STORE_NAMES } from './db';
import { eraseAllData } from './erase-all-data';
import { MinuteRepository } from './minute-repository';
import { CONSENT_KEY, RETENTION_DAYS_KEY } from './privacy-preferences';
import { STATION_ID_KEY } from './station-identity';
import { useTestDatabase } from './test-database';

const NAME = 'countercheck-erase-test';
const options = { nowMs: () => TEST_NOW_MS };

describe('eraseAllData', () => {
  const { db, open } = useTestDatabase(NAME);
  const storage = new Map<string, string>();
  const storageLike = { removeItem: (key: string) => void storage.delete(key) };
  beforeEach(async () => {
    await new CheckRepository(open, options).add(makeCheck(1, 'station-abcdef', '2026-03-14', { 'posture.upright': pass() }));
    await new MinuteRepository(open, options).putMany([makeMinute('station-abcdef', '2026-03-14', 9, 0, { 'posture.upright': counts(1, 0, 0, 0) })]);
    await db().put('calibrations', { version: 1 } as never, 'station-abcdef');
    await db().put('settings', { version: 1 } as never, 'station-abcdef');
    storage.set(STATION_ID_KEY, 'station-abcdef');
    storage.set(RETENTION_DAYS_KEY, '30');
    storage.set(CONSENT_KEY, '{"version":1,"acceptedAtMs":1}');
  });

  it('empties every store and forgets the pseudonym and retention period, keeping the consent', async () => {
    await eraseAllData(open, storageLike);
    for (const store of STORE_NAMES) expect(await db().count(store), store).toBe(0);
    expect([...storage.keys()]).toEqual([CONSENT_KEY]);
  });

  it('touches nothing in localStorage when the database cannot be emptied', async () => {
    const failing = async (): Promise<IDBPDatabase<CounterCheckDB>> => {
      throw new Error('disk gone');
    };
    await expect(eraseAllData(failing, storageLike)).rejects.toThrow();
    expect(storage.get(STATION_ID_KEY)).toBe('station-abcdef');
    expect(await db().count('checks')).toBe(1);
  });
});
