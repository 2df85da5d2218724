import { type FaceFrame, type FaceGeometry, framePoint } from './face-geometry';
import { FACE_MESH } from './face-mesh-regions';
import type { PixelPoint } from './pixel-sampling';

/*
 * Regions around the head, as pixel polygons built from the face mesh and the face frame (unit = the
 * distance between the eye centres, IOD; "up" = against the face's down axis, so they follow roll).
 * For a frontal face the mesh top (point 10) sits about 0.82 IOD above the eye line, the brows' upper edge
 * about 0.35, the temples (21/251) 0.4 at ±1.05 IOD across; the skull's top is about 0.8..1 IOD above
 * point 10, so a band 0.5 IOD above the upper face outline lies on the head.
 */

/** Height of the crown band above the upper face outline, IOD. */
export const CROWN_BAND_HEIGHT_IOD = 0.5;
/** Width of the side bands outward of the temples, IOD. */
export const SIDE_BAND_WIDTH_IOD = 0.3;
/** Height of the strip just above each eyebrow, IOD (about 8 mm on an adult). */
export const ABOVE_BROW_HEIGHT_IOD = 0.12;
/** Top of the mid-forehead strips above the brows, IOD (about halfway from the brows to the mesh top). */
export const MID_FOREHEAD_TOP_IOD = 0.3;

/** A point moved by (across, down) in the frame's units. */
function shifted(frame: FaceFrame, point: PixelPoint, across: number, down: number): PixelPoint {
  const origin = framePoint(frame, 0, 0);
  const moved = framePoint(frame, across, down);
  return { x: point.x + moved.x - origin.x, y: point.y + moved.y - origin.y };
}

const points = (geometry: FaceGeometry, indices: readonly number[]): PixelPoint[] =>
  indices.map((index) => geometry.pointsPx[index]!);

/** A band between a polyline and the same polyline moved by (across, down) frame units. */
function band(geometry: FaceGeometry, line: readonly PixelPoint[], across: number, down: number): PixelPoint[] {
  return [...line, ...[...line].reverse().map((point) => shifted(geometry.face, point, across, down))];
}

/** The crown: from the upper face outline up `CROWN_BAND_HEIGHT_IOD`; hair, a hat, or a bald scalp. */
export const crownBand = (geometry: FaceGeometry): PixelPoint[] =>
  band(geometry, points(geometry, FACE_MESH.upperOutline), 0, -CROWN_BAND_HEIGHT_IOD);

/** Beside each temple, outward of the face outline: hair, or background for short hair. */
export const sideBands = (geometry: FaceGeometry): [PixelPoint[], PixelPoint[]] => [
  band(geometry, points(geometry, FACE_MESH.rightTempleOutline), -SIDE_BAND_WIDTH_IOD, 0),
  band(geometry, points(geometry, FACE_MESH.leftTempleOutline), SIDE_BAND_WIDTH_IOD, 0),
];

/** Upper forehead, inside the face outline: skin, unless a hat or long bangs cover it. */
export const upperForeheadBand = (geometry: FaceGeometry): PixelPoint[] => [
  ...points(geometry, FACE_MESH.foreheadTop),
  ...points(geometry, FACE_MESH.foreheadMiddle),
];

/** A strip following each eyebrow's upper edge, from `fromIod` to `toIod` above it. */
function browStrips(geometry: FaceGeometry, fromIod: number, toIod: number): [PixelPoint[], PixelPoint[]] {
  const strip = (upper: readonly number[]): PixelPoint[] => {
    const line = points(geometry, upper).map((point) => shifted(geometry.face, point, 0, -fromIod));
    return band(geometry, line, 0, -(toIod - fromIod));
  };
  return [strip(FACE_MESH.rightBrowUpper), strip(FACE_MESH.leftBrowUpper)];
}

/** The strip just above each eyebrow's upper edge: forehead skin, unless bangs come down to the brows. */
export const aboveBrowBands = (geometry: FaceGeometry): [PixelPoint[], PixelPoint[]] =>
  browStrips(geometry, 0, ABOVE_BROW_HEIGHT_IOD);

/** The forehead above that strip, up to `MID_FOREHEAD_TOP_IOD` above the brows: skin, unless bangs cover it. */
export const midForeheadBands = (geometry: FaceGeometry): [PixelPoint[], PixelPoint[]] =>
  browStrips(geometry, ABOVE_BROW_HEIGHT_IOD, MID_FOREHEAD_TOP_IOD);
