import type { RgbaImage } from '../pixels/rgba-image';

/** A point in pixel space: x to the right, y down, (0, 0) the top-left corner of the top-left pixel. */
export interface PixelPoint {
  readonly x: number;
  readonly y: number;
}

/**
 * An optional per-pixel mask over the image (e.g. a person or hair segmentation), row-major, one value
 * per pixel in 0..1. It may have another size than the image: it is read at the same relative position
 * (of `box` when given). A pixel is kept when its mask value is at least `PixelMaskOptions.minValue`.
 */
export interface PixelMask {
  readonly data: Float32Array | Uint8Array | readonly number[];
  readonly widthPx: number;
  readonly heightPx: number;
  /** Scale of `data`: 1 for confidences 0..1 (default), 255 for byte masks. */
  readonly maxValue?: number;
  /** The part of the image the mask covers, normalized 0..1 (e.g. a head crop); absent = the whole image. Outside it the mask is 0. */
  readonly box?: { readonly x: number; readonly y: number; readonly width: number; readonly height: number };
}

/** The mask's value (0..1 of `maxValue`) at image pixel position (x, y); 0 outside the mask's box. */
export function maskValueAt(mask: PixelMask, image: Pick<RgbaImage, 'widthPx' | 'heightPx'>, x: number, y: number): number {
  if (!(mask.widthPx > 0 && mask.heightPx > 0)) return 0;
  const box = mask.box ?? { x: 0, y: 0, width: 1, height: 1 };
  const u = (x / image.widthPx - box.x) / box.width;
  const v = (y / image.heightPx - box.y) / box.height;
  if (!(u >= 0 && u < 1 && v >= 0 && v < 1)) return 0;
  const mx = Math.min(mask.widthPx - 1, Math.floor(u * mask.widthPx));
  const my = Math.min(mask.heightPx - 1, Math.floor(v * mask.heightPx));
  return Number(mask.data[my * mask.widthPx + mx] ?? 0) / (mask.maxValue ?? 1);
}

export interface PixelMaskOptions {
  readonly mask: PixelMask;
  /** Least mask value (as a share of `maxValue`) for a pixel to count. Default 0.5. */
  readonly minValue?: number;
}

/** The pixels of one region: parallel arrays of 0..255 channel values and Rec. 601 luma. */
export interface RegionPixels {
  readonly red: readonly number[];
  readonly green: readonly number[];
  readonly blue: readonly number[];
  readonly luma: readonly number[];
  /** Share of the region (sampled on the same grid) that lies inside the image, 0..1. */
  readonly inFrameShare: number;
  /** Sampling step in pixels (1 = every pixel; larger regions are sampled on a coarser grid). */
  readonly stepPx: number;
}

export interface SampleOptions {
  /** Most pixels to read; larger regions are read on a coarser grid. Default 6000. */
  readonly maxSamples?: number;
  /** Keep only pixels inside this mask. */
  readonly mask?: PixelMaskOptions;
}

export interface PixelBounds {
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
}

export const DEFAULT_MAX_SAMPLES = 6000;

/** Rec. 601 luma, 0..255 from 0..255 channels. */
export const luma = (red: number, green: number, blue: number): number => 0.299 * red + 0.587 * green + 0.114 * blue;

export interface Hsv {
  /** 0..360, 0 = red, 120 = green, 240 = blue; 0 for greys. */
  readonly hueDeg: number;
  /** 0..1: (max - min) / max of the channels. */
  readonly saturation: number;
  /** 0..1: the largest channel / 255. */
  readonly value: number;
}

export function toHsv(red: number, green: number, blue: number): Hsv {
  const max = Math.max(red, green, blue);
  const min = Math.min(red, green, blue);
  const delta = max - min;
  const value = max / 255;
  const saturation = max > 0 ? delta / max : 0;
  if (delta <= 0) return { hueDeg: 0, saturation, value };
  let hue: number;
  if (max === red) hue = ((green - blue) / delta) % 6;
  else if (max === green) hue = (blue - red) / delta + 2;
  else hue = (red - green) / delta + 4;
  const hueDeg = (hue * 60 + 360) % 360;
  return { hueDeg, saturation, value };
}

function maskAllows(options: PixelMaskOptions, image: RgbaImage, x: number, y: number): boolean {
  return maskValueAt(options.mask, image, x, y) >= (options.minValue ?? 0.5);
}

/**
 * Reads the pixels whose centres satisfy `contains`, within `bounds` (pixel space, may reach outside
 * the image: the part outside lowers `inFrameShare`). Returns new arrays; never reads outside the image.
 */
export function sampleRegion(
  image: RgbaImage,
  bounds: PixelBounds,
  contains: (point: PixelPoint) => boolean,
  options: SampleOptions = {},
): RegionPixels {
  const red: number[] = [];
  const green: number[] = [];
  const blue: number[] = [];
  const lumas: number[] = [];
  const empty = { red, green, blue, luma: lumas, inFrameShare: 0, stepPx: 1 };
  const { widthPx, heightPx, data } = image;
  const finiteBounds = [bounds.minX, bounds.minY, bounds.maxX, bounds.maxY].every(Number.isFinite);
  if (!finiteBounds || !(widthPx > 0 && heightPx > 0) || data.length < widthPx * heightPx * 4) return empty;
  // Never walk a grid far larger than the image, whatever the bounds say.
  const minX = Math.max(Math.floor(bounds.minX), -2 * widthPx);
  const maxX = Math.min(Math.ceil(bounds.maxX), 3 * widthPx);
  const minY = Math.max(Math.floor(bounds.minY), -2 * heightPx);
  const maxY = Math.min(Math.ceil(bounds.maxY), 3 * heightPx);
  if (!(maxX > minX && maxY > minY)) return empty;
  const maxSamples = Math.max(1, options.maxSamples ?? DEFAULT_MAX_SAMPLES);
  const stepPx = Math.max(1, Math.ceil(Math.sqrt(((maxX - minX) * (maxY - minY)) / maxSamples)));
  let regionCount = 0;
  let inFrameCount = 0;
  for (let py = minY; py < maxY; py += stepPx) {
    for (let px = minX; px < maxX; px += stepPx) {
      if (!contains({ x: px + 0.5, y: py + 0.5 })) continue;
      regionCount++;
      if (px < 0 || py < 0 || px >= widthPx || py >= heightPx) continue;
      inFrameCount++;
      if (options.mask && !maskAllows(options.mask, image, px + 0.5, py + 0.5)) continue;
      const offset = (py * widthPx + px) * 4;
      const r = data[offset]!;
      const g = data[offset + 1]!;
      const b = data[offset + 2]!;
      red.push(r);
      green.push(g);
      blue.push(b);
      lumas.push(luma(r, g, b));
    }
  }
  return { red, green, blue, luma: lumas, inFrameShare: regionCount > 0 ? inFrameCount / regionCount : 0, stepPx };
}

/** The value below which `fraction` (0..1) of the values lie, linearly interpolated; NaN when empty. */
export function percentile(values: readonly number[], fraction: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const position = Math.min(1, Math.max(0, fraction)) * (sorted.length - 1);
  const below = Math.floor(position);
  const above = Math.min(sorted.length - 1, below + 1);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (position - below);
}

export const median = (values: readonly number[]): number => percentile(values, 0.5);

/** Share of the indices 0..count-1 for which `test` holds, 0..1; NaN when count is 0. */
export function shareWhere(count: number, test: (index: number) => boolean): number {
  if (count <= 0) return Number.NaN;
  let hits = 0;
  for (let index = 0; index < count; index++) if (test(index)) hits++;
  return hits / count;
}

/** A typical colour: the channel-wise median of a region's pixels. */
export interface RgbColor {
  readonly red: number;
  readonly green: number;
  readonly blue: number;
}

export function medianColor(pixels: RegionPixels): RgbColor | null {
  if (pixels.luma.length === 0) return null;
  return { red: median(pixels.red), green: median(pixels.green), blue: median(pixels.blue) };
}

/** Chromaticity (r, g) = (R, G) / (R + G + B): colour without brightness. Greys are (1/3, 1/3). */
export function chromaticity(red: number, green: number, blue: number): { readonly r: number; readonly g: number } {
  const sum = red + green + blue;
  if (!(sum > 0)) return { r: 1 / 3, g: 1 / 3 };
  return { r: red / sum, g: green / sum };
}
