import { clamp } from '../math';
import type { RgbaImage } from '../pixels/rgba-image';
import { degrees, toRadians } from '../units';
import type { NormalizedBox } from './normalized-box';

/** How `sampleBoxRgb` samples. */
export interface SampleBoxOptions {
  /** Most bilinear samples averaged per output pixel along each axis. Default 6. */
  readonly samplesPerAxisMax?: number;
  /**
   * The box turned this many degrees clockwise (on screen) about its centre: a card tilted so comes out
   * upright. Default 0.
   */
  readonly tiltDeg?: number;
}

/**
 * Cuts `box` out of the image and resizes it to `widthPx` x `heightPx` RGB, values 0..1, row-major, 3 floats
 * a pixel. Each output pixel averages an n x n grid of bilinear samples (n grows with the shrink factor, up to
 * `samplesPerAxisMax`), so a shrunk crop is not aliased. Parts of the box outside the image repeat the edge
 * pixels. Pure.
 */
export function sampleBoxRgb(
  image: RgbaImage,
  box: NormalizedBox,
  widthPx: number,
  heightPx: number,
  { samplesPerAxisMax = 6, tiltDeg = 0 }: SampleBoxOptions = {},
): Float32Array {
  const { data, widthPx: imageWidth, heightPx: imageHeight } = image;
  if (data.length < imageWidth * imageHeight * 4) throw new Error('RgbaImage data is shorter than its size');
  if (!(widthPx >= 1 && heightPx >= 1)) throw new RangeError(`sample size ${widthPx}x${heightPx} is empty`);
  const out = new Float32Array(widthPx * heightPx * 3);
  const boxWidthPx = box.width * imageWidth;
  const boxHeightPx = box.height * imageHeight;
  // sample positions are offsets from the box's centre, turned by the tilt (pixel centres at +0.5)
  const centreX = box.x * imageWidth + boxWidthPx / 2 - 0.5;
  const centreY = box.y * imageHeight + boxHeightPx / 2 - 0.5;
  const cos = Math.cos(toRadians(degrees(tiltDeg)));
  const sin = Math.sin(toRadians(degrees(tiltDeg)));
  const stepX = boxWidthPx / widthPx;
  const stepY = boxHeightPx / heightPx;
  const n = Math.max(1, Math.min(samplesPerAxisMax, Math.ceil(Math.max(stepX, stepY))));
  const weight = 1 / (255 * n * n);
  const maxX = imageWidth - 1;
  const maxY = imageHeight - 1;
  for (let oy = 0; oy < heightPx; oy++) {
    for (let ox = 0; ox < widthPx; ox++) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (let sy = 0; sy < n; sy++) {
        const down = (oy + (sy + 0.5) / n) * stepY - boxHeightPx / 2;
        // where this row of samples starts, turned: each sample then steps along the box's turned width
        const rowX = centreX - down * sin;
        const rowY = centreY + down * cos;
        for (let sx = 0; sx < n; sx++) {
          const across = (ox + (sx + 0.5) / n) * stepX - boxWidthPx / 2;
          const x = clamp(rowX + across * cos, 0, maxX);
          const y = clamp(rowY + across * sin, 0, maxY);
          const yi = Math.floor(y);
          const yj = Math.min(yi + 1, maxY);
          const fy = y - yi;
          const xi = Math.floor(x);
          const xj = Math.min(xi + 1, maxX);
          const fx = x - xi;
          const i00 = (yi * imageWidth + xi) * 4;
          const i01 = (yi * imageWidth + xj) * 4;
          const i10 = (yj * imageWidth + xi) * 4;
          const i11 = (yj * imageWidth + xj) * 4;
          const w00 = (1 - fx) * (1 - fy);
          const w01 = fx * (1 - fy);
          const w10 = (1 - fx) * fy;
          const w11 = fx * fy;
          r += data[i00]! * w00 + data[i01]! * w01 + data[i10]! * w10 + data[i11]! * w11;
          g += data[i00 + 1]! * w00 + data[i01 + 1]! * w01 + data[i10 + 1]! * w10 + data[i11 + 1]! * w11;
          b += data[i00 + 2]! * w00 + data[i01 + 2]! * w01 + data[i10 + 2]! * w10 + data[i11 + 2]! * w11;
        }
      }
      const o = (oy * widthPx + ox) * 3;
      out[o] = r * weight;
      out[o + 1] = g * weight;
      out[o + 2] = b * weight;
    }
  }
  return out;
}

/** Grey levels (0..1, Rec. 601 luma) of an RGB array as `sampleBoxRgb` returns it. */
export function greyOf(rgb: Float32Array): Float32Array {
  const grey = new Float32Array(rgb.length / 3);
  for (let i = 0; i < grey.length; i++) grey[i] = 0.299 * rgb[i * 3]! + 0.587 * rgb[i * 3 + 1]! + 0.114 * rgb[i * 3 + 2]!;
  return grey;
}

/** Levels per channel of the colour histogram: 4 x 4 x 4 = 64 bins. */
export const COLOUR_LEVELS = 4;
export const COLOUR_BINS = COLOUR_LEVELS ** 3;

/**
 * Joint RGB histogram (COLOUR_LEVELS a channel) of the pixels of an RGB array (0..1) inside the rectangle
 * `x0, y0, width, height` of a `stridePx`-wide image, normalized to sum 1. Pure.
 */
export function colourHistogram(
  rgb: Float32Array,
  stridePx: number,
  rect: { readonly x0: number; readonly y0: number; readonly width: number; readonly height: number } = {
    x0: 0,
    y0: 0,
    width: stridePx,
    height: rgb.length / 3 / stridePx,
  },
): Float64Array {
  const histogram = new Float64Array(COLOUR_BINS);
  const level = (value: number) => Math.min(COLOUR_LEVELS - 1, Math.max(0, Math.floor(value * COLOUR_LEVELS)));
  let count = 0;
  for (let y = rect.y0; y < rect.y0 + rect.height; y++) {
    for (let x = rect.x0; x < rect.x0 + rect.width; x++) {
      const i = (y * stridePx + x) * 3;
      histogram[(level(rgb[i]!) * COLOUR_LEVELS + level(rgb[i + 1]!)) * COLOUR_LEVELS + level(rgb[i + 2]!)]! += 1;
      count += 1;
    }
  }
  if (count > 0) for (let i = 0; i < COLOUR_BINS; i++) histogram[i]! /= count;
  return histogram;
}

/** Red, green and blue, each 0..1. */
export type Rgb = readonly [number, number, number];

/**
 * The mean colour of the pixels a `colourHistogram` counted, from its bins' centres: coarse, but the same
 * for a stored histogram (which keeps no pixels) as for a window's. Pure.
 */
export function histogramMeanRgb(histogram: ArrayLike<number>): Rgb {
  const mean = [0, 0, 0];
  for (let bin = 0; bin < COLOUR_BINS; bin++) {
    const share = histogram[bin] ?? 0;
    const levels = [Math.floor(bin / COLOUR_LEVELS ** 2), Math.floor(bin / COLOUR_LEVELS) % COLOUR_LEVELS, bin % COLOUR_LEVELS];
    for (let c = 0; c < 3; c++) mean[c]! += share * ((levels[c]! + 0.5) / COLOUR_LEVELS);
  }
  return [mean[0]!, mean[1]!, mean[2]!];
}

/** An RGB array (0..1) with each channel multiplied by its gain, clipped to 0..1: the colours under another light. Pure. */
export function relitRgb(rgb: Float32Array, gains: Rgb): Float32Array {
  const out = new Float32Array(rgb.length);
  for (let i = 0; i < rgb.length; i++) out[i] = Math.min(1, rgb[i]! * gains[i % 3]!);
  return out;
}

/** Bhattacharyya coefficient of two normalized histograms: 1 for the same colours, 0 for none in common. */
export function histogramSimilarity(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) sum += Math.sqrt(Math.max(a[i]!, 0) * Math.max(b[i]!, 0));
  return Math.min(sum, 1);
}
