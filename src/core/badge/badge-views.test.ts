import { describe, expect, it } from 'vitest';
import { badgeViewBoxes, combineBadgeViews, DEFAULT_BADGE_VIEWS_CONFIG } from './badge-views';

const GRID = 12;
const CHEST = { x: 0.4, y: 0.3, width: 0.2, height: 0.3 };
const cellAt = (row: number, col: number) => row * GRID + col;
const heatmapWith = (peaks: Record<number, number>, floor = 0.02) => {
  const heatmap = new Float32Array(GRID * GRID).fill(floor);
  for (const [cell, value] of Object.entries(peaks)) heatmap[Number(cell)] = value;
  return heatmap;
};

describe('badgeViewBoxes', () => {
  it('the whole chest box, then its central 80%', () => {
    const [whole, zoomed] = badgeViewBoxes(CHEST);
    expect(whole).toEqual(CHEST);
    expect(zoomed!.x).toBeCloseTo(0.42, 9);
    expect(zoomed!.y).toBeCloseTo(0.33, 9);
    expect(zoomed!.width).toBeCloseTo(0.16, 9);
    expect(zoomed!.height).toBeCloseTo(0.24, 9);
    expect(DEFAULT_BADGE_VIEWS_CONFIG.zoomedViewShare).toBe(0.8);
  });

  it('rejects a share outside (0, 1]', () => {
    expect(() => badgeViewBoxes(CHEST, { zoomedViewShare: 0 })).toThrow(/zoomedViewShare/);
    expect(() => badgeViewBoxes(CHEST, { zoomedViewShare: 1.2 })).toThrow(/zoomedViewShare/);
  });
});

describe('combineBadgeViews', () => {
  const [whole, zoomed] = badgeViewBoxes(CHEST);

  it('a badge seen in both views: the lower peak, the box from the whole view in image coordinates', () => {
    const detection = combineBadgeViews(
      [
        { box: whole!, heatmap: heatmapWith({ [cellAt(3, 8)]: 0.9 }) },
        { box: zoomed!, heatmap: heatmapWith({ [cellAt(2, 9)]: 0.7 }) },
      ],
      GRID,
      0.3,
    );
    expect(detection.probability).toBeCloseTo(0.7, 6);
    expect(detection.heatmapMaxProbability).toBeCloseTo(0.9, 6);
    expect(detection.handPeakProbability).toBeNull();
    // cell (3, 8) of the whole chest box: x 0.4 + 8/12 * 0.2, y 0.3 + 3/12 * 0.3, one cell in size
    expect(detection.box!.x).toBeCloseTo(0.4 + (8 / 12) * 0.2, 6);
    expect(detection.box!.y).toBeCloseTo(0.3 + (3 / 12) * 0.3, 6);
    expect(detection.box!.width).toBeCloseTo(0.2 / 12, 6);
  });

  it('a spot seen in one view only is not a badge: low presence and no box', () => {
    const detection = combineBadgeViews(
      [
        { box: whole!, heatmap: heatmapWith({ [cellAt(11, 0)]: 0.95 }) }, // at the box edge, cut from the zoomed view
        { box: zoomed!, heatmap: heatmapWith({}) },
      ],
      GRID,
      0.3,
    );
    expect(detection.probability).toBeCloseTo(0.02, 6);
    expect(detection.box).toBeNull();
    expect(detection.heatmapMaxProbability).toBeCloseTo(0.95, 6);
  });

  it('cells on a hand are not counted in any view, and the uncounted peak is reported', () => {
    const hand = new Uint8Array(GRID * GRID);
    hand[cellAt(9, 4)] = 1;
    const detection = combineBadgeViews(
      [
        { box: whole!, heatmap: heatmapWith({ [cellAt(9, 4)]: 0.85, [cellAt(3, 8)]: 0.2 }), excludedCells: hand },
        { box: zoomed!, heatmap: heatmapWith({ [cellAt(9, 4)]: 0.8 }), excludedCells: hand },
      ],
      GRID,
      0.3,
    );
    expect(detection.probability).toBeCloseTo(0.02, 6);
    expect(detection.handPeakProbability).toBeCloseTo(0.85, 6);
  });

  it('one view works as the plain single-crop decoding; no view throws', () => {
    const single = combineBadgeViews([{ box: whole!, heatmap: heatmapWith({ [cellAt(5, 5)]: 0.6 }) }], GRID, 0.3);
    expect(single.probability).toBeCloseTo(0.6, 6);
    expect(single.box).not.toBeNull();
    expect(() => combineBadgeViews([], GRID, 0.3)).toThrow(/at least one view/);
  });
});
