import { describe, expect, it } from 'vitest';
import { cropToRgb } from './chest-crop';

describe('cropToRgb', () => {
  // 4 x 2 image: left half red, right half blue
  const data = new Uint8ClampedArray(4 * 2 * 4);
  for (let i = 0; i < 8; i++) data.set(i % 4 < 2 ? [255, 0, 0, 255] : [0, 0, 255, 255], i * 4);
  const image = { data, widthPx: 4, heightPx: 2 };

  it('crops a region and scales values to 0..1', () => {
    const out = cropToRgb(image, { x: 0, y: 0, width: 0.25, height: 0.5 }, 2);
    expect(out.length).toBe(2 * 2 * 3);
    expect(out[0]).toBeCloseTo(1, 6);
    expect(out[2]).toBeCloseTo(0, 6);
  });

  it('averages when shrinking', () => {
    const out = cropToRgb(image, { x: 0, y: 0, width: 1, height: 1 }, 1);
    expect(out[0]).toBeGreaterThan(0.4);
    expect(out[0]).toBeLessThan(0.6);
    expect(out[2]).toBeGreaterThan(0.4);
  });
});
