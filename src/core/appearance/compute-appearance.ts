import type { RgbaImage } from '../pixels/rgba-image';
import type { FaceDetection } from '../types';
import { type HeadPixelOptions, headPixels } from './head-pixels';
import { type BrowCoverMeasures, browCoverMeasuresFrom } from './measure-brow-cover';
import { type SunglassesMeasures, measureEyeRegions } from './measure-eye-regions';
import { type HairMeasures, hairMeasuresFrom } from './measure-hair';
import { type HeadTopMeasures, headTopMeasuresFrom } from './measure-head-top';

/**
 * The appearance measures of one still, for the grooming and dress rules. A field is null when its
 * regions could not be measured (no face, landmarks missing, regions out of the frame): rules answer
 * `unknown` then.
 */
export interface AppearanceObservations {
  readonly faceFound: boolean;
  readonly sunglasses: SunglassesMeasures | null;
  readonly hair: HairMeasures | null;
  readonly browCover: BrowCoverMeasures | null;
  readonly headTop: HeadTopMeasures | null;
}

export const EMPTY_APPEARANCE: AppearanceObservations = {
  faceFound: false,
  sunglasses: null,
  hair: null,
  browCover: null,
  headTop: null,
};

/**
 * Optional segmentation masks for the head measures (hair, bangs, hat); without them those rely on the face
 * mesh and colour alone. The sunglasses measures never use them (a dark lens must not be cut out as background).
 */
export type AppearanceOptions = HeadPixelOptions;

/** Every appearance measure of one still, from its pixels and the face found in it. Pure. */
export function computeAppearance(
  image: RgbaImage,
  face: FaceDetection | null,
  options: AppearanceOptions = {},
): AppearanceObservations {
  if (!face) return EMPTY_APPEARANCE;
  const head = headPixels(image, face.landmarks, options);
  return {
    faceFound: true,
    sunglasses: measureEyeRegions(image, face.landmarks),
    hair: head ? hairMeasuresFrom(head) : null,
    browCover: head ? browCoverMeasuresFrom(image, head) : null,
    headTop: head ? headTopMeasuresFrom(image, head) : null,
  };
}
