import { angleBetween, subtract, vec3, type Vec3 } from '../geometry/vector';
import type { FrameSize, NormalizedLandmark, PoseDetection } from '../types';
import { type Degrees, degrees, radians, toDegrees } from '../units';
import { visibleLandmark, visiblePairMidpoint, visiblePairOrEither } from './pose-points';

/** Straight up in world landmark space (its y axis points down). */
const WORLD_UP: Vec3 = vec3(0, -1, 0);

/** The hip-centre to shoulder-centre vector in metres, or null when hips or shoulders are not seen. */
export function trunkVector(pose: PoseDetection, visibilityMin: number): Vec3 | null {
  const shoulders = visiblePairMidpoint(pose.worldLandmarks, 'leftShoulder', 'rightShoulder', visibilityMin);
  const hips = visiblePairMidpoint(pose.worldLandmarks, 'leftHip', 'rightHip', visibilityMin);
  return shoulders && hips ? subtract(shoulders, hips) : null;
}

/** Trunk lean from vertical in 3D (forward, backward or sideways), 0 = upright. */
export function trunkInclinationDeg(pose: PoseDetection, visibilityMin: number): Degrees | null {
  const trunk = trunkVector(pose, visibilityMin);
  return trunk ? angleBetween(trunk, WORLD_UP) : null;
}

/**
 * Angle of the shoulder-centre to ear-centre line from the trunk line, 0 = head stacked on the trunk.
 * Without visible hips (a counter hides them) the reference is vertical instead.
 */
export function neckFlexionDeg(pose: PoseDetection, visibilityMin: number): Degrees | null {
  const shoulders = visiblePairMidpoint(pose.worldLandmarks, 'leftShoulder', 'rightShoulder', visibilityMin);
  const ears = visiblePairOrEither(pose.worldLandmarks, 'leftEar', 'rightEar', visibilityMin);
  if (!shoulders || !ears) return null;
  const reference = trunkVector(pose, visibilityMin) ?? WORLD_UP;
  return angleBetween(subtract(ears, shoulders), reference);
}

/**
 * Tilt of the shoulder line from horizontal in the image, in pixels' true proportions.
 * Positive when the person's left shoulder (image right for a camera facing them) sits lower.
 */
export function shoulderTiltDeg(
  landmarks: readonly NormalizedLandmark[],
  frame: FrameSize,
  visibilityMin: number,
): Degrees | null {
  const left = visibleLandmark(landmarks, 'leftShoulder', visibilityMin);
  const right = visibleLandmark(landmarks, 'rightShoulder', visibilityMin);
  if (!left || !right) return null;
  const dxPx = Math.abs(left.x - right.x) * frame.widthPx;
  const dyPx = (left.y - right.y) * frame.heightPx;
  if (dxPx === 0 && dyPx === 0) return null;
  return degrees(toDegrees(radians(Math.atan2(dyPx, dxPx))));
}
