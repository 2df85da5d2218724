import type { RgbaImage } from '../pixels/rgba-image';
import type { NormalizedLandmark } from '../types';
import { FACE_MESH, FACE_MESH_POINT_COUNT } from './face-mesh-regions';
import type { PixelBounds, PixelPoint } from './pixel-sampling';

/**
 * A frame laid on the face in pixel space: an origin, a unit axis along the eye line toward the image's
 * right, a unit axis perpendicular to it pointing down the face, and a length unit in pixels. Face
 * regions are placed in these units, so they follow the face's size and roll.
 */
export interface FaceFrame {
  readonly originPx: PixelPoint;
  readonly acrossUnit: PixelPoint;
  readonly downUnit: PixelPoint;
  readonly unitPx: number;
}

/** One eye's frame: origin between its corners, `acrossUnit` toward its outer corner, unit = its corner-to-corner width. */
export interface EyeFrame extends FaceFrame {
  readonly side: 'right' | 'left';
}

export interface FaceGeometry {
  /** Every landmark in pixel space. */
  readonly pointsPx: readonly PixelPoint[];
  /** Origin between the eye centres, unit = the distance between them (interocular distance). */
  readonly face: FaceFrame;
  readonly rightEye: EyeFrame;
  readonly leftEye: EyeFrame;
  /** Eye centre to eye centre (corner midpoints), pixels. */
  readonly interocularPx: number;
  /**
   * (dRight - dLeft) / (dRight + dLeft) of the nose tip's distances to the two face edges at the cheekbones:
   * 0 facing the camera, about ±0.5 at 25..30 degrees of yaw, ±1 in profile. Unitless, -1..1.
   */
  readonly faceYawAsymmetry: number;
}

const distance = (a: PixelPoint, b: PixelPoint): number => Math.hypot(a.x - b.x, a.y - b.y);
const middle = (a: PixelPoint, b: PixelPoint): PixelPoint => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });

/** The pixel position of (across, down) given in the frame's units. */
export function framePoint(frame: FaceFrame, across: number, down: number): PixelPoint {
  return {
    x: frame.originPx.x + frame.unitPx * (across * frame.acrossUnit.x + down * frame.downUnit.x),
    y: frame.originPx.y + frame.unitPx * (across * frame.acrossUnit.y + down * frame.downUnit.y),
  };
}

/** (across, down) of a pixel position, in the frame's units. */
export function frameCoordinates(
  frame: FaceFrame,
  point: PixelPoint,
): { readonly across: number; readonly down: number } {
  const dx = point.x - frame.originPx.x;
  const dy = point.y - frame.originPx.y;
  return {
    across: (dx * frame.acrossUnit.x + dy * frame.acrossUnit.y) / frame.unitPx,
    down: (dx * frame.downUnit.x + dy * frame.downUnit.y) / frame.unitPx,
  };
}

/** Pixel bounds of an axis-aligned box in frame units (corners mapped, then enclosed). */
export function frameBounds(
  frame: FaceFrame,
  minAcross: number,
  minDown: number,
  maxAcross: number,
  maxDown: number,
): PixelBounds {
  const corners = [
    framePoint(frame, minAcross, minDown),
    framePoint(frame, maxAcross, minDown),
    framePoint(frame, minAcross, maxDown),
    framePoint(frame, maxAcross, maxDown),
  ];
  return {
    minX: Math.min(...corners.map((p) => p.x)),
    minY: Math.min(...corners.map((p) => p.y)),
    maxX: Math.max(...corners.map((p) => p.x)),
    maxY: Math.max(...corners.map((p) => p.y)),
  };
}

function eyeFrame(side: 'right' | 'left', outer: PixelPoint, inner: PixelPoint, faceDown: PixelPoint): EyeFrame | null {
  const widthPx = distance(outer, inner);
  if (!(widthPx > 0)) return null;
  const acrossUnit = { x: (outer.x - inner.x) / widthPx, y: (outer.y - inner.y) / widthPx };
  let downUnit = { x: -acrossUnit.y, y: acrossUnit.x };
  if (downUnit.x * faceDown.x + downUnit.y * faceDown.y < 0) downUnit = { x: -downUnit.x, y: -downUnit.y };
  return { side, originPx: middle(outer, inner), acrossUnit, downUnit, unitPx: widthPx };
}

/**
 * The face's frames in pixel space, from the 478-point mesh. Null when landmarks are missing or not
 * finite, the image has no size, or the eyes coincide.
 */
export function faceGeometry(
  image: Pick<RgbaImage, 'widthPx' | 'heightPx'>,
  landmarks: readonly NormalizedLandmark[],
): FaceGeometry | null {
  if (landmarks.length < FACE_MESH_POINT_COUNT || !(image.widthPx > 0 && image.heightPx > 0)) return null;
  const pointsPx: PixelPoint[] = [];
  for (const landmark of landmarks) {
    if (!Number.isFinite(landmark.x) || !Number.isFinite(landmark.y)) return null;
    pointsPx.push({ x: landmark.x * image.widthPx, y: landmark.y * image.heightPx });
  }
  const at = (index: number): PixelPoint => pointsPx[index]!;
  const rightCentre = middle(at(FACE_MESH.rightEyeOuterCorner), at(FACE_MESH.rightEyeInnerCorner));
  const leftCentre = middle(at(FACE_MESH.leftEyeOuterCorner), at(FACE_MESH.leftEyeInnerCorner));
  const interocularPx = distance(rightCentre, leftCentre);
  if (!(interocularPx > 0)) return null;
  const acrossUnit = {
    x: (leftCentre.x - rightCentre.x) / interocularPx,
    y: (leftCentre.y - rightCentre.y) / interocularPx,
  };
  // Perpendicular, turned a quarter clockwise on screen (y down): down the face when it is upright.
  const downUnit = { x: -acrossUnit.y, y: acrossUnit.x };
  const face: FaceFrame = { originPx: middle(rightCentre, leftCentre), acrossUnit, downUnit, unitPx: interocularPx };
  const rightEye = eyeFrame('right', at(FACE_MESH.rightEyeOuterCorner), at(FACE_MESH.rightEyeInnerCorner), downUnit);
  const leftEye = eyeFrame('left', at(FACE_MESH.leftEyeOuterCorner), at(FACE_MESH.leftEyeInnerCorner), downUnit);
  if (!rightEye || !leftEye) return null;
  const toRightEdge = distance(at(FACE_MESH.noseTip), at(FACE_MESH.rightFaceEdge));
  const toLeftEdge = distance(at(FACE_MESH.noseTip), at(FACE_MESH.leftFaceEdge));
  const edges = toRightEdge + toLeftEdge;
  const faceYawAsymmetry = edges > 0 ? (toRightEdge - toLeftEdge) / edges : 0;
  return { pointsPx, face, rightEye, leftEye, interocularPx, faceYawAsymmetry };
}

/** Angle of the eye line from the image horizontal, degrees, + = clockwise on screen (y down). */
export const faceRollDeg = (geometry: FaceGeometry): number =>
  (Math.atan2(geometry.face.acrossUnit.y, geometry.face.acrossUnit.x) * 180) / Math.PI;

/** Even-odd test of a point against a closed polygon. */
export function insidePolygon(point: PixelPoint, polygon: readonly PixelPoint[]): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const a = polygon[i]!;
    const b = polygon[j]!;
    if (a.y > point.y !== b.y > point.y && point.x < ((b.x - a.x) * (point.y - a.y)) / (b.y - a.y) + a.x) {
      inside = !inside;
    }
  }
  return inside;
}

export function polygonBounds(polygon: readonly PixelPoint[]): PixelBounds {
  return {
    minX: Math.min(...polygon.map((p) => p.x)),
    minY: Math.min(...polygon.map((p) => p.y)),
    maxX: Math.max(...polygon.map((p) => p.x)),
    maxY: Math.max(...polygon.map((p) => p.y)),
  };
}

/** Inside the ellipse centred at (across, down) with the given semi-axes, all in frame units. */
export function insideFrameEllipse(
  frame: FaceFrame,
  point: PixelPoint,
  centreAcross: number,
  centreDown: number,
  semiAcross: number,
  semiDown: number,
): boolean {
  const { across, down } = frameCoordinates(frame, point);
  return ((across - centreAcross) / semiAcross) ** 2 + ((down - centreDown) / semiDown) ** 2 <= 1;
}
