import type { PoseDetection } from '../types';
import { type Degrees, degrees, radians, toDegrees } from '../units';
import { visibleLandmark } from './pose-points';

/**
 * Rotation of the shoulder line about the vertical, from the world landmarks (x right, z away from the
 * camera): 0 = square to the camera, + = the person's left shoulder nearer the camera, ±90 = side on.
 * Null unless both shoulders are visible.
 */
export function bodyYawDeg(pose: PoseDetection, visibilityMin: number): Degrees | null {
  const left = visibleLandmark(pose.worldLandmarks, 'leftShoulder', visibilityMin);
  const right = visibleLandmark(pose.worldLandmarks, 'rightShoulder', visibilityMin);
  if (!left || !right) return null;
  const dx = left.x - right.x;
  const dz = left.z - right.z;
  if (Math.hypot(dx, dz) === 0) return null;
  return degrees(toDegrees(radians(Math.atan2(-dz, dx))));
}
