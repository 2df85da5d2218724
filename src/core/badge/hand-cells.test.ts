import { describe, expect, it } from 'vitest';
import { makePose } from '../observations/test-poses';
import { decodeBadgeHeatmap } from './badge-heatmap';
import { DEFAULT_HAND_CELLS_CONFIG, distanceToSegment, handCells, withoutCells } from './hand-cells';

const FRAME = { widthPx: 1000, heightPx: 1000 };
// Shoulder width 200 px; the chest box is 240 x 240 px, so each of 12 cells is 20 px (0.1 shoulder widths).
const SHOULDER_WIDTH_PX = 200;
const CHEST_BOX = { x: 0.38, y: 0.38, width: 0.24, height: 0.24 };
const GRID = 12;
const cellAt = (row: number, col: number) => row * GRID + col;
// A right hand held flat at the lower chest: wrist at cell (9, 3), fingers pointing across to cell (9, 5).
const RIGHT_HAND = {
  rightWrist: { x: 0.38 + 0.02 * 3.5, y: 0.38 + 0.02 * 9.5, z: 0 },
  rightIndex: { x: 0.38 + 0.02 * 5.5, y: 0.38 + 0.02 * 9.5, z: 0 },
};

describe('handCells', () => {
  it('marks the cells within 0.12 shoulder widths (24 px) of the wrist-to-finger segment', () => {
    const cells = handCells(makePose(RIGHT_HAND).landmarks, FRAME, CHEST_BOX, GRID, SHOULDER_WIDTH_PX);
    // on the segment, and one row above and below (20 px away); two rows away (40 px) is not
    for (const col of [3, 4, 5]) for (const row of [8, 9, 10]) expect(cells[cellAt(row, col)]).toBe(1);
    expect(cells[cellAt(7, 4)]).toBe(0);
    expect(cells[cellAt(11, 4)]).toBe(0);
    // one column past each end (20 px) is in, two columns (40 px) out
    expect(cells[cellAt(9, 2)]).toBe(1);
    expect(cells[cellAt(9, 6)]).toBe(1);
    expect(cells[cellAt(9, 1)]).toBe(0);
    expect(cells[cellAt(9, 7)]).toBe(0);
    // beyond the ends the capsule is round: the diagonal cell (20, 20 px off the end) is 28 px away
    expect(cells[cellAt(8, 2)]).toBe(0);
    expect(cells.reduce((sum, v) => sum + v, 0)).toBe(3 * 3 + 2);
  });

  it('marks nothing without a pose, a seen wrist, a seen finger point, or a shoulder width', () => {
    const none = (cells: Uint8Array) => expect(cells.every((v) => v === 0)).toBe(true);
    none(handCells(null, FRAME, CHEST_BOX, GRID, SHOULDER_WIDTH_PX));
    none(handCells(makePose({ rightWrist: RIGHT_HAND.rightWrist }).landmarks, FRAME, CHEST_BOX, GRID, SHOULDER_WIDTH_PX));
    const hiddenWrist = { ...RIGHT_HAND, rightWrist: { ...RIGHT_HAND.rightWrist, visibility: 0.3 } };
    none(handCells(makePose(hiddenWrist).landmarks, FRAME, CHEST_BOX, GRID, SHOULDER_WIDTH_PX));
    none(handCells(makePose(RIGHT_HAND).landmarks, FRAME, CHEST_BOX, GRID, 0));
  });

  it('a hand away from the chest (hanging at the side) marks no chest cell', () => {
    const atSide = { leftWrist: { x: 0.75, y: 0.7, z: 0 }, leftIndex: { x: 0.76, y: 0.75, z: 0 } };
    expect(handCells(makePose(atSide).landmarks, FRAME, CHEST_BOX, GRID, SHOULDER_WIDTH_PX).every((v) => v === 0)).toBe(true);
  });

  it('the radius follows the config', () => {
    const wide = handCells(makePose(RIGHT_HAND).landmarks, FRAME, CHEST_BOX, GRID, SHOULDER_WIDTH_PX, {
      ...DEFAULT_HAND_CELLS_CONFIG,
      handRadiusRatio: 0.25,
    });
    expect(wide[cellAt(7, 4)]).toBe(1);
  });
});

describe('withoutCells', () => {
  it('a badge-like peak on the hand is not counted: the next peak off the hand decides', () => {
    const heatmap = new Float32Array(GRID * GRID).fill(0.05);
    heatmap[cellAt(9, 4)] = 0.9; // a book corner in the hand
    heatmap[cellAt(3, 8)] = 0.2; // faint, on the left chest
    const cells = handCells(makePose(RIGHT_HAND).landmarks, FRAME, CHEST_BOX, GRID, SHOULDER_WIDTH_PX);
    const counted = withoutCells(heatmap, cells);
    expect(heatmap[cellAt(9, 4)]).toBeCloseTo(0.9, 6); // input unchanged
    const decoded = decodeBadgeHeatmap(counted, GRID, 0.3);
    expect(decoded.maxProbability).toBeCloseTo(0.2, 6);
    expect(decoded.peakCell).toBe(cellAt(3, 8));
  });

  it('throws on a mask of another size', () => {
    expect(() => withoutCells(new Float32Array(4), new Uint8Array(9))).toThrow(/mask/);
  });
});

describe('distanceToSegment', () => {
  it('is the perpendicular distance inside the segment and the end distance beyond it', () => {
    const a = { x: 0, y: 0 };
    const b = { x: 10, y: 0 };
    expect(distanceToSegment({ x: 5, y: 3 }, a, b)).toBeCloseTo(3, 9);
    expect(distanceToSegment({ x: 13, y: 4 }, a, b)).toBeCloseTo(5, 9);
    expect(distanceToSegment({ x: 3, y: 4 }, a, a)).toBeCloseTo(5, 9);
  });
});
