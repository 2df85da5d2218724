import { type PixelPoint, pixelDistance, toPixel } from '../observations/image-space';
import type { FaceDetection, FrameSize } from '../types';
import { CONDUCT_EYE_MESH, CONDUCT_EYE_MESH_MIN_POINTS } from './conduct-landmarks';

type EyePoints = (typeof CONDUCT_EYE_MESH)[keyof typeof CONDUCT_EYE_MESH];

const isFinitePoint = (point: { readonly x: number; readonly y: number } | undefined): boolean =>
  point !== undefined && Number.isFinite(point.x) && Number.isFinite(point.y);

/**
 * One eye's lid gap in iris diameters: the distance between the upper and the lower lid at the middle of
 * the eye, measured across the corner-to-corner line (so a tilted head does not shorten it), divided by the
 * iris diameter (about 11.7 mm on every adult, so the measure holds at any distance and face size).
 * Null when a point is missing or the eye or iris has no size.
 */
function eyeLidGapIrisDiameters(face: FaceDetection, frame: FrameSize, eye: EyePoints): number | null {
  const indices = [eye.outerCorner, eye.innerCorner, eye.upperLid, eye.lowerLid, ...eye.irisContour];
  if (!indices.every((index) => isFinitePoint(face.landmarks[index]))) return null;
  const at = (index: number): PixelPoint => toPixel(face.landmarks[index]!, frame);
  const outer = at(eye.outerCorner);
  const inner = at(eye.innerCorner);
  const widthPx = pixelDistance(outer, inner);
  const [c0, c1, c2, c3] = eye.irisContour.map(at) as [PixelPoint, PixelPoint, PixelPoint, PixelPoint];
  const irisDiameterPx = (pixelDistance(c0, c2) + pixelDistance(c1, c3)) / 2;
  if (!(widthPx > 0) || !(irisDiameterPx > 0)) return null;
  // unit normal of the corner line; the lid gap is the lids' separation along it (lower lid below the upper: positive)
  const normal = { x: -(inner.y - outer.y) / widthPx, y: (inner.x - outer.x) / widthPx };
  const upper = at(eye.upperLid);
  const lower = at(eye.lowerLid);
  const acrossPx = (lower.x - upper.x) * normal.x + (lower.y - upper.y) * normal.y;
  // the normal's sign depends on which corner is on the image left; the image's "down" side is positive
  const gapPx = normal.y >= 0 ? acrossPx : -acrossPx;
  const gap = gapPx / irisDiameterPx;
  return Number.isFinite(gap) ? gap : null;
}

/**
 * How far the lids are apart, in iris diameters, the mean of both eyes (the one measured when the other is
 * not): about 0.45..1 on open eyes, 0.35..0.65 on eyes lowered to a desk (the lower part of the iris still
 * shows), 0..0.3 on closed lids (they meet; the mesh rounds the gap up a little). Null without a full mesh with irises.
 */
export function lidGapIrisDiameters(face: FaceDetection | null, frame: FrameSize): number | null {
  if (!face || face.landmarks.length < CONDUCT_EYE_MESH_MIN_POINTS) return null;
  const gaps = [CONDUCT_EYE_MESH.right, CONDUCT_EYE_MESH.left]
    .map((eye) => eyeLidGapIrisDiameters(face, frame, eye))
    .filter((gap): gap is number => gap !== null);
  return gaps.length === 0 ? null : gaps.reduce((sum, gap) => sum + gap, 0) / gaps.length;
}
