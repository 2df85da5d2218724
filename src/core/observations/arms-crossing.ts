import type { PoseLandmarkName } from '../landmarks';
import type { ArmsCrossing, FrameSize, NormalizedLandmark } from '../types';
import { pixelDistance, type PixelPoint, type ShoulderFrame, toPixel } from './image-space';
import { inFrameLandmark } from './pose-points';

/**
 * Where the wrists sit relative to the opposite elbows and to the body midline, in shoulder widths.
 * Arms folded across the chest put each wrist on the other side of the midline, next to the other elbow.
 * Null unless shoulders, elbows and wrists are all visible inside the frame.
 */
export function armsCrossing(
  landmarks: readonly NormalizedLandmark[],
  frame: FrameSize,
  shoulders: ShoulderFrame | null,
  visibilityMin: number,
): ArmsCrossing | null {
  if (!shoulders) return null;
  const pixel = (name: PoseLandmarkName): PixelPoint | null => {
    const point = inFrameLandmark(landmarks, name, visibilityMin);
    return point ? toPixel(point, frame) : null;
  };
  const leftElbow = pixel('leftElbow');
  const rightElbow = pixel('rightElbow');
  const leftWrist = pixel('leftWrist');
  const rightWrist = pixel('rightWrist');
  if (!leftElbow || !rightElbow || !leftWrist || !rightWrist) return null;

  // Position along the shoulder axis in shoulder widths: left shoulder +0.5, midline 0, right shoulder -0.5.
  const { midPx, axisPx, widthPx, scalePx } = shoulders;
  const alongShoulders = (point: PixelPoint): number =>
    ((point.x - midPx.x) * axisPx.x + (point.y - midPx.y) * axisPx.y) / (widthPx * widthPx);
  return {
    wristToOppositeElbowRatio:
      Math.max(pixelDistance(leftWrist, rightElbow), pixelDistance(rightWrist, leftElbow)) / scalePx,
    wristPastMidlineRatio: Math.min(-alongShoulders(leftWrist), alongShoulders(rightWrist)),
  };
}
