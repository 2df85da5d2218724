import { POSE, type PoseLandmarkName } from '../landmarks';
import type { FrameSize, NormalizedLandmark } from '../types';
import type { NormalizedBox } from './normalized-box';

/*
 * A badge is worn on the chest, not held in the hand. The badge model fires on real hands and on the corners
 * of books and folders they hold at the chest (models/badge/README.md, known weaknesses), so heatmap cells on a
 * seen hand are not counted as a badge. The hand is three capsules from the wrist to the pose model's index,
 * pinky and thumb points, each `handRadiusRatio` shoulder widths wide each side.
 */

export interface HandCellsConfig {
  /** A wrist or finger point counts only when the pose model's visibility is at least this. Default 0.5. */
  readonly landmarkVisibilityMin: number;
  /**
   * Capsule radius around the wrist-to-finger segments, in shoulder widths. Default 0.12: a palm is about
   * 0.2 shoulder widths across (8..9 cm of 36..40 cm) and the pose model's finger points sit near the knuckles,
   * so the capsule covers the hand and a little of what it grips, and not a card hanging a hand's width away.
   */
  readonly handRadiusRatio: number;
}

export const DEFAULT_HAND_CELLS_CONFIG: HandCellsConfig = {
  landmarkVisibilityMin: 0.5,
  handRadiusRatio: 0.12,
};

const HANDS: readonly (readonly [PoseLandmarkName, readonly PoseLandmarkName[]])[] = [
  ['leftWrist', ['leftIndex', 'leftPinky', 'leftThumb']],
  ['rightWrist', ['rightIndex', 'rightPinky', 'rightThumb']],
];

interface PixelPoint {
  readonly x: number;
  readonly y: number;
}

/**
 * Which cells of a `gridSize` x `gridSize` heatmap over `chestBox` have their centre on a seen hand: 1 = on a
 * hand, row-major. A hand counts when its wrist and at least one finger point are seen. Pure.
 */
export function handCells(
  landmarks: readonly NormalizedLandmark[] | null,
  frame: FrameSize,
  chestBox: NormalizedBox,
  gridSize: number,
  shoulderWidthPx: number,
  config: HandCellsConfig = DEFAULT_HAND_CELLS_CONFIG,
): Uint8Array {
  const cells = new Uint8Array(gridSize * gridSize);
  if (!landmarks || !(shoulderWidthPx > 0)) return cells;
  const seen = (name: PoseLandmarkName): PixelPoint | null => {
    const point = landmarks[POSE[name]];
    if (!point || (point.visibility ?? 1) < config.landmarkVisibilityMin) return null;
    return { x: point.x * frame.widthPx, y: point.y * frame.heightPx };
  };
  const segments: (readonly [PixelPoint, PixelPoint])[] = [];
  for (const [wristName, fingerNames] of HANDS) {
    const wrist = seen(wristName);
    if (!wrist) continue;
    for (const finger of fingerNames) {
      const point = seen(finger);
      if (point) segments.push([wrist, point]);
    }
  }
  if (segments.length === 0) return cells;
  const radiusPx = config.handRadiusRatio * shoulderWidthPx;
  for (let row = 0; row < gridSize; row++) {
    for (let col = 0; col < gridSize; col++) {
      const centre = {
        x: (chestBox.x + ((col + 0.5) / gridSize) * chestBox.width) * frame.widthPx,
        y: (chestBox.y + ((row + 0.5) / gridSize) * chestBox.height) * frame.heightPx,
      };
      if (segments.some(([a, b]) => distanceToSegment(centre, a, b) <= radiusPx)) cells[row * gridSize + col] = 1;
    }
  }
  return cells;
}

/** The heatmap with the cells marked in `cells` set to 0 (a new array). Pure. */
export function withoutCells(heatmap: ArrayLike<number>, cells: Uint8Array): Float32Array {
  if (heatmap.length !== cells.length) throw new Error(`Heatmap has ${heatmap.length} cells, the mask ${cells.length}`);
  const out = Float32Array.from(heatmap);
  for (let i = 0; i < out.length; i++) if (cells[i]) out[i] = 0;
  return out;
}

/** Distance from `p` to the segment a-b, in the points' unit. */
export function distanceToSegment(p: PixelPoint, a: PixelPoint, b: PixelPoint): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const lengthSq = dx * dx + dy * dy;
  const t = lengthSq > 0 ? Math.min(Math.max(((p.x - a.x) * dx + (p.y - a.y) * dy) / lengthSq, 0), 1) : 0;
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}
