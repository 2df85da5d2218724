import type { FrameSize, NormalizedLandmark } from '../types';
import { type Degrees, degrees, radians, toDegrees, toRadians } from '../units';
import { inFrameLandmark } from './pose-points';

/** A point in image pixels (x right, y down), so that distances keep the frame's true proportions. */
export interface PixelPoint {
  readonly x: number;
  readonly y: number;
}

export const toPixel = (point: { readonly x: number; readonly y: number }, frame: FrameSize): PixelPoint => ({
  x: point.x * frame.widthPx,
  y: point.y * frame.heightPx,
});

export const pixelDistance = (a: PixelPoint, b: PixelPoint): number => Math.hypot(a.x - b.x, a.y - b.y);

/**
 * Turning the body foreshortens the shoulder line in the image by cos(yaw). The correction is capped
 * at this cosine (yaw 60 degrees): past it the shoulders nearly overlap and the division would explode.
 */
export const YAW_CORRECTION_COS_MIN = 0.5;

/** The shoulder line in pixels: the body's scale and horizontal axis for image-space measures. */
export interface ShoulderFrame {
  /** Shoulder centre. */
  readonly midPx: PixelPoint;
  /** Vector from the right shoulder to the left shoulder. */
  readonly axisPx: PixelPoint;
  /** Shoulder width as seen. */
  readonly widthPx: number;
  /** Shoulder width corrected for body yaw: the unit of every `*Ratio` measure. */
  readonly scalePx: number;
}

/** The shoulder frame, or null unless both shoulders are visible inside the frame. */
export function shoulderFrame(
  landmarks: readonly NormalizedLandmark[],
  frame: FrameSize,
  bodyYawDeg: Degrees | null,
  visibilityMin: number,
): ShoulderFrame | null {
  const leftLandmark = inFrameLandmark(landmarks, 'leftShoulder', visibilityMin);
  const rightLandmark = inFrameLandmark(landmarks, 'rightShoulder', visibilityMin);
  if (!leftLandmark || !rightLandmark) return null;
  const left = toPixel(leftLandmark, frame);
  const right = toPixel(rightLandmark, frame);
  const widthPx = pixelDistance(left, right);
  if (!(widthPx > 0) || !Number.isFinite(widthPx)) return null;
  const yawCos = bodyYawDeg === null ? 1 : Math.abs(Math.cos(toRadians(bodyYawDeg)));
  return {
    midPx: { x: (left.x + right.x) / 2, y: (left.y + right.y) / 2 },
    axisPx: { x: left.x - right.x, y: left.y - right.y },
    widthPx,
    scalePx: widthPx / Math.max(yawCos, YAW_CORRECTION_COS_MIN),
  };
}

/** Angle of a pixel vector from straight up in the image, 0..180 degrees; null for a zero vector. */
export function angleFromImageUpDeg(vector: PixelPoint): Degrees | null {
  if (vector.x === 0 && vector.y === 0) return null;
  return degrees(toDegrees(radians(Math.atan2(Math.abs(vector.x), -vector.y))));
}
