import { describe, expect, it } from 'vitest';
import type { RgbaImage } from '../pixels/rgba-image';
import { chromaticity, luma, median, percentile, sampleRegion, toHsv } from './pixel-sampling';

/** A w x h image filled by `color(x, y)`. */
function image(widthPx: number, heightPx: number, color: (x: number, y: number) => [number, number, number]): RgbaImage {
  const data = new Uint8ClampedArray(widthPx * heightPx * 4);
  for (let y = 0; y < heightPx; y++) {
    for (let x = 0; x < widthPx; x++) {
      const [r, g, b] = color(x, y);
      data.set([r, g, b, 255], (y * widthPx + x) * 4);
    }
  }
  return { data, widthPx, heightPx };
}

describe('colour helpers', () => {
  it('computes Rec. 601 luma and HSV by hand', () => {
    expect(luma(255, 255, 255)).toBeCloseTo(255, 6);
    expect(luma(255, 0, 0)).toBeCloseTo(76.245, 3);
    expect(toHsv(255, 0, 0)).toEqual({ hueDeg: 0, saturation: 1, value: 1 });
    expect(toHsv(0, 255, 0).hueDeg).toBeCloseTo(120, 6);
    expect(toHsv(0, 0, 255).hueDeg).toBeCloseTo(240, 6);
    expect(toHsv(255, 0, 255).hueDeg).toBeCloseTo(300, 6);
    expect(toHsv(128, 128, 128)).toEqual({ hueDeg: 0, saturation: 0, value: 128 / 255 });
    expect(toHsv(0, 0, 0)).toEqual({ hueDeg: 0, saturation: 0, value: 0 });
  });

  it('gives greys and black the neutral chromaticity', () => {
    expect(chromaticity(50, 50, 50)).toEqual({ r: 1 / 3, g: 1 / 3 });
    expect(chromaticity(0, 0, 0)).toEqual({ r: 1 / 3, g: 1 / 3 });
  });

  it('takes percentiles with interpolation, NaN when empty', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(percentile([0, 10], 0.25)).toBeCloseTo(2.5, 6);
    expect(Number.isNaN(median([]))).toBe(true);
  });
});

describe('sampleRegion', () => {
  const split = image(10, 10, (x) => (x < 5 ? [0, 0, 0] : [200, 100, 50]));

  it('reads the pixels whose centres lie inside, row by row', () => {
    const right = sampleRegion(split, { minX: 5, minY: 0, maxX: 10, maxY: 10 }, () => true);
    expect(right.luma).toHaveLength(50);
    expect(new Set(right.red)).toEqual(new Set([200]));
    expect(right.inFrameShare).toBe(1);
  });

  it('counts the part outside the image in inFrameShare and never reads there', () => {
    const half = sampleRegion(split, { minX: -10, minY: 0, maxX: 10, maxY: 10 }, () => true);
    expect(half.inFrameShare).toBeCloseTo(0.5, 6);
    expect(half.luma).toHaveLength(100);
  });

  it('keeps only pixels inside a mask of another size', () => {
    const mask = { data: new Float32Array([1, 0]), widthPx: 2, heightPx: 1 };
    const left = sampleRegion(split, { minX: 0, minY: 0, maxX: 10, maxY: 10 }, () => true, { mask: { mask } });
    expect(left.luma).toHaveLength(50);
    expect(new Set(left.red)).toEqual(new Set([0]));
  });

  it('samples large regions on a coarser grid', () => {
    const big = image(200, 200, () => [10, 10, 10]);
    const pixels = sampleRegion(big, { minX: 0, minY: 0, maxX: 200, maxY: 200 }, () => true, { maxSamples: 1000 });
    expect(pixels.stepPx).toBe(7);
    expect(pixels.luma.length).toBeLessThanOrEqual(1000);
  });

  it('returns nothing for non-finite bounds or a short buffer', () => {
    expect(sampleRegion(split, { minX: Number.NaN, minY: 0, maxX: 1, maxY: 1 }, () => true).luma).toHaveLength(0);
    const broken = { data: new Uint8Array(3), widthPx: 10, heightPx: 10 };
    expect(sampleRegion(broken, { minX: 0, minY: 0, maxX: 10, maxY: 10 }, () => true).luma).toHaveLength(0);
  });
});
