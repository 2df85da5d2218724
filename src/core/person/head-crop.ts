import type { NormalizedBox } from '../geometry/box';
import type { FaceDetection, FrameSize, PoseDetection } from '../types';
import { posePosition } from './select-person';

/**
 * Sides of the square head crops to try, in shoulder widths, loosest first. A face is about 0.4 shoulder
 * widths wide: it fills a fifth of the first crop, which keeps the whole head in view when the pose's
 * nose is off, and over half of the second, as close as the short-range face detector likes them
 * (a face behind a mask and sunglasses is found only that close).
 */
export const HEAD_CROP_SIDES_SHOULDER_WIDTHS: readonly number[] = [1.8, 0.7];
/** Crops smaller than this (pixels) hold too little face to find landmarks in. */
const HEAD_CROP_MIN_PX = 48;

/**
 * A square box around a body's head, for a second look for its face when the face detector missed it
 * in the whole frame (a face far from the camera is too small for the short-range detector). Null when
 * the body gives no head or the crop would be too small to help.
 */
export function headCropBox(pose: PoseDetection, frame: FrameSize, sideShoulderWidths: number): NormalizedBox | null {
  const position = posePosition(pose, frame);
  if (!position) return null;
  const sidePx = Math.min(sideShoulderWidths * position.shoulderWidthFraction * frame.widthPx, frame.widthPx, frame.heightPx);
  if (!(sidePx >= HEAD_CROP_MIN_PX)) return null;
  const width = sidePx / frame.widthPx;
  const height = sidePx / frame.heightPx;
  // Keep the square inside the frame: the model sees real pixels only.
  const x = Math.min(Math.max(position.headX - width / 2, 0), 1 - width);
  const y = Math.min(Math.max(position.headY - height / 2, 0), 1 - height);
  return { x, y, width, height };
}

/** A face found in a crop, with its landmarks moved back into the whole frame's coordinates. */
export function faceFromCrop(face: FaceDetection, crop: NormalizedBox): FaceDetection {
  return {
    ...face,
    // z shares x's scale in MediaPipe's normalized landmarks.
    landmarks: face.landmarks.map(({ x, y, z }) => ({ x: crop.x + x * crop.width, y: crop.y + y * crop.height, z: z * crop.width })),
  };
}
