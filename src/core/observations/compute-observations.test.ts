import { describe, expect, it } from 'vitest';
import { DEFAULT_OBSERVATION_CONFIG } from '../config';
import { computeObservations } from './compute-observations';
import { smileScore } from './smile';
import { EMPTY_OBSERVATIONS } from './empty-observations';
import {
  ARMS_FOLDED,
  CHIN_PROPPED_ON_RIGHT_HAND,
  makeFace,
  makePose,
  makeSeatedPose,
  SEATED_CHIN,
  SEATED_FRAME,
  UPRIGHT_WORLD,
} from './test-poses';

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
        face: {
          landmarks: [],
          blendshapes: { mouthSmileLeft: 0.8, mouthSmileRight: 0.6 },
          transformationMatrix: identity,
        },
      },
      DEFAULT_OBSERVATION_CONFIG,
    );
    expect(observations.faceFound).toBe(true);
    expect(observations.headPose?.yaw).toBeCloseTo(0, 9);
    expect(observations.smileScore).toBeCloseTo(0.7, 9);
  });
});

describe('computeObservations, posture measures', () => {
  it('matches EMPTY_OBSERVATIONS for an empty frame, key for key', () => {
    const observations = computeObservations({ frame, pose: null, face: null }, DEFAULT_OBSERVATION_CONFIG);
    expect(observations).toEqual(EMPTY_OBSERVATIONS);
  });

  it('fills every posture measure for a seated person with arms folded', () => {
    const pose = makeSeatedPose({ headLeanDeg: 20, earAboveShoulderRatio: 0.6, image: ARMS_FOLDED });
    const observations = computeObservations({ frame: SEATED_FRAME, pose, face: null }, DEFAULT_OBSERVATION_CONFIG);
    expect(observations.bodyYawDeg).toBeCloseTo(0, 9);
    expect(observations.earAboveShoulderRatio).toBeCloseTo(0.6, 9);
    expect(observations.noseAboveShoulderRatio).toBeCloseTo(0.5, 9);
    expect(observations.headFromVerticalDeg).toBeCloseTo(20, 6);
    expect(observations.headForwardLeanDeg).toBeCloseTo(20, 6);
    expect(observations.trunkLeanForwardDeg).toBeNull();
    expect(observations.armsCrossing?.wristPastMidlineRatio).toBeGreaterThan(0.4);
    expect(observations.chinRest).toBeNull();
    expect(observations.poseVisibility?.wrists).toBe(1);
  });

  it('places the chin from the face mesh', () => {
    const pose = makeSeatedPose({ image: CHIN_PROPPED_ON_RIGHT_HAND });
    const face = makeFace({ chin: SEATED_CHIN });
    const observations = computeObservations({ frame: SEATED_FRAME, pose, face }, DEFAULT_OBSERVATION_CONFIG);
    expect(observations.chinRest?.handToChinRatio).toBeLessThan(0.1);
  });
});

describe('smileScore', () => {
  it('is null when a smile blendshape is missing', () => {
    expect(smileScore({ mouthSmileLeft: 0.5 })).toBeNull();
  });
});
