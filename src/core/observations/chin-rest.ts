import { FACE, POSE_HAND_POINTS, type PoseLandmarkName } from '../landmarks';
import type { ChinRest, FaceDetection, FrameSize, NormalizedLandmark } from '../types';
import { angleFromImageUpDeg, pixelDistance, type PixelPoint, type ShoulderFrame, toPixel } from './image-space';
import { inFrameLandmark, isInFrame } from './pose-points';

/**
 * Without a face mesh the chin is placed from the pose's eyes and mouth: below the mouth centre by this
 * share of the eye-to-mouth distance (adult faces: eye line to mouth about 7 cm, mouth to chin about 5 cm).
 */
export const CHIN_BELOW_MOUTH_PER_EYE_TO_MOUTH = 0.7;

/** The chin in pixels: the face mesh chin when there is a face, else estimated from the pose. */
export function chinPoint(
  landmarks: readonly NormalizedLandmark[],
  face: FaceDetection | null,
  frame: FrameSize,
  visibilityMin: number,
): PixelPoint | null {
  const meshChin = face?.landmarks[FACE.chin];
  if (meshChin && Number.isFinite(meshChin.x) && Number.isFinite(meshChin.y) && isInFrame(meshChin)) {
    return toPixel(meshChin, frame);
  }
  const points = (['leftEye', 'rightEye', 'mouthLeft', 'mouthRight'] as const).map((name) =>
    inFrameLandmark(landmarks, name, visibilityMin),
  );
  const [leftEye, rightEye, mouthLeft, mouthRight] = points;
  if (!leftEye || !rightEye || !mouthLeft || !mouthRight) return null;
  const eyes = toPixel({ x: (leftEye.x + rightEye.x) / 2, y: (leftEye.y + rightEye.y) / 2 }, frame);
  const mouth = toPixel({ x: (mouthLeft.x + mouthRight.x) / 2, y: (mouthLeft.y + mouthRight.y) / 2 }, frame);
  return {
    x: mouth.x + CHIN_BELOW_MOUTH_PER_EYE_TO_MOUTH * (mouth.x - eyes.x),
    y: mouth.y + CHIN_BELOW_MOUTH_PER_EYE_TO_MOUTH * (mouth.y - eyes.y),
  };
}

/**
 * The hand nearest the chin and how it holds: a head propped on a hand has a hand point at the chin
 * or jaw, the wrist at or below the chin and the forearm standing up from an elbow on the counter.
 * Null when the chin or the shoulders (the scale) cannot be placed.
 */
export function chinRest(
  landmarks: readonly NormalizedLandmark[],
  face: FaceDetection | null,
  frame: FrameSize,
  shoulders: ShoulderFrame | null,
  visibilityMin: number,
): ChinRest | null {
  const chin = chinPoint(landmarks, face, frame, visibilityMin);
  if (!chin || !shoulders) return null;
  const pixel = (name: PoseLandmarkName): PixelPoint | null => {
    const point = inFrameLandmark(landmarks, name, visibilityMin);
    return point ? toPixel(point, frame) : null;
  };

  let nearest: { side: 'left' | 'right'; distancePx: number } | null = null;
  for (const side of ['left', 'right'] as const) {
    for (const name of POSE_HAND_POINTS[side]) {
      const point = pixel(name);
      if (!point) continue;
      const distancePx = pixelDistance(point, chin);
      if (!nearest || distancePx < nearest.distancePx) nearest = { side, distancePx };
    }
  }
  if (!nearest) return { handToChinRatio: null, wristBelowChinRatio: null, forearmFromVerticalDeg: null };

  const wrist = pixel(nearest.side === 'left' ? 'leftWrist' : 'rightWrist');
  const elbow = pixel(nearest.side === 'left' ? 'leftElbow' : 'rightElbow');
  return {
    handToChinRatio: nearest.distancePx / shoulders.scalePx,
    wristBelowChinRatio: wrist ? (wrist.y - chin.y) / shoulders.scalePx : null,
    forearmFromVerticalDeg: wrist && elbow ? angleFromImageUpDeg({ x: wrist.x - elbow.x, y: wrist.y - elbow.y }) : null,
  };
}
