import type { NormalizedBox } from '../geometry/box';
import type { RgbaImage } from '../pixels/rgba-image';
import { type FaceGeometry, frameBounds, frameCoordinates, framePoint } from './face-geometry';
import { FACE_MESH } from './face-mesh-regions';
import { type PixelMask, maskValueAt } from './pixel-sampling';

/*
 * The head's outline from a person mask (a segmentation of the person against the background), measured in
 * the face frame (unit = the distance between the eye centres, IOD; "up" = against the face's down axis).
 * Anthropometry (adult, IOD about 6.3 cm): the skull's top lies about 1 IOD above the mesh top (point 10,
 * the upper forehead), the head is about 2.5 IOD wide at the temples. Hair adds up to about 0.5 IOD on top
 * and widens the outline a little; a cap or beanie adds its thickness; a fedora's crown rises about 1.5..2
 * IOD above point 10 and a brim spreads 4.5..7 IOD wide (30..45 cm), far wider than any head.
 */

/** The crop the segmenter looks at, in the face frame: 6 IOD wide, from 3.8 IOD above the eyes to 2.2 below (chin, neck). */
export const SEGMENTATION_CROP_IOD = { acrossMin: -3, acrossMax: 3, downMin: -3.8, downMax: 2.2 } as const;
/** Grid step of the outline measures, IOD. */
const STEP_IOD = 0.05;
/** Half-width of the central columns whose outline top is taken, IOD (about the forehead's middle third). */
const CENTRE_HALF_WIDTH_IOD = 0.4;
/** A gap in the mask shorter than this (IOD) does not end the head (a thin dark strand, a hat band). */
const GAP_MAX_IOD = 0.1;
/** The brim band reaches from the mesh top up to this far below the outline's top, IOD. */
const BRIM_BAND_BELOW_TOP_IOD = 0.5;
/** Mask value from which a pixel is the person's. */
export const PERSON_MASK_MIN_VALUE = 0.5;

/** The crop for the segmenter around a face (normalized, clipped to the image); null when it misses the image. */
export function headSegmentationBox(geometry: FaceGeometry, image: Pick<RgbaImage, 'widthPx' | 'heightPx'>): NormalizedBox | null {
  const c = SEGMENTATION_CROP_IOD;
  const bounds = frameBounds(geometry.face, c.acrossMin, c.downMin, c.acrossMax, c.downMax);
  const minX = Math.max(0, Math.floor(bounds.minX));
  const minY = Math.max(0, Math.floor(bounds.minY));
  const maxX = Math.min(image.widthPx, Math.ceil(bounds.maxX));
  const maxY = Math.min(image.heightPx, Math.ceil(bounds.maxY));
  if (!(maxX - minX >= 2 && maxY - minY >= 2)) return null;
  return {
    x: minX / image.widthPx,
    y: minY / image.heightPx,
    width: (maxX - minX) / image.widthPx,
    height: (maxY - minY) / image.heightPx,
  };
}

export interface HeadSilhouette {
  /**
   * Height of the person's outline above the mesh top (point 10), IOD, median over the central columns:
   * about 1..1.5 for a head with hair, more under a tall hat. Null when the outline runs out of the image
   * (see `topCutOff`) or no person is seen above the forehead.
   */
  readonly topAboveMeshTopIod: number | null;
  /** The outline above the forehead reaches the image's edge (or the segmented crop's): the top of the head is out of frame. */
  readonly topCutOff: boolean;
  /**
   * Widest extent of the person's outline between the mesh top and 0.5 IOD below the outline's top (the
   * band a hat's brim sits in), IOD: about 2.3..3.5 for heads with hair, 4.5 and more for a brim.
   * Measured across the row through the face's centre line; null without a top.
   */
  readonly widthAboveForeheadIod: number | null;
  /** The width reached the crop's side (a brim wider than the crop, or the shoulders of a tilted head). */
  readonly widthCutOff: boolean;
  /** Share of the area from the upper face outline up to 1 IOD above the mesh top, over the forehead, that the mask calls the person's, 0..1. */
  readonly matterAboveForeheadShare: number;
}

type Cell = 'person' | 'background' | 'outside';

/** Reads the mask at face-frame coordinates; 'outside' beyond the image or the mask's box. */
function cellAt(mask: PixelMask, image: Pick<RgbaImage, 'widthPx' | 'heightPx'>, geometry: FaceGeometry, across: number, down: number): Cell {
  const point = framePoint(geometry.face, across, down);
  if (point.x < 0 || point.y < 0 || point.x >= image.widthPx || point.y >= image.heightPx) return 'outside';
  if (mask.box) {
    const u = point.x / image.widthPx - mask.box.x;
    const v = point.y / image.heightPx - mask.box.y;
    if (u < 0 || v < 0 || u >= mask.box.width || v >= mask.box.height) return 'outside';
  }
  return maskValueAt(mask, image, point.x, point.y) >= PERSON_MASK_MIN_VALUE ? 'person' : 'background';
}

/** Walks up a column from `fromDown`; returns the outline's top (down coordinate) or 'cut' when it leaves the image first. */
function columnTop(
  mask: PixelMask,
  image: Pick<RgbaImage, 'widthPx' | 'heightPx'>,
  geometry: FaceGeometry,
  across: number,
  fromDown: number,
): number | 'cut' | null {
  const gapSteps = Math.round(GAP_MAX_IOD / STEP_IOD);
  let lastPerson: number | null = null;
  let gap = 0;
  for (let down = fromDown; down >= SEGMENTATION_CROP_IOD.downMin; down -= STEP_IOD) {
    const cell = cellAt(mask, image, geometry, across, down);
    if (cell === 'outside') return 'cut';
    if (cell === 'person') {
      lastPerson = down;
      gap = 0;
    } else if (lastPerson !== null && ++gap > gapSteps) {
      return lastPerson;
    } else if (lastPerson === null && fromDown - down > GAP_MAX_IOD * 2) {
      return null; // no person over the forehead at all
    }
  }
  return 'cut';
}

/** The person's run through the face's centre line on one row: its width (IOD) and whether it reaches the crop or image edge. */
function rowExtent(
  mask: PixelMask,
  image: Pick<RgbaImage, 'widthPx' | 'heightPx'>,
  geometry: FaceGeometry,
  down: number,
): { readonly widthIod: number; readonly cutOff: boolean } {
  const { acrossMin, acrossMax } = SEGMENTATION_CROP_IOD;
  if (cellAt(mask, image, geometry, 0, down) !== 'person') return { widthIod: 0, cutOff: false };
  let cutOff = false;
  const walk = (direction: 1 | -1): number => {
    let across = 0;
    for (;;) {
      const next = across + direction * STEP_IOD;
      if (next < acrossMin - 1e-9 || next > acrossMax + 1e-9) {
        cutOff = true;
        return across;
      }
      const cell = cellAt(mask, image, geometry, next, down);
      if (cell === 'outside') cutOff = true;
      if (cell !== 'person') return across;
      across = next;
    }
  };
  const right = walk(1);
  const left = walk(-1);
  return { widthIod: right - left + STEP_IOD, cutOff };
}

const medianOf = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** The head's outline measures from a person mask (pure). */
export function headSilhouette(image: Pick<RgbaImage, 'widthPx' | 'heightPx'>, geometry: FaceGeometry, mask: PixelMask): HeadSilhouette {
  const meshTopDown = frameCoordinates(geometry.face, geometry.pointsPx[FACE_MESH.upperOutline[5]]!).down;
  const tops: number[] = [];
  let cut = 0;
  let columns = 0;
  for (let across = -CENTRE_HALF_WIDTH_IOD; across <= CENTRE_HALF_WIDTH_IOD + 1e-9; across += STEP_IOD) {
    columns++;
    const top = columnTop(mask, image, geometry, across, meshTopDown);
    if (top === 'cut') cut++;
    else if (top !== null) tops.push(top);
  }
  const topCutOff = cut * 2 >= columns;
  const topDown = !topCutOff && tops.length * 2 >= columns ? medianOf(tops) : Number.NaN;

  let widest: number | null = null;
  let widthCutOff = false;
  if (Number.isFinite(topDown)) {
    const lowestRow = Math.min(meshTopDown, topDown + BRIM_BAND_BELOW_TOP_IOD);
    for (let down = meshTopDown; down >= lowestRow - 1e-9; down -= STEP_IOD) {
      const row = rowExtent(mask, image, geometry, down);
      widthCutOff ||= row.cutOff;
      if (widest === null || row.widthIod > widest) widest = row.widthIod;
    }
  }

  let person = 0;
  let counted = 0;
  for (let across = -CENTRE_HALF_WIDTH_IOD * 2; across <= CENTRE_HALF_WIDTH_IOD * 2 + 1e-9; across += STEP_IOD) {
    for (let down = meshTopDown; down >= meshTopDown - 1; down -= STEP_IOD) {
      const cell = cellAt(mask, image, geometry, across, down);
      if (cell === 'outside') continue;
      counted++;
      if (cell === 'person') person++;
    }
  }

  return {
    topAboveMeshTopIod: Number.isFinite(topDown) ? meshTopDown - topDown : null,
    topCutOff,
    widthAboveForeheadIod: widest,
    widthCutOff,
    matterAboveForeheadShare: counted > 0 ? person / counted : 0,
  };
}
