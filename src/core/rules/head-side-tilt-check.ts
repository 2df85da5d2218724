import type { PostureRulesConfig } from '../config';
import type { Observations } from '../types';
import type { Check } from './judge';

/** Face mesh measures get this visibility: the face landmarker reports no per-point visibility. */
const FACE_MEASURE_VISIBILITY = 1;

/**
 * The head lying on its side: the face's sideways tilt past the neck's own range. Needs only the face,
 * so it decides even when the pose model finds no body (a head on folded arms often hides it).
 */
export function headSideTiltCheck(observations: Observations, config: PostureRulesConfig): Check {
  const roll = observations.headPose?.roll;
  return {
    measure: 'headSideTiltDeg',
    value: roll === undefined ? null : Math.abs(roll),
    threshold: 'headSideTiltMaxDeg',
    limit: config.lyingHeadRollDeg,
    bound: 'max',
    scale: 15,
    failReason: 'head lying on its side',
    visibility: FACE_MEASURE_VISIBILITY,
  };
}
