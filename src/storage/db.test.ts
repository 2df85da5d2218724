import 'fake-indexeddb/auto';
import { deleteDB } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_VERSION, openCounterCheckDB, STORE_NAMES } from './db';
import { openCounterCheckDBV1 } from './test-schema.v1';
import { openCounterCheckDBV2 } from './test-schema.v2';
import { makeCheck, makeMinute, counts, pass } from '../core/summaries/test-records';
import { MinuteRepository } from './minute-repository';

const NAME = 'countercheck-db-test';

const calibration = {
  version: 1,
  capturedAtMs: 1_700_000_000_000,
  sampleCount: 3,
  baseline: {
    earAboveShoulderRatio: 0.6,
    noseAboveShoulderRatio: 0.55,
    headFromVerticalDeg: 12,
    headForwardLeanDeg: 5,
    shoulderTiltDeg: 1,
    trunkLeanForwardDeg: null,
    headPitchDeg: 8,
    headImageY: 0.3,
  },
};

describe('openCounterCheckDB', () => {
  afterEach(async () => {
    await deleteDB(NAME);
  });

  it('creates every store and index on a fresh database', async () => {
    const db = await openCounterCheckDB(NAME);
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual([...STORE_NAMES].sort());
    const tx = db.transaction(['checks', 'minutes']);
    expect([...tx.objectStore('checks').indexNames].sort()).toEqual(['by-day', 'by-station-day', 'by-time']);
    expect([...tx.objectStore('minutes').indexNames].sort()).toEqual(['by-day', 'by-station-day', 'by-time']);
    expect(tx.objectStore('checks').keyPath).toBe('id');
    expect(tx.objectStore('checks').index('by-station-day').keyPath).toEqual(['stationId', 'day']);
    expect(tx.objectStore('minutes').index('by-time').keyPath).toBe('minuteStartMs');
    await tx.done;
    db.close();
  });

  it('upgrades a version 1 database, keeping its calibrations', async () => {
    const v1 = await openCounterCheckDBV1(NAME);
    await v1.put('calibrations', calibration, 'station-a');
    v1.close();

    const db = await openCounterCheckDB(NAME);
    expect(db.version).toBe(DB_VERSION);
    expect(await db.get('calibrations', 'station-a')).toEqual(calibration);
    expect([...db.objectStoreNames].sort()).toEqual(['calibrations', 'checks', 'minuteRollups', 'minutes', 'settings']);
    expect(await db.count('checks')).toBe(0);
    db.close();
  });

  it('upgrades a version 2 database to 3, keeping every record and adding the empty rollup cache', async () => {
    const check = makeCheck(1, 'station-a', '2026-03-09', { 'posture.upright': pass() });
    const minute = makeMinute('station-a', '2026-03-09', 9, 0, { 'posture.upright': counts(800, 100, 0, 6000) });
    const v2 = await openCounterCheckDBV2(NAME);
    await v2.put('calibrations', calibration, 'station-a');
    await v2.put('checks', check);
    await v2.put('minutes', minute);
    await v2.put('settings', { version: 1, stationId: 'station-a', updatedAtMs: 1_700_000_000_000, keepThumbnails: false }, 'station-a');
    v2.close();

    const db = await openCounterCheckDB(NAME);
    expect(db.version).toBe(3);
    expect(await db.get('checks', check.id)).toEqual(check);
    expect(await db.get('minutes', minute.id)).toEqual(minute);
    expect(await db.get('calibrations', 'station-a')).toEqual(calibration);
    expect(await db.count('settings')).toBe(1);
    expect(await db.count('minuteRollups')).toBe(0);
    const tx = db.transaction('minuteRollups');
    expect(tx.store.keyPath).toBe('id');
    expect([...tx.store.indexNames]).toEqual(['by-day']);
    await tx.done;
    // The first read of the day fills the cache from the migrated minutes.
    const read = await new MinuteRepository(async () => db, { nowMs: () => Date.UTC(2026, 2, 15) }).rollupsByDays('2026-03-09', '2026-03-09');
    expect(read.rollups).toMatchObject([{ id: 'station-a:2026-03-09', monitoredMinutes: 1 }]);
    expect(await db.count('minuteRollups')).toBe(1);
    db.close();
  });
});
