import { POSE_HAND_POINTS, type PoseLandmarkName } from '../landmarks';
import { type PixelPoint, pixelDistance, toPixel } from '../observations/image-space';
import { inFrameLandmark } from '../observations/pose-points';
import type { FaceDetection, FrameSize, NormalizedLandmark, PoseDetection } from '../types';
import { CONDUCT_FACE_MESH, CONDUCT_FACE_MESH_MIN_POINTS, type ConductFaceMeshName } from './conduct-landmarks';

/** Where on the head a hand is grooming (001 整理头发, 掏耳垢, 挖鼻孔, 剔牙齿; 004 抓头发, 咬手指, 抠鼻孔, 掏耳朵). */
export type HandTarget = 'hair' | 'ear' | 'nose' | 'mouth';

/**
 * Places a hand may rest without grooming (a propped chin, a hand on the cheek). They compete with the
 * grooming targets for the nearest one, so a hand under the chin is not read as a hand at the mouth.
 */
export type RestTarget = 'chin' | 'cheek';

export interface TargetPoint {
  readonly target: HandTarget | RestTarget;
  readonly pointPx: PixelPoint;
}

/** An axis-aligned box in image pixels. */
export interface PixelBox {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

/** The head's reference points for hands and objects, in image pixels. */
export interface FaceTargets {
  /** Where they came from: the face mesh, else the pose's head points. */
  readonly source: 'face-mesh' | 'pose';
  /** The face height (forehead top to chin) in pixels: the unit of every `*FaceHeights` distance. */
  readonly faceHeightPx: number;
  readonly mouthPx: PixelPoint;
  readonly points: readonly TargetPoint[];
  /** The bounding box of the points: the head from the crown to the chin and ear to ear. */
  readonly regionPx: PixelBox;
}

/**
 * Canonical face model proportions, in face heights (forehead top 10 to chin 152, 17.7 cm on the model).
 * The face is 1.2 face heights tall per face-edge width (234 to 454, 15 cm on the model).
 */
export const FACE_HEIGHT_PER_EDGE_WIDTH = 1.2;
/** Eye line to mouth corners: 0.38 face heights, so a face is 2.6 eye-to-mouth distances tall. */
export const FACE_HEIGHT_PER_EYE_TO_MOUTH = 2.6;
/** The mesh's forehead top is 0.85 eye-to-mouth distances above the eye line. */
const FOREHEAD_ABOVE_EYES_PER_EYE_TO_MOUTH = 0.85;
/** The chin is 0.8 eye-to-mouth distances below the mouth corners. */
const CHIN_BELOW_MOUTH_PER_EYE_TO_MOUTH = 0.8;
/**
 * The crown (hair on top of the head) is placed this many face heights above the mesh's forehead top,
 * along the chin-to-forehead line: the hairline lies about 0.1 above it, the top of the head about 0.4.
 */
export const CROWN_ABOVE_FOREHEAD_FACE_HEIGHTS = 0.25;

const lerp = (a: PixelPoint, b: PixelPoint, t: number): PixelPoint => ({
  x: a.x + (b.x - a.x) * t,
  y: a.y + (b.y - a.y) * t,
});
const mid = (a: PixelPoint, b: PixelPoint): PixelPoint => lerp(a, b, 0.5);
/** The point `distance` beyond `to` on the line from `from` through `to`, in units of that line's length. */
const beyond = (from: PixelPoint, to: PixelPoint, distance: number): PixelPoint => lerp(from, to, 1 + distance);

const isFinitePoint = (point: { readonly x: number; readonly y: number } | undefined): boolean =>
  point !== undefined && Number.isFinite(point.x) && Number.isFinite(point.y);

function boundingBox(points: readonly TargetPoint[]): PixelBox {
  const xs = points.map(({ pointPx }) => pointPx.x);
  const ys = points.map(({ pointPx }) => pointPx.y);
  return { left: Math.min(...xs), top: Math.min(...ys), right: Math.max(...xs), bottom: Math.max(...ys) };
}

function fromFaceMesh(face: FaceDetection, frame: FrameSize): FaceTargets | null {
  const { landmarks } = face;
  if (landmarks.length < CONDUCT_FACE_MESH_MIN_POINTS) return null;
  const names = Object.keys(CONDUCT_FACE_MESH) as ConductFaceMeshName[];
  if (!names.every((name) => isFinitePoint(landmarks[CONDUCT_FACE_MESH[name]]))) return null;
  const at = (name: ConductFaceMeshName): PixelPoint => toPixel(landmarks[CONDUCT_FACE_MESH[name]]!, frame);

  const forehead = at('foreheadTop');
  const chin = at('chin');
  const faceHeightPx = Math.max(
    pixelDistance(forehead, chin),
    pixelDistance(at('rightFaceEdge'), at('leftFaceEdge')) * FACE_HEIGHT_PER_EDGE_WIDTH,
  );
  if (!(faceHeightPx > 0) || !Number.isFinite(faceHeightPx)) return null;
  const chinToForeheadPx = pixelDistance(forehead, chin);
  const crown = chinToForeheadPx > 0 ? beyond(chin, forehead, (CROWN_ABOVE_FOREHEAD_FACE_HEIGHTS * faceHeightPx) / chinToForeheadPx) : forehead;
  const mouthPx = mid(at('upperLipInner'), at('lowerLipInner'));
  const points: TargetPoint[] = [
    { target: 'hair', pointPx: forehead },
    { target: 'hair', pointPx: crown },
    { target: 'hair', pointPx: at('rightTemple') },
    { target: 'hair', pointPx: at('leftTemple') },
    { target: 'ear', pointPx: at('rightFaceEdge') },
    { target: 'ear', pointPx: at('leftFaceEdge') },
    { target: 'nose', pointPx: at('noseTip') },
    { target: 'mouth', pointPx: mouthPx },
    { target: 'cheek', pointPx: at('rightCheek') },
    { target: 'cheek', pointPx: at('leftCheek') },
    { target: 'chin', pointPx: chin },
  ];
  return { source: 'face-mesh', faceHeightPx, mouthPx, points, regionPx: boundingBox(points) };
}

function fromPose(landmarks: readonly NormalizedLandmark[], frame: FrameSize, visibilityMin: number): FaceTargets | null {
  const pixel = (name: PoseLandmarkName): PixelPoint | null => {
    const point = inFrameLandmark(landmarks, name, visibilityMin);
    return point ? toPixel(point, frame) : null;
  };
  const [leftEye, rightEye, mouthLeft, mouthRight] = (['leftEye', 'rightEye', 'mouthLeft', 'mouthRight'] as const).map(pixel);
  if (!leftEye || !rightEye || !mouthLeft || !mouthRight) return null;
  const eyes = mid(leftEye, rightEye);
  const mouthPx = mid(mouthLeft, mouthRight);
  const eyeToMouthPx = pixelDistance(eyes, mouthPx);
  const leftEar = pixel('leftEar');
  const rightEar = pixel('rightEar');
  const earWidthPx = leftEar && rightEar ? pixelDistance(leftEar, rightEar) : 0;
  const faceHeightPx = Math.max(eyeToMouthPx * FACE_HEIGHT_PER_EYE_TO_MOUTH, earWidthPx * FACE_HEIGHT_PER_EDGE_WIDTH);
  if (!(eyeToMouthPx > 0) || !Number.isFinite(faceHeightPx)) return null;

  const forehead = beyond(mouthPx, eyes, FOREHEAD_ABOVE_EYES_PER_EYE_TO_MOUTH);
  const chin = beyond(eyes, mouthPx, CHIN_BELOW_MOUTH_PER_EYE_TO_MOUTH);
  const crown = beyond(chin, forehead, (CROWN_ABOVE_FOREHEAD_FACE_HEIGHTS * faceHeightPx) / pixelDistance(chin, forehead));
  const nose = pixel('nose');
  const points: TargetPoint[] = [
    { target: 'hair', pointPx: forehead },
    { target: 'hair', pointPx: crown },
    { target: 'mouth', pointPx: mouthPx },
    { target: 'chin', pointPx: chin },
  ];
  if (nose) points.push({ target: 'nose', pointPx: nose });
  for (const [ear, mouthCorner] of [
    [leftEar, mouthLeft],
    [rightEar, mouthRight],
  ] as const) {
    if (!ear) continue;
    points.push({ target: 'ear', pointPx: ear }, { target: 'cheek', pointPx: mid(ear, mouthCorner) });
  }
  return { source: 'pose', faceHeightPx, mouthPx, points, regionPx: boundingBox(points) };
}

/**
 * The head's targets for hands and objects: from the face mesh when there is one, else from the pose's
 * eyes, mouth corners, nose and ears. Null when neither places the face.
 */
export function faceTargets(
  face: FaceDetection | null,
  pose: PoseDetection | null,
  frame: FrameSize,
  visibilityMin: number,
): FaceTargets | null {
  return (face ? fromFaceMesh(face, frame) : null) ?? (pose ? fromPose(pose.landmarks, frame, visibilityMin) : null);
}

const ARM_SHOULDERS = { left: 'leftShoulder', right: 'rightShoulder' } as const satisfies Record<keyof typeof POSE_HAND_POINTS, PoseLandmarkName>;

/**
 * The pose's hand points (wrist, index, pinky, thumb) seen inside the frame, in pixels. With
 * `attachedOnly`, only those of an arm whose shoulder is in frame too: on a close-up of a face, with the
 * shoulders below the frame, the pose model places hands at the hair and ears that are not there
 * (eval's normal-work photos: 2 of 105, each a false grooming event).
 */
export function handPoints(
  pose: PoseDetection | null,
  frame: FrameSize,
  visibilityMin: number,
  { attachedOnly = false }: { readonly attachedOnly?: boolean } = {},
): PixelPoint[] {
  if (!pose) return [];
  const sides = (['left', 'right'] as const).filter(
    (side) => !attachedOnly || inFrameLandmark(pose.landmarks, ARM_SHOULDERS[side], visibilityMin) !== null,
  );
  return sides.flatMap((side) =>
    POSE_HAND_POINTS[side].flatMap((name) => {
      const point = inFrameLandmark(pose.landmarks, name, visibilityMin);
      return point ? [toPixel(point, frame)] : [];
    }),
  );
}
