import { type PixelPoint, pixelDistance, toPixel } from '../observations/image-space';
import type { NormalizedBox } from '../geometry/box';
import type { FaceDetection, FrameSize, HandDetection, PoseDetection } from '../types';
import { type FaceTargets, faceTargets, type HandTarget, handPoints } from './face-targets';

/** The grooming targets a hand can cover, the ones a hand over the face hides first. */
const COVERABLE: readonly HandTarget[] = ['mouth', 'nose', 'ear', 'hair'];

/** The hand landmark model's 21 points per hand. */
export const HAND_LANDMARK_COUNT = 21;

const cross = (o: PixelPoint, a: PixelPoint, b: PixelPoint): number => (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);

/** Convex hull (Andrew's monotone chain), counter-clockwise in image coordinates (y down); fewer than 3 points: as given. */
export function convexHull(points: readonly PixelPoint[]): PixelPoint[] {
  const sorted = [...points].sort((a, b) => a.x - b.x || a.y - b.y);
  if (sorted.length < 3) return sorted;
  const half = (ordered: readonly PixelPoint[]): PixelPoint[] => {
    const chain: PixelPoint[] = [];
    for (const point of ordered) {
      while (chain.length >= 2 && cross(chain[chain.length - 2]!, chain[chain.length - 1]!, point) <= 0) chain.pop();
      chain.push(point);
    }
    return chain.slice(0, -1);
  };
  return [...half(sorted), ...half([...sorted].reverse())];
}

/** Whether `point` lies inside (or on) a convex polygon from `convexHull`. */
export function insideConvex(polygon: readonly PixelPoint[], point: PixelPoint): boolean {
  if (polygon.length < 3) return false;
  return polygon.every((a, i) => cross(a, polygon[(i + 1) % polygon.length]!, point) >= 0);
}

/**
 * The grooming target (mouth, nose, ear, hair: 001/004's 剔牙齿, 咬手指, 抠鼻孔, 掏耳朵, 抓头发) lying inside
 * a hand's outline (the convex hull of its 21 landmarks) on the image: a hand over the mouth or a finger at
 * the nose covers the point, wherever the pose model put the wrist. A hand resting on the chin or a cheek
 * covers neither target. Hands scored below `handScoreMin` and hands without all 21 finite points are ignored.
 * Null when no hand covers a target; the first in mouth, nose, ear, hair order otherwise.
 */
export function handCoveredTarget(
  hands: readonly HandDetection[],
  targets: FaceTargets,
  frame: FrameSize,
  handScoreMin: number,
): HandTarget | null {
  const outlines = hands
    .filter((hand) => hand.score >= handScoreMin && hand.landmarks.length === HAND_LANDMARK_COUNT)
    .filter((hand) => hand.landmarks.every((point) => Number.isFinite(point.x) && Number.isFinite(point.y)))
    .map((hand) => convexHull(hand.landmarks.map((point) => toPixel(point, frame))));
  for (const target of COVERABLE) {
    const points = targets.points.filter((point) => point.target === target);
    if (points.some(({ pointPx }) => outlines.some((outline) => insideConvex(outline, pointPx)))) return target;
  }
  return null;
}

/**
 * Where to look for hands at the face: a square on the face mesh's bounding box centre, `sideFaceSizes`
 * times its larger side (the hair above, the ears beside, a hand raised to the mouth below), in pixels so
 * that it stays square on any frame; normalized to the frame, it may reach past the edges. Null without a
 * face mesh or with a face of no size.
 */
export function handSearchRegion(face: FaceDetection | null, frame: FrameSize, sideFaceSizes: number): NormalizedBox | null {
  const points = (face?.landmarks ?? []).filter((point) => Number.isFinite(point.x) && Number.isFinite(point.y));
  if (points.length === 0) return null;
  const xs = points.map((point) => point.x * frame.widthPx);
  const ys = points.map((point) => point.y * frame.heightPx);
  const [left, right, top, bottom] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const sidePx = Math.max(right - left, bottom - top) * sideFaceSizes;
  if (!(sidePx > 0)) return null;
  return {
    x: ((left + right) / 2 - sidePx / 2) / frame.widthPx,
    y: ((top + bottom) / 2 - sidePx / 2) / frame.heightPx,
    width: sidePx / frame.widthPx,
    height: sidePx / frame.heightPx,
  };
}

/**
 * The grooming target (hair, ear, nose, mouth) the pose's nearest hand point is at, within `maxFaceHeights`
 * of it; null when the nearest target is another (chin, cheek) or farther. Also the nearest distance.
 */
export function nearestHandTarget(
  targets: FaceTargets,
  hands: readonly PixelPoint[],
  maxFaceHeights: number,
): { handAt: HandTarget | null; distanceFaceHeights: number | null } {
  let nearest: { target: string; distance: number } | null = null;
  for (const hand of hands) {
    for (const { target, pointPx } of targets.points) {
      const distance = pixelDistance(hand, pointPx) / targets.faceHeightPx;
      if (!nearest || distance < nearest.distance) nearest = { target, distance };
    }
  }
  if (!nearest) return { handAt: null, distanceFaceHeights: null };
  const grooming = nearest.target === 'hair' || nearest.target === 'ear' || nearest.target === 'nose' || nearest.target === 'mouth';
  return {
    handAt: grooming && nearest.distance <= maxFaceHeights ? (nearest.target as HandTarget) : null,
    distanceFaceHeights: nearest.distance,
  };
}

/**
 * Whether the hand detector is worth running on this frame: the pose puts a hand point within
 * `nearMaxFaceHeights` of the face, yet no hand of an arm in frame at a grooming target already (within
 * `atMaxFaceHeights`, the pose's own answer, which the rule takes first). A hand whose shoulder is out of
 * frame is checked by the detector (see `handPoints`). False without a face or hands.
 */
export function handDetectorWanted(
  face: FaceDetection | null,
  pose: PoseDetection | null,
  frame: FrameSize,
  visibilityMin: number,
  nearMaxFaceHeights: number,
  atMaxFaceHeights: number,
): boolean {
  const targets = faceTargets(face, pose, frame, visibilityMin);
  if (!targets) return false;
  const { handAt } = nearestHandTarget(targets, handPoints(pose, frame, visibilityMin, { attachedOnly: true }), atMaxFaceHeights);
  const { distanceFaceHeights } = nearestHandTarget(targets, handPoints(pose, frame, visibilityMin), atMaxFaceHeights);
  return handAt === null && distanceFaceHeights !== null && distanceFaceHeights <= nearMaxFaceHeights;
}
