import { angleBetween, dot, length, subtract, vec3, type Vec3 } from '../geometry/vector';
import type { PoseDetection } from '../types';
import { type Degrees, degrees, radians, toDegrees } from '../units';
import { inFrameLandmark, visibleLandmark, visiblePairMidpoint, visiblePairOrEither } from './pose-points';

/** Straight up in world landmark space (its y axis points down). */
const WORLD_UP: Vec3 = vec3(0, -1, 0);

/**
 * The horizontal unit vector the body faces, in world space (x right, y down, z away from the camera),
 * from the shoulder line: perpendicular to it, on the chest side. Null unless both shoulders are seen.
 * For a person facing the camera this is (0, 0, -1). Only the shoulders are used: the model also
 * places hips it cannot see, and those would skew the axis.
 */
export function bodyForward(pose: PoseDetection, visibilityMin: number): Vec3 | null {
  const left = visibleLandmark(pose.worldLandmarks, 'leftShoulder', visibilityMin);
  const right = visibleLandmark(pose.worldLandmarks, 'rightShoulder', visibilityMin);
  if (!left || !right) return null;
  // lateral = left - right; forward = lateral x up, with up = (0, -1, 0): (lz, 0, -lx).
  const forward = vec3(left.z - right.z, 0, -(left.x - right.x));
  const size = length(forward);
  return size > 0 ? vec3(forward.x / size, 0, forward.z / size) : null;
}

/** Angle of `segment` from vertical-up within the plane of `forward` and vertical: + toward `forward`. */
function sagittalAngleDeg(segment: Vec3, forward: Vec3): Degrees | null {
  const ahead = dot(segment, forward);
  const up = -segment.y;
  if (ahead === 0 && up === 0) return null;
  return degrees(toDegrees(radians(Math.atan2(ahead, up))));
}

/**
 * Shoulder-centre to ear-centre line from vertical in the body's sagittal plane, + = head forward
 * of the shoulders (dropped, jutting or resting on the arms), - = head back. Sideways tilt does not count.
 * Hips are not needed, so it works behind a counter.
 */
export function headForwardLeanDeg(pose: PoseDetection, visibilityMin: number): Degrees | null {
  const world = pose.worldLandmarks;
  const shoulders = visiblePairMidpoint(world, 'leftShoulder', 'rightShoulder', visibilityMin);
  const ears = visiblePairOrEither(world, 'leftEar', 'rightEar', visibilityMin);
  const forward = bodyForward(pose, visibilityMin);
  if (!shoulders || !ears || !forward) return null;
  return sagittalAngleDeg(subtract(ears, shoulders), forward);
}

/**
 * Shoulder-centre to ear-centre line from vertical in 3D, in any direction (forward, sideways onto an
 * arm, back), 0 = head straight above the shoulders, 90 = head level with them. Hips are not needed.
 */
export function headFromVerticalDeg(pose: PoseDetection, visibilityMin: number): Degrees | null {
  const world = pose.worldLandmarks;
  const shoulders = visiblePairMidpoint(world, 'leftShoulder', 'rightShoulder', visibilityMin);
  const ears = visiblePairOrEither(world, 'leftEar', 'rightEar', visibilityMin);
  if (!shoulders || !ears) return null;
  return angleBetween(subtract(ears, shoulders), WORLD_UP);
}

/**
 * Hip-centre to shoulder-centre line from vertical in the body's sagittal plane, + = leaning forward,
 * - = reclining. Null unless both hips are visible and inside the frame: the model guesses hips hidden
 * by a counter or the frame edge, and a trunk through guessed hips means nothing.
 */
export function trunkLeanForwardDeg(pose: PoseDetection, visibilityMin: number): Degrees | null {
  const hipsInFrame =
    inFrameLandmark(pose.landmarks, 'leftHip', visibilityMin) !== null &&
    inFrameLandmark(pose.landmarks, 'rightHip', visibilityMin) !== null;
  if (!hipsInFrame) return null;
  const world = pose.worldLandmarks;
  const shoulders = visiblePairMidpoint(world, 'leftShoulder', 'rightShoulder', visibilityMin);
  const hips = visiblePairMidpoint(world, 'leftHip', 'rightHip', visibilityMin);
  const forward = bodyForward(pose, visibilityMin);
  if (!shoulders || !hips || !forward) return null;
  return sagittalAngleDeg(subtract(shoulders, hips), forward);
}
