import { beforeEach, describe, expect, it } from 'vitest';
import type { StationCalibration } from '../core/calibration/station-calibration';
import { IndexedDbCalibrationStore } from './calibration-store';
import { useTestDatabase } from './test-database';

const NAME = 'countercheck-test';

const calibration: StationCalibration = {
  version: 1,
  capturedAtMs: 1_700_000_000_000,
  sampleCount: 12,
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
  counterLineY: 0.8,
};

describe('IndexedDbCalibrationStore', () => {
  const { db, open } = useTestDatabase(NAME);
  let store: IndexedDbCalibrationStore;
  beforeEach(async () => {
    store = new IndexedDbCalibrationStore(open);
  });

  it('saves, loads and clears a station calibration', async () => {
    expect(await store.load('station-a')).toBeNull();
    await store.save('station-a', calibration);
    expect(await store.load('station-a')).toEqual(calibration);
    expect(await store.load('station-b')).toBeNull();
    await store.clear('station-a');
    expect(await store.load('station-a')).toBeNull();
  });

  it('reads a corrupt record as no calibration, not a crash', async () => {
    await db().put('calibrations', { version: 99, nonsense: true } as never, 'station-a');
    expect(await store.load('station-a')).toBeNull();
  });

  it('refuses to save something that is not a calibration', async () => {
    await expect(store.save('station-a', { version: 1 } as never)).rejects.toThrow('not a station calibration');
  });
});
