import { describe, expect, it } from 'vitest';
import type { RgbaImage } from '../pixels/rgba-image';
import { colourHistogram, greyOf, histogramMeanRgb, relitRgb, sampleBoxRgb } from './sample-box';

/** A 40 x 40 picture whose grey level rises from left (0) to right (195). */
function horizontalRamp(): RgbaImage {
  const size = 40;
  const data = new Uint8ClampedArray(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) data.set([x * 5, x * 5, x * 5, 255], (y * size + x) * 4);
  }
  return { data, widthPx: size, heightPx: size };
}

describe('sampleBoxRgb', () => {
  const box = { x: 0.25, y: 0.25, width: 0.5, height: 0.5 };

  it('samples the box upright: the ramp runs along the rows', () => {
    const grey = greyOf(sampleBoxRgb(horizontalRamp(), box, 4, 4));
    expect(grey[3]!).toBeGreaterThan(grey[0]! + 0.2); // left to right in the first row
    expect(grey[12]!).toBeCloseTo(grey[0]!, 5); // top to bottom in the first column
  });

  it('turned 90° clockwise about the centre, the ramp runs down the columns', () => {
    const grey = greyOf(sampleBoxRgb(horizontalRamp(), box, 4, 4, { tiltDeg: 90 }));
    expect(grey[12]!).toBeLessThan(grey[0]! - 0.2); // the box's "down" is the image's left
    expect(grey[3]!).toBeCloseTo(grey[0]!, 5);
    // the centre stays where it was
    const upright = greyOf(sampleBoxRgb(horizontalRamp(), box, 1, 1));
    const turned = greyOf(sampleBoxRgb(horizontalRamp(), box, 1, 1, { tiltDeg: 90 }));
    expect(turned[0]!).toBeCloseTo(upright[0]!, 5);
  });
});

describe('histogramMeanRgb and relitRgb', () => {
  it('the mean colour from the histogram bins’ centres; a light’s gains scale each channel, clipped at 1', () => {
    // two pixels: dark red (bins 2, 0, 0) and white (bins 3, 3, 3)
    const rgb = new Float32Array([0.6, 0.1, 0.1, 1, 1, 1]);
    expect(histogramMeanRgb(colourHistogram(rgb, 2))).toEqual([(0.625 + 0.875) / 2, (0.125 + 0.875) / 2, (0.125 + 0.875) / 2]);
    const relit = relitRgb(rgb, [2, 1, 0.5]);
    expect(Array.from(relit)).toEqual([1, expect.closeTo(0.1, 6), expect.closeTo(0.05, 6), 1, 1, 0.5]);
  });
});
