import { POSE, type PoseLandmarkName } from '../landmarks';
import { clamp } from '../math';
import type { FrameSize, NormalizedLandmark } from '../types';
import { DEFAULT_CHEST_REGION_CONFIG, type ChestRegionConfig } from './badge-config';
import type { NormalizedBox } from './normalized-box';

/*
 * Where a badge can be: the chest, between the shoulders and above the hips (RULES.md, dress.badge_visible).
 * The box is axis-aligned in the image, in normalized coordinates, and computed in true pixel proportions
 * (the frame size is needed because normalized x and y have different scales).
 */

/** Why the chest cannot be judged, or what covers it; shown to users as the `unknown` reason. */
export const CHEST_REASONS = {
  noPose: 'no person found',
  shouldersHidden: 'shoulders not visible or out of frame',
  turned: 'body turned too far from the camera',
  outOfFrame: 'chest out of frame',
  armAcross: 'arm across the chest',
} as const;

export interface ChestRegion {
  /** The chest box, clipped to the frame. */
  readonly box: NormalizedBox;
  readonly shoulderWidthPx: number;
  /** True when both hips were seen; else the torso was extrapolated down from the shoulder width. */
  readonly hipsSeen: boolean;
  /** Normalized x of the body midline (the shoulder centre). */
  readonly midlineX: number;
  /**
   * Normalized x of the person's left shoulder minus that of the right one: its sign says which image side
   * is the person's left (+ when they face the camera), its size is the shoulder width in normalized x.
   */
  readonly shoulderSpanX: number;
  /** Something covering part of the chest (`CHEST_REASONS.armAcross`), or null. A badge may still show. */
  readonly occlusion: string | null;
}

export type ChestRegionResult =
  | { readonly region: ChestRegion; readonly unknownReason: null }
  | { readonly region: null; readonly unknownReason: string };

interface PixelPoint {
  readonly x: number;
  readonly y: number;
}

const unknown = (reason: string): ChestRegionResult => ({ region: null, unknownReason: reason });

const FACE_POINTS: readonly PoseLandmarkName[] = ['leftEye', 'rightEye', 'mouthLeft', 'mouthRight'];

const ARM_SEGMENTS: readonly (readonly [PoseLandmarkName, PoseLandmarkName])[] = [
  ['leftElbow', 'leftWrist'],
  ['leftWrist', 'leftIndex'],
  ['rightElbow', 'rightWrist'],
  ['rightWrist', 'rightIndex'],
];

/** Chest box from pose landmarks, or why there is none. Pure. */
export function chestRegion(
  landmarks: readonly NormalizedLandmark[] | null,
  frame: FrameSize,
  config: ChestRegionConfig = DEFAULT_CHEST_REGION_CONFIG,
): ChestRegionResult {
  if (!landmarks || landmarks.length <= POSE.rightHip) return unknown(CHEST_REASONS.noPose);
  const seen = (name: PoseLandmarkName): PixelPoint | null => {
    const point = landmarks[POSE[name]];
    if (!point || (point.visibility ?? 1) < config.landmarkVisibilityMin) return null;
    if (point.x < 0 || point.x > 1 || point.y < 0 || point.y > 1) return null;
    return { x: point.x * frame.widthPx, y: point.y * frame.heightPx };
  };
  const pointAt = (name: PoseLandmarkName): PixelPoint => {
    const point = landmarks[POSE[name]]!;
    return { x: point.x * frame.widthPx, y: point.y * frame.heightPx };
  };

  const left = seen('leftShoulder');
  const right = seen('rightShoulder');
  if (!left || !right) return unknown(CHEST_REASONS.shouldersHidden);
  const shoulderWidthPx = Math.hypot(left.x - right.x, left.y - right.y);
  if (!(shoulderWidthPx > 0)) return unknown(CHEST_REASONS.shouldersHidden);

  const faceSeen = FACE_POINTS.every((name) => seen(name));
  const faceHeightPx = faceSeen ? faceHeight(pointAt) : null;
  if (faceHeightPx !== null) {
    if (shoulderWidthPx < config.shoulderToFaceHeightMinRatio * faceHeightPx) return unknown(CHEST_REASONS.turned);
  } else {
    // no face (cropped at the neck, or turned away): the shoulders' depth difference tells the turn
    const depthPx = Math.abs(landmarks[POSE.leftShoulder]!.z - landmarks[POSE.rightShoulder]!.z) * frame.widthPx;
    const yawDeg = (Math.atan2(depthPx, shoulderWidthPx) * 180) / Math.PI;
    if (yawDeg > config.shoulderDepthYawMaxDeg) return unknown(CHEST_REASONS.turned);
  }

  const centre = { x: (left.x + right.x) / 2, y: (left.y + right.y) / 2 };
  const leftHip = seen('leftHip');
  const rightHip = seen('rightHip');
  const hipsSeen = leftHip !== null && rightHip !== null;
  const depthPx = hipsSeen
    ? clamp(
        config.bottomTorsoShare * ((leftHip.y + rightHip.y) / 2 - centre.y),
        config.depthMinRatio * shoulderWidthPx,
        config.depthMaxRatio * shoulderWidthPx,
      )
    : config.extrapolatedDepthRatio * shoulderWidthPx;

  const margin = config.sideMarginRatio * shoulderWidthPx;
  const full = {
    x0: Math.min(left.x, right.x) - margin,
    x1: Math.max(left.x, right.x) + margin,
    y0: Math.min(left.y, right.y) - config.topAboveShouldersRatio * shoulderWidthPx,
    y1: centre.y + depthPx,
  };
  const clipped = {
    x0: Math.max(full.x0, 0),
    x1: Math.min(full.x1, frame.widthPx),
    y0: Math.max(full.y0, 0),
    y1: Math.min(full.y1, frame.heightPx),
  };
  const area = (r: typeof full) => Math.max(r.x1 - r.x0, 0) * Math.max(r.y1 - r.y0, 0);
  if (area(clipped) < config.inFrameShareMin * area(full)) return unknown(CHEST_REASONS.outOfFrame);

  const innerX = config.armInnerMarginShare * (full.x1 - full.x0);
  const innerY = config.armInnerMarginShare * (full.y1 - full.y0);
  const inner = { x0: full.x0 + innerX, x1: full.x1 - innerX, y0: full.y0 + innerY, y1: full.y1 - innerY };
  let armInsidePx = 0;
  for (const [from, to] of ARM_SEGMENTS) {
    const a = seen(from);
    const b = seen(to);
    if (a && b) armInsidePx += segmentLengthInside(a, b, inner);
  }
  const innerAreaPx = Math.max((inner.x1 - inner.x0) * (inner.y1 - inner.y0), 1e-9);
  const armCoveredShare = (armInsidePx * config.forearmWidthRatio * shoulderWidthPx) / innerAreaPx;

  const { widthPx, heightPx } = frame;
  return {
    region: {
      box: {
        x: clipped.x0 / widthPx,
        y: clipped.y0 / heightPx,
        width: (clipped.x1 - clipped.x0) / widthPx,
        height: (clipped.y1 - clipped.y0) / heightPx,
      },
      shoulderWidthPx,
      hipsSeen,
      midlineX: centre.x / widthPx,
      shoulderSpanX: (left.x - right.x) / widthPx,
      occlusion: armCoveredShare >= config.armCoveredShareMin ? CHEST_REASONS.armAcross : null,
    },
    unknownReason: null,
  };
}

/** Eye centre to mouth centre, in pixels: a face size that barely changes as the head or body turns. */
function faceHeight(pointAt: (name: PoseLandmarkName) => PixelPoint): number | null {
  const eyes = midpoint(pointAt('leftEye'), pointAt('rightEye'));
  const mouth = midpoint(pointAt('mouthLeft'), pointAt('mouthRight'));
  const height = Math.hypot(eyes.x - mouth.x, eyes.y - mouth.y);
  return height > 0 ? height : null;
}

const midpoint = (a: PixelPoint, b: PixelPoint): PixelPoint => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });


/** Length of the part of segment a-b inside an axis-aligned rectangle (Liang-Barsky clipping). */
export function segmentLengthInside(
  a: PixelPoint,
  b: PixelPoint,
  rect: { readonly x0: number; readonly x1: number; readonly y0: number; readonly y1: number },
): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  let t0 = 0;
  let t1 = 1;
  const edges: readonly (readonly [number, number])[] = [
    [-dx, a.x - rect.x0],
    [dx, rect.x1 - a.x],
    [-dy, a.y - rect.y0],
    [dy, rect.y1 - a.y],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return 0;
      continue;
    }
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 > t1) return 0;
  }
  return (t1 - t0) * Math.hypot(dx, dy);
}
