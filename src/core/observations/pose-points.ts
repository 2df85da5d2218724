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

/** True when a normalized point lies inside the frame (0..1 on both axes). */
export const isInFrame = (point: { readonly x: number; readonly y: number }): boolean =>
  point.x >= 0 && point.x <= 1 && point.y >= 0 && point.y <= 1;

/**
 * The named normalized landmark when it is visible enough and inside the frame. The model also
 * places points it cannot see (hips behind a counter, shoulders below the frame edge), often with
 * a high visibility; image-space measures must not use those.
 */
export function inFrameLandmark(
  landmarks: readonly NormalizedLandmark[],
  name: PoseLandmarkName,
  visibilityMin: number,
): NormalizedLandmark | null {
  const point = visibleLandmark(landmarks, name, visibilityMin);
  return point && isInFrame(point) ? point : null;
}
