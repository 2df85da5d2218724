import type { RgbaImage } from '../pixels/rgba-image';
import type { NormalizedLandmark } from '../types';
import { faceRollDeg } from './face-geometry';
import { unnaturalColorShare } from './hair-color';
import { type HeadPixelOptions, type HeadPixels, headPixels } from './head-pixels';
import { upperForeheadBand } from './head-regions';
import { polygonPixels, skinLikeShare } from './skin-reference';

/*
 * A hat, cap or hood: matter on the crown whose colour is not hair. Hair colour is estimated beside the
 * temples (side bands), so that a colour on the crown that the sides lack is matter on top of the hair:
 * a crown in a colour hair does not have (blue, green, purple, pink, vivid red) over naturally coloured
 * sides. A hat in a hair colour (black, brown, beige, white, grey) over hair gives no colour cue and passes:
 * this measure finds coloured hats only.
 */

export interface HeadTopMeasures {
  /** Share of the crown band inside the image, 0..1: under 0.8 the top of the head is cut off. */
  readonly crownInFrameShare: number;
  /** Share of the crown band that is not skin-coloured, 0..1. */
  readonly crownCoveredShare: number;
  /** Share of the crown's non-skin pixels in a colour hair does not have naturally (see hair-color.ts), 0..1. */
  readonly crownUnnaturalColorShare: number;
  /** Share of the side bands (inside the frame) that is not skin-coloured, 0..1; 0 when neither side is in frame. */
  readonly sideHairPixelShare: number;
  /** Share of the sides' non-skin pixels in an unnatural hair colour, 0..1. */
  readonly sideUnnaturalColorShare: number;
  /** Share of the upper forehead that matches the cheek colour, 0..1 (low under a low hat brim or bangs). */
  readonly upperForeheadSkinLikeShare: number;
  /** Distance between the eye centres, pixels: the face's size. */
  readonly interocularPx: number;
  /** Median cheek luma, 0..255. */
  readonly cheekLuminance: number;
  /** See `FaceGeometry.faceYawAsymmetry`. */
  readonly faceYawAsymmetry: number;
  /** Angle of the eye line from the image's horizontal, degrees. */
  readonly faceRollDeg: number;
}

/** Hat measures from shared head pixels. */
export function headTopMeasuresFrom(image: RgbaImage, head: HeadPixels): HeadTopMeasures {
  const { crown, crownNonSkin, sides, sidesNonSkin, gains, skin, geometry } = head;
  const sideCount = sides?.luma.length ?? 0;
  return {
    crownInFrameShare: crown.inFrameShare,
    crownCoveredShare: crown.luma.length > 0 ? crownNonSkin.luma.length / crown.luma.length : 0,
    crownUnnaturalColorShare: unnaturalColorShare(crownNonSkin, gains),
    sideHairPixelShare: sideCount > 0 ? (sidesNonSkin?.luma.length ?? 0) / sideCount : 0,
    sideUnnaturalColorShare: sidesNonSkin ? unnaturalColorShare(sidesNonSkin, gains) : 0,
    upperForeheadSkinLikeShare: skinLikeShare(polygonPixels(image, upperForeheadBand(geometry)), skin.color),
    interocularPx: geometry.interocularPx,
    cheekLuminance: skin.luma,
    faceYawAsymmetry: geometry.faceYawAsymmetry,
    faceRollDeg: faceRollDeg(geometry),
  };
}

/** Hat measures, or null without a full mesh or a cheek in frame (the rule decides on a cut-off crown). */
export function measureHeadTop(
  image: RgbaImage,
  faceLandmarks: readonly NormalizedLandmark[],
  options: HeadPixelOptions = {},
): HeadTopMeasures | null {
  const head = headPixels(image, faceLandmarks, options);
  return head ? headTopMeasuresFrom(image, head) : null;
}
