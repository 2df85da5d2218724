import type { Observations } from '../types';

/**
 * Observations with nothing measured: no person, every measure null. Spread it to build fixtures
 * and fakes, so that a new measure added to `Observations` does not break them.
 */
export const EMPTY_OBSERVATIONS: Observations = Object.freeze({
  personPresent: false,
  faceFound: false,
  trunkInclinationDeg: null,
  neckFlexionDeg: null,
  shoulderTiltDeg: null,
  headPose: null,
  smileScore: null,
  poseVisibility: null,
  bodyYawDeg: null,
  earAboveShoulderRatio: null,
  noseAboveShoulderRatio: null,
  headImageY: null,
  shoulderWidthFrameHeights: null,
  headFromVerticalDeg: null,
  headForwardLeanDeg: null,
  trunkLeanForwardDeg: null,
  armsCrossing: null,
  chinRest: null,
  personWithoutLandmarks: null,
  bodyFoundOnlySideways: null,
  personPosition: null,
});
