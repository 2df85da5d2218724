import { POSE, type PoseLandmarkName } from '../landmarks';
import { midpoint, type Vec3 } from '../geometry/vector';
import type { NormalizedLandmark, WorldLandmark } from '../types';

type Landmark = NormalizedLandmark | WorldLandmark;

/** The named landmark when the model saw it well enough, else null. */
export function visibleLandmark<T extends Landmark>(
  landmarks: readonly T[],
  name: PoseLandmarkName,
  visibilityMin: number,
): T | null {
  const point = landmarks[POSE[name]];
  if (!point || ![point.x, point.y, point.z].every(Number.isFinite)) return null;
  return (point.visibility ?? 1) >= visibilityMin ? point : null;
}

/** Midpoint of a left/right pair; null unless both are visible. */
export function visiblePairMidpoint(
  landmarks: readonly Landmark[],
  left: PoseLandmarkName,
  right: PoseLandmarkName,
  visibilityMin: number,
): Vec3 | null {
  const a = visibleLandmark(landmarks, left, visibilityMin);
  const b = visibleLandmark(landmarks, right, visibilityMin);
  return a && b ? midpoint(a, b) : null;
}

/** Midpoint of a pair when both are visible, else whichever one is (a turned head hides an ear). */
export function visiblePairOrEither(
  landmarks: readonly Landmark[],
  left: PoseLandmarkName,
  right: PoseLandmarkName,
  visibilityMin: number,
): Vec3 | null {
  const a = visibleLandmark(landmarks, left, visibilityMin);
  const b = visibleLandmark(landmarks, right, visibilityMin);
  if (a && b) return midpoint(a, b);
  return a ?? b;
}
