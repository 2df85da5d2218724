import type { FrameSize, NormalizedLandmark } from '../types';
import { inFrameLandmark } from './pose-points';
import type { ShoulderFrame } from './image-space';

export interface HeadHeight {
  readonly earAboveShoulderRatio: number | null;
  readonly noseAboveShoulderRatio: number | null;
  readonly headImageY: number | null;
  readonly shoulderWidthFrameHeights: number | null;
}

/** Ear centre when both ears are in frame, else whichever one is (a turned or resting head hides one). */
function earPoint(landmarks: readonly NormalizedLandmark[], visibilityMin: number): { x: number; y: number } | null {
  const left = inFrameLandmark(landmarks, 'leftEar', visibilityMin);
  const right = inFrameLandmark(landmarks, 'rightEar', visibilityMin);
  if (left && right) return { x: (left.x + right.x) / 2, y: (left.y + right.y) / 2 };
  return left ?? right;
}

/**
 * How high the head sits above the shoulder line in the image, in (yaw-corrected) shoulder widths.
 * Image vertical is taken as true vertical (a level camera). A person sitting up shows ears about
 * 0.5..0.65 shoulder widths above the shoulder centre; slumping sinks the head toward the shoulders,
 * and a head on the counter sits at or below the line.
 */
export function headHeight(
  landmarks: readonly NormalizedLandmark[],
  frame: FrameSize,
  shoulders: ShoulderFrame | null,
  visibilityMin: number,
): HeadHeight {
  const ear = earPoint(landmarks, visibilityMin);
  const nose = inFrameLandmark(landmarks, 'nose', visibilityMin);
  const above = (point: { y: number } | null): number | null =>
    point && shoulders ? (shoulders.midPx.y - point.y * frame.heightPx) / shoulders.scalePx : null;
  return {
    earAboveShoulderRatio: above(ear),
    noseAboveShoulderRatio: above(nose),
    headImageY: (ear ?? nose)?.y ?? null,
    shoulderWidthFrameHeights: shoulders ? shoulders.scalePx / frame.heightPx : null,
  };
}
