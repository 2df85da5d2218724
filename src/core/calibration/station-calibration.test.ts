import { describe, expect, it } from 'vitest';
import { EMPTY_OBSERVATIONS } from '../observations/empty-observations';
import type { Observations } from '../types';
import { degrees } from '../units';
import {
  calibrateFromObservations,
  InMemoryCalibrationStore,
  isStationCalibration,
  median,
  type StationCalibration,
} from './station-calibration';

const sample = (measures: Partial<Observations>): Observations => ({
  ...EMPTY_OBSERVATIONS,
  personPresent: true,
  ...measures,
});

describe('median', () => {
  it('takes the middle value, or the mean of the two middle values', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('ignores nulls and non-finite values; null when none is left', () => {
    expect(median([null, 5, Number.NaN, undefined, 1])).toBe(3);
    expect(median([null, undefined])).toBeNull();
  });
});

describe('calibrateFromObservations', () => {
  it('takes the median of each measure over the usable frames, ignoring nulls', () => {
    const calibration = calibrateFromObservations(
      [
        sample({
          earAboveShoulderRatio: 0.6,
          headFromVerticalDeg: degrees(14),
          shoulderTiltDeg: degrees(1),
          personPosition: { headX: 0.5, headY: 0.3, shoulderWidthFraction: 0.3 },
        }),
        sample({
          earAboveShoulderRatio: 0.5,
          headFromVerticalDeg: null,
          shoulderTiltDeg: degrees(3),
          personPosition: { headX: 0.6, headY: 0.4, shoulderWidthFraction: 0.4 },
        }),
        sample({
          earAboveShoulderRatio: 0.7,
          headFromVerticalDeg: degrees(18),
          shoulderTiltDeg: null,
          shoulderWidthFrameHeights: 0.5,
        }),
        sample({
          earAboveShoulderRatio: null,
          headFromVerticalDeg: degrees(16),
          headPose: { yaw: degrees(0), pitch: degrees(8), roll: degrees(0) },
        }),
        EMPTY_OBSERVATIONS,
        sample({}),
      ],
      1234,
    );
    expect(calibration).toEqual({
      version: 1,
      capturedAtMs: 1234,
      sampleCount: 4,
      baseline: {
        earAboveShoulderRatio: 0.6,
        noseAboveShoulderRatio: null,
        headFromVerticalDeg: 16,
        headForwardLeanDeg: null,
        shoulderTiltDeg: 2,
        trunkLeanForwardDeg: null,
        headPitchDeg: 8,
        headImageY: null,
        shoulderWidthFrameHeights: 0.5,
      },
      personPosition: { headX: 0.55, headY: expect.closeTo(0.35, 9), shoulderWidthFraction: expect.closeTo(0.35, 9) },
    });
    expect(isStationCalibration(calibration)).toBe(true);
  });

  it('is null with too few usable frames', () => {
    expect(calibrateFromObservations([], 0)).toBeNull();
    expect(calibrateFromObservations([EMPTY_OBSERVATIONS, sample({})], 0)).toBeNull();
    const one = [sample({ earAboveShoulderRatio: 0.6 })];
    expect(calibrateFromObservations(one, 0)).not.toBeNull();
    expect(calibrateFromObservations(one, 0, { minSamples: 2 })).toBeNull();
  });
});

describe('isStationCalibration', () => {
  it('rejects malformed data', () => {
    const good = calibrateFromObservations([sample({ earAboveShoulderRatio: 0.6 })], 0)!;
    expect(isStationCalibration({ ...good, version: 2 })).toBe(false);
    expect(isStationCalibration({ ...good, baseline: { ...good.baseline, shoulderTiltDeg: Number.NaN } })).toBe(false);
    expect(isStationCalibration({ ...good, counterLineY: 1.5 })).toBe(false);
    expect(isStationCalibration({ ...good, counterLineY: 0.7 })).toBe(true);
    expect(isStationCalibration({ ...good, personPosition: { headX: 0.5, headY: 0.4, shoulderWidthFraction: -1 } })).toBe(false);
    expect(isStationCalibration({ ...good, personPosition: { headX: '0.5' } })).toBe(false);
    const { personPosition: _, ...older } = good;
    expect(isStationCalibration(older)).toBe(true);
    // Calibrations stored before the shoulder width was recorded stay valid; a missing older measure does not.
    const { shoulderWidthFrameHeights: __, ...olderBaseline } = good.baseline;
    expect(isStationCalibration({ ...good, baseline: olderBaseline })).toBe(true);
    const { headImageY: ___, ...brokenBaseline } = good.baseline;
    expect(isStationCalibration({ ...good, baseline: brokenBaseline })).toBe(false);
    expect(isStationCalibration(null)).toBe(false);
  });
});

describe('InMemoryCalibrationStore', () => {
  it('saves and loads per station, handing out copies', async () => {
    const store = new InMemoryCalibrationStore();
    const calibration: StationCalibration = {
      ...calibrateFromObservations([sample({ earAboveShoulderRatio: 0.6 })], 5)!,
      counterLineY: 0.7,
    };
    expect(await store.load('desk-1')).toBeNull();
    await store.save('desk-1', calibration);
    const loaded = await store.load('desk-1');
    expect(loaded).toEqual(calibration);
    expect(loaded).not.toBe(calibration);
    expect(await store.load('desk-2')).toBeNull();
  });

  it('refuses malformed calibrations', async () => {
    await expect(
      new InMemoryCalibrationStore().save('x', { version: 1 } as unknown as StationCalibration),
    ).rejects.toThrow(TypeError);
  });
});
