import type { RgbaImage } from '../pixels/rgba-image';
import type { NormalizedLandmark } from '../types';
import { type FaceGeometry, faceGeometry } from './face-geometry';
import { type CastGains, castGains } from './hair-color';
import { crownBand, sideBands } from './head-regions';
import { type HeadSilhouette, headSilhouette } from './head-silhouette';
import type { PixelMaskOptions, RegionPixels } from './pixel-sampling';
import { IN_FRAME_SHARE_MIN, type SkinReference, nonSkinPixels, polygonPixels, skinReference } from './skin-reference';

/** Pixels around the head shared by the hair, bangs and hat measures. */
export interface HeadPixels {
  readonly geometry: FaceGeometry;
  readonly skin: SkinReference;
  /** Gains removing the light's colour cast (see hair-color.ts). */
  readonly gains: CastGains;
  /** The crown band (see head-regions.ts), and its pixels that are not skin-coloured. */
  readonly crown: RegionPixels;
  readonly crownNonSkin: RegionPixels;
  /** The side bands inside the frame, pooled, and their pixels that are not skin-coloured; null when neither side is in frame. */
  readonly sides: RegionPixels | null;
  readonly sidesNonSkin: RegionPixels | null;
  /** The head's outline from the person mask; null without one. */
  readonly silhouette: HeadSilhouette | null;
  /** Whether the person mask filtered the pixels above (see `PERSON_OVER_FOREHEAD_SHARE_MIN`). */
  readonly personMaskUsed: boolean;
}

/**
 * Least share of the area over the forehead that the person mask must call the person's for the mask to
 * filter the head's pixels. Default 0.5: the selfie segmenter sometimes leaves vividly dyed hair (or a hat)
 * out of the person, and filtering with its mask then removes the very pixels the rules look for; with less,
 * the regions are read unmasked, as without a segmenter.
 */
export const PERSON_OVER_FOREHEAD_SHARE_MIN = 0.5;

export interface HeadPixelOptions {
  /** Keep only pixels inside this person mask everywhere (optional; e.g. from a segmenter). */
  readonly personMask?: PixelMaskOptions;
  /** Keep only pixels inside this hair mask in the crown and side bands (optional; overrides `personMask` there). */
  readonly hairMask?: PixelMaskOptions;
}

function pool(regions: readonly RegionPixels[]): RegionPixels | null {
  if (regions.length === 0) return null;
  return {
    red: regions.flatMap((r) => r.red),
    green: regions.flatMap((r) => r.green),
    blue: regions.flatMap((r) => r.blue),
    luma: regions.flatMap((r) => r.luma),
    inFrameShare: Math.min(...regions.map((r) => r.inFrameShare)),
    stepPx: Math.max(...regions.map((r) => r.stepPx)),
  };
}

/** The shared head pixels, or null without a full mesh or a cheek inside the frame. */
export function headPixels(
  image: RgbaImage,
  faceLandmarks: readonly NormalizedLandmark[],
  options: HeadPixelOptions = {},
): HeadPixels | null {
  const geometry = faceGeometry(image, faceLandmarks);
  if (!geometry) return null;
  const silhouette = options.personMask ? headSilhouette(image, geometry, options.personMask.mask) : null;
  const personMaskUsed = silhouette !== null && silhouette.matterAboveForeheadShare >= PERSON_OVER_FOREHEAD_SHARE_MIN;
  const personMask = personMaskUsed ? options.personMask : undefined;
  const skin = skinReference(image, geometry, personMask);
  if (!skin) return null;
  const hairMask = options.hairMask ?? personMask;
  const crown = polygonPixels(image, crownBand(geometry), hairMask);
  const sides = pool(
    sideBands(geometry)
      .map((polygon) => polygonPixels(image, polygon, hairMask))
      .filter((pixels) => pixels.inFrameShare >= IN_FRAME_SHARE_MIN && pixels.luma.length > 0),
  );
  return {
    geometry,
    skin,
    gains: castGains(skin.color),
    crown,
    crownNonSkin: nonSkinPixels(crown, skin.color),
    sides,
    sidesNonSkin: sides ? nonSkinPixels(sides, skin.color) : null,
    silhouette,
    personMaskUsed,
  };
}
