import type { RgbaImage } from '../pixels/rgba-image';
import type { NormalizedBox } from './normalized-box';
import { sampleBoxRgb } from './sample-box';

/** Up to 8 x 8 samples a pixel: a large photo's chest shrinks up to about 8 times into the model's input. */
const CROP_SAMPLES_PER_AXIS_MAX = 8;

/**
 * Cuts `box` out of the image and resizes it to `sizePx` x `sizePx` RGB, values 0..1, row-major, 3 floats a pixel.
 * Each output pixel averages an n x n grid of bilinear samples (n grows with the shrink factor), so a large
 * photo is not aliased. The badge model is trained on crops made by this very function. Pure.
 */
export function cropToRgb(image: RgbaImage, box: NormalizedBox, sizePx: number): Float32Array {
  return sampleBoxRgb(image, box, sizePx, sizePx, { samplesPerAxisMax: CROP_SAMPLES_PER_AXIS_MAX });
}
