import type { RgbaImage } from '../pixels/rgba-image';
import type { NormalizedLandmark } from '../types';
import { hueSummary, unnaturalColorShare } from './hair-color';
import { type HeadPixelOptions, type HeadPixels, headPixels } from './head-pixels';
import { median } from './pixel-sampling';
import { faceRollDeg } from './face-geometry';

/*
 * Hair colour: the crown band above the forehead (see head-regions.ts) holds hair, a hat or a bald scalp.
 * Its pixels that are not skin-coloured are taken as hair; their colour is judged after removing the
 * light's cast (see hair-color.ts). The side bands beside the temples are measured too: they hold hair
 * or, for short hair, background, so they only confirm the crown.
 */

export interface HairMeasures {
  /** Share of the crown band inside the image, 0..1: under 0.8 the top of the head is cut off. */
  readonly crownInFrameShare: number;
  /** Share of the crown band that is not skin-coloured (hair, a hat), 0..1. */
  readonly hairPixelShare: number;
  /** Share of those hair pixels in a dyed, unnatural colour (see hair-color.ts), 0..1. */
  readonly hairUnnaturalColorShare: number;
  /** Saturation-weighted mean hue of the hair pixels, degrees 0..360 (0 red, 30 orange-brown, 240 blue), cast removed. */
  readonly hairHueDeg: number;
  /** Median HSV saturation of the hair pixels, 0..1, cast removed. */
  readonly hairSaturation: number;
  /** Median luma of the hair pixels over the cheeks', unitless: about 0.1..0.5 black to brown, 0.7..1.3 blond or grey. */
  readonly hairToCheekLuminanceRatio: number;
  /** Share of the side bands (beside the temples, inside the frame) that is not skin-coloured, 0..1; 0 when neither side is in frame. */
  readonly sideHairPixelShare: number;
  /** Share of those side pixels in an unnatural hair colour, 0..1. */
  readonly sideUnnaturalColorShare: number;
  /** Distance between the eye centres, pixels: the face's size. */
  readonly interocularPx: number;
  /** Median cheek luma, 0..255. */
  readonly cheekLuminance: number;
  /** See `FaceGeometry.faceYawAsymmetry`. */
  readonly faceYawAsymmetry: number;
  /** Angle of the eye line from the image's horizontal, degrees. */
  readonly faceRollDeg: number;
  /** 1 when a person mask filtered the crown and side pixels (background removed; see head-pixels.ts), else 0. */
  readonly personMaskUsed: number;
}

/** Hair measures from shared head pixels. */
export function hairMeasuresFrom(head: HeadPixels): HairMeasures {
  const { crown, crownNonSkin, sides, sidesNonSkin, gains, skin, geometry } = head;
  const hue = hueSummary(crownNonSkin, gains);
  const sideCount = sides?.luma.length ?? 0;
  return {
    crownInFrameShare: crown.inFrameShare,
    hairPixelShare: crown.luma.length > 0 ? crownNonSkin.luma.length / crown.luma.length : 0,
    hairUnnaturalColorShare: unnaturalColorShare(crownNonSkin, gains),
    hairHueDeg: hue.hueDeg,
    hairSaturation: hue.saturation,
    hairToCheekLuminanceRatio: crownNonSkin.luma.length > 0 ? median(crownNonSkin.luma) / Math.max(1, skin.luma) : 0,
    sideHairPixelShare: sideCount > 0 ? (sidesNonSkin?.luma.length ?? 0) / sideCount : 0,
    sideUnnaturalColorShare: sidesNonSkin ? unnaturalColorShare(sidesNonSkin, gains) : 0,
    interocularPx: geometry.interocularPx,
    cheekLuminance: skin.luma,
    faceYawAsymmetry: geometry.faceYawAsymmetry,
    faceRollDeg: faceRollDeg(geometry),
    personMaskUsed: head.personMaskUsed ? 1 : 0,
  };
}

/** Hair colour measures, or null without a full mesh or a cheek in frame (the rule decides on a cut-off crown). */
export function measureHair(
  image: RgbaImage,
  faceLandmarks: readonly NormalizedLandmark[],
  options: HeadPixelOptions = {},
): HairMeasures | null {
  const head = headPixels(image, faceLandmarks, options);
  return head ? hairMeasuresFrom(head) : null;
}
