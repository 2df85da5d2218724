import 'fake-indexeddb/auto';
import { deleteDB } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_VERSION, openCounterCheckDB, STORE_NAMES } from './db';
import { openCounterCheckDBV1 } from './test-schema.v1';

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
    expect(db.version).toBe(2);
    expect(await db.get('calibrations', 'station-a')).toEqual(calibration);
    expect([...db.objectStoreNames].sort()).toEqual(['calibrations', 'checks', 'minutes', 'settings']);
    expect(await db.count('checks')).toBe(0);
    db.close();
  });
});
