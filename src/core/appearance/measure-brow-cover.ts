import type { RgbaImage } from '../pixels/rgba-image';
import type { NormalizedLandmark } from '../types';
import { faceRollDeg } from './face-geometry';
import {
  HAIR_REFERENCE_SKIN_DISTANCE_MIN,
  colorFeatures,
  distancesFrom,
  featureDistance,
  hairLikeShare,
} from './hair-color';
import { type HeadPixelOptions, type HeadPixels, headPixels } from './head-pixels';
import { aboveBrowBands, midForeheadBands } from './head-regions';
import { type RegionPixels, type RgbColor, medianColor } from './pixel-sampling';
import { IN_FRAME_SHARE_MIN, polygonPixels, skinLikeShare } from './skin-reference';

/*
 * Bangs over the brows: the strip just above each eyebrow, and the forehead above it, look like the
 * person's hair instead of their skin. Each pixel there is given to the nearer of two references: the hair
 * colour (the non-skin pixels of the crown band, or of the side bands when the crown is cut off) and the
 * skin colour (the cheeks). Spectacle rims reach the brow strip but not the forehead above it; a hat brim
 * low on the forehead reads like bangs.
 */

export interface BrowCoverMeasures {
  /** Share of the strips just above the brows (0.12 IOD high) nearer the hair colour than the skin colour, 0..1. */
  readonly aboveBrowHairLikeShare: number;
  /** Same for the forehead above them (0.12..0.3 IOD above the brows), 0..1. */
  readonly midForeheadHairLikeShare: number;
  /** Share of the strips just above the brows that match the cheek colour, 0..1 (for explanation). */
  readonly aboveBrowSkinLikeShare: number;
  /**
   * Difference between the hair and skin reference colours, in units of a clear difference (a luma factor
   * of 1.5 or a chromaticity step of 0.04). Under 1, hair and skin look alike and the shares mean little.
   */
  readonly hairToSkinColorContrast: number;
  /** Distance between the eye centres, pixels: the face's size. */
  readonly interocularPx: number;
  /** Median cheek luma, 0..255. */
  readonly cheekLuminance: number;
  /** See `FaceGeometry.faceYawAsymmetry`. */
  readonly faceYawAsymmetry: number;
  /** Angle of the eye line from the image's horizontal, degrees. */
  readonly faceRollDeg: number;
}

/** Least share of a band's pixels that are not skin for its median colour to stand for the hair. */
const HAIR_REFERENCE_SHARE_MIN = 0.2;
/** Least pixels behind the hair reference colour. */
const HAIR_REFERENCE_PIXELS_MIN = 12;

/** The band's pixels clearly unlike the skin (see HAIR_REFERENCE_SKIN_DISTANCE_MIN). */
function clearlyNotSkin(band: RegionPixels, skin: RgbColor): RegionPixels {
  const distances = distancesFrom(band, skin);
  const keep = distances.flatMap((distance, i) => (distance >= HAIR_REFERENCE_SKIN_DISTANCE_MIN ? [i] : []));
  return {
    red: keep.map((i) => band.red[i]!),
    green: keep.map((i) => band.green[i]!),
    blue: keep.map((i) => band.blue[i]!),
    luma: keep.map((i) => band.luma[i]!),
    inFrameShare: band.inFrameShare,
    stepPx: band.stepPx,
  };
}

/**
 * The hair colour: the median of the crown's pixels clearly unlike the skin, else the sides'; null when
 * neither shows enough.
 */
function hairReference(head: HeadPixels): RgbColor | null {
  for (const band of [head.crown, head.sides]) {
    if (!band || band.inFrameShare < IN_FRAME_SHARE_MIN || band.luma.length === 0) continue;
    const hair = clearlyNotSkin(band, head.skin.color);
    if (hair.luma.length < HAIR_REFERENCE_PIXELS_MIN) continue;
    if (hair.luma.length / band.luma.length < HAIR_REFERENCE_SHARE_MIN) continue;
    return medianColor(hair);
  }
  return null;
}

function pooledPixels(image: RgbaImage, polygons: readonly (readonly { x: number; y: number }[])[]): RegionPixels | null {
  const parts = polygons
    .map((polygon) => polygonPixels(image, polygon))
    .filter((p) => p.inFrameShare >= IN_FRAME_SHARE_MIN);
  if (parts.length === 0 || parts.every((p) => p.luma.length === 0)) return null;
  return {
    red: parts.flatMap((p) => p.red),
    green: parts.flatMap((p) => p.green),
    blue: parts.flatMap((p) => p.blue),
    luma: parts.flatMap((p) => p.luma),
    inFrameShare: Math.min(...parts.map((p) => p.inFrameShare)),
    stepPx: Math.max(...parts.map((p) => p.stepPx)),
  };
}

/**
 * Bangs measures from shared head pixels; null when no hair is seen to compare with, or the brow strips
 * are out of frame.
 */
export function browCoverMeasuresFrom(image: RgbaImage, head: HeadPixels): BrowCoverMeasures | null {
  const hair = hairReference(head);
  if (!hair) return null;
  const aboveBrow = pooledPixels(image, aboveBrowBands(head.geometry));
  const midForehead = pooledPixels(image, midForeheadBands(head.geometry));
  if (!aboveBrow || !midForehead) return null;
  const skin = head.skin.color;
  return {
    aboveBrowHairLikeShare: hairLikeShare(aboveBrow, hair, skin),
    midForeheadHairLikeShare: hairLikeShare(midForehead, hair, skin),
    aboveBrowSkinLikeShare: skinLikeShare(aboveBrow, skin),
    hairToSkinColorContrast: featureDistance(
      colorFeatures(hair.red, hair.green, hair.blue),
      colorFeatures(skin.red, skin.green, skin.blue),
    ),
    interocularPx: head.geometry.interocularPx,
    cheekLuminance: head.skin.luma,
    faceYawAsymmetry: head.geometry.faceYawAsymmetry,
    faceRollDeg: faceRollDeg(head.geometry),
  };
}

/** Bangs measures, or null when not measurable (no mesh, no cheek, no hair seen, brows out of frame). */
export function measureBrowCover(
  image: RgbaImage,
  faceLandmarks: readonly NormalizedLandmark[],
  options: HeadPixelOptions = {},
): BrowCoverMeasures | null {
  const head = headPixels(image, faceLandmarks, options);
  return head ? browCoverMeasuresFrom(image, head) : null;
}
