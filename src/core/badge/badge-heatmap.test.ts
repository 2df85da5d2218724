import { describe, expect, it } from 'vitest';
import { decodeBadgeHeatmap } from './badge-heatmap';
import { boxIou, boxWithin } from './normalized-box';

const G = 12;
const grid = (cells: Record<string, number>): Float32Array => {
  const heat = new Float32Array(G * G).fill(0.02);
  for (const [key, value] of Object.entries(cells)) {
    const [row, col] = key.split(',').map(Number);
    heat[row! * G + col!] = value;
  }
  return heat;
};

describe('decodeBadgeHeatmap', () => {
  it('boxes a 2x2 blob of equal cells exactly', () => {
    const decoded = decodeBadgeHeatmap(grid({ '3,8': 0.9, '3,9': 0.9, '4,8': 0.9, '4,9': 0.9 }), G, 0.3);
    expect(decoded.maxProbability).toBeCloseTo(0.9, 6);
    expect(decoded.peakCell).toBe(3 * G + 8);
    expect(decoded.box!.x).toBeCloseTo(8 / G, 9);
    expect(decoded.box!.y).toBeCloseTo(3 / G, 9);
    expect(decoded.box!.width).toBeCloseTo(2 / G, 9);
    expect(decoded.box!.height).toBeCloseTo(2 / G, 9);
  });

  it('pulls in an edge whose cells fire weakly', () => {
    const decoded = decodeBadgeHeatmap(grid({ '5,2': 0.8, '5,3': 0.4 }), G, 0.3);
    expect(decoded.box!.x).toBeCloseTo(2 / G, 9);
    expect(decoded.box!.width).toBeCloseTo(1.5 / G, 9);
    expect(decoded.box!.height).toBeCloseTo(1 / G, 9);
  });

  it('keeps only the blob around the peak', () => {
    const decoded = decodeBadgeHeatmap(grid({ '1,1': 0.95, '10,10': 0.9 }), G, 0.3);
    expect(decoded.box!.x).toBeCloseTo(1 / G, 9);
    expect(decoded.box!.width).toBeCloseTo(1 / G, 9);
  });

  it('has no box when the peak is under the threshold', () => {
    const decoded = decodeBadgeHeatmap(grid({ '6,6': 0.2 }), G, 0.3);
    expect(decoded.box).toBeNull();
    expect(decoded.maxProbability).toBeCloseTo(0.2, 6);
  });

  it('refuses a heatmap of the wrong size', () => {
    expect(() => decodeBadgeHeatmap(new Float32Array(10), G, 0.3)).toThrow(/expected 12 x 12/);
  });
});

describe('normalized boxes', () => {
  it('maps a crop box into the image and measures overlap', () => {
    const image = boxWithin({ x: 0.5, y: 0.25, width: 0.25, height: 0.5 }, { x: 0.2, y: 0.4, width: 0.4, height: 0.4 });
    expect(image.x).toBeCloseTo(0.4, 9);
    expect(image.y).toBeCloseTo(0.5, 9);
    expect(image.width).toBeCloseTo(0.1, 9);
    expect(image.height).toBeCloseTo(0.2, 9);
    expect(boxIou(image, image)).toBeCloseTo(1, 9);
    expect(boxIou({ x: 0, y: 0, width: 1, height: 1 }, { x: 0, y: 0, width: 0.5, height: 0.5 })).toBeCloseTo(0.25, 9);
    expect(boxIou({ x: 0, y: 0, width: 0.1, height: 0.1 }, { x: 0.5, y: 0.5, width: 0.1, height: 0.1 })).toBe(0);
  });
});
