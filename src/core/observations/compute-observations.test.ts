import { describe, expect, it } from 'vitest';
import { DEFAULT_OBSERVATION_CONFIG } from '../config';
import { computeObservations } from './compute-observations';
import { smileScore } from './smile';
import { makePose, UPRIGHT_WORLD } from './test-poses';

const frame = { widthPx: 640, heightPx: 480 };

describe('computeObservations', () => {
  it('reports no person and all measures null for an empty frame', () => {
    const observations = computeObservations({ frame, pose: null, face: null }, DEFAULT_OBSERVATION_CONFIG);
    expect(observations.personPresent).toBe(false);
    expect(observations.trunkInclinationDeg).toBeNull();
    expect(observations.headPose).toBeNull();
    expect(observations.smileScore).toBeNull();
  });

  it('measures a pose without a face', () => {
    const observations = computeObservations(
      { frame, pose: makePose(UPRIGHT_WORLD), face: null },
      DEFAULT_OBSERVATION_CONFIG,
    );
    expect(observations.personPresent).toBe(true);
    expect(observations.faceFound).toBe(false);
    expect(observations.trunkInclinationDeg).toBeCloseTo(0, 6);
    expect(observations.neckFlexionDeg).toBeCloseTo(0, 6);
  });

  it('reads head pose and smile from a face', () => {
    const identity = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, -40, 1];
    const observations = computeObservations(
      {
        frame,
        pose: null,
        face: { landmarks: [], blendshapes: { mouthSmileLeft: 0.8, mouthSmileRight: 0.6 }, transformationMatrix: identity },
      },
      DEFAULT_OBSERVATION_CONFIG,
    );
    expect(observations.faceFound).toBe(true);
    expect(observations.headPose?.yaw).toBeCloseTo(0, 9);
    expect(observations.smileScore).toBeCloseTo(0.7, 9);
  });
});

describe('smileScore', () => {
  it('is null when a smile blendshape is missing', () => {
    expect(smileScore({ mouthSmileLeft: 0.5 })).toBeNull();
  });
});
