import type { NormalizedBox } from './normalized-box';

/** What a badge heatmap says: how sure the best cell is, and the box of the blob around it. */
export interface DecodedHeatmap {
  /** The highest cell probability, 0..1: the badge's presence. */
  readonly maxProbability: number;
  /** Row-major index of that cell. */
  readonly peakCell: number;
  /** The blob around the peak, in the 0..1 space of the heatmap (the chest crop); null when the peak is under the threshold. */
  readonly box: NormalizedBox | null;
}

/**
 * Decodes a square grid of "badge here" probabilities (row-major, `gridSize` x `gridSize`). The box spans the
 * cells 4-connected to the peak whose probability reaches both `cellThreshold` and half the peak, each side
 * pulled in by how weakly its edge cells fire, so a blob of one strong and one weak cell is not two cells wide. Pure.
 */
export function decodeBadgeHeatmap(heatmap: ArrayLike<number>, gridSize: number, cellThreshold: number): DecodedHeatmap {
  if (heatmap.length !== gridSize * gridSize) {
    throw new Error(`Heatmap has ${heatmap.length} cells, expected ${gridSize} x ${gridSize}`);
  }
  let peakCell = 0;
  for (let i = 1; i < heatmap.length; i++) if (heatmap[i]! > heatmap[peakCell]!) peakCell = i;
  const maxProbability = heatmap[peakCell]!;
  if (!(maxProbability >= cellThreshold)) return { maxProbability, peakCell, box: null };

  const cutoff = Math.max(cellThreshold, maxProbability / 2);
  const inBlob = new Uint8Array(heatmap.length);
  const queue = [peakCell];
  inBlob[peakCell] = 1;
  let [r0, r1, c0, c1] = [gridSize, -1, gridSize, -1];
  while (queue.length > 0) {
    const cell = queue.pop()!;
    const row = Math.floor(cell / gridSize);
    const col = cell % gridSize;
    [r0, r1, c0, c1] = [Math.min(r0, row), Math.max(r1, row), Math.min(c0, col), Math.max(c1, col)];
    const neighbours = [
      row > 0 ? cell - gridSize : -1,
      row < gridSize - 1 ? cell + gridSize : -1,
      col > 0 ? cell - 1 : -1,
      col < gridSize - 1 ? cell + 1 : -1,
    ];
    for (const next of neighbours) {
      if (next >= 0 && !inBlob[next] && heatmap[next]! >= cutoff) {
        inBlob[next] = 1;
        queue.push(next);
      }
    }
  }

  // Each edge row/column is kept in proportion to its strongest blob cell relative to the peak (at least half a cell).
  const edgeShare = (cells: number[]): number => {
    const strongest = Math.max(...cells.filter((i) => inBlob[i]).map((i) => heatmap[i]!));
    return 1 - Math.min(Math.max(strongest / maxProbability, 0.5), 1);
  };
  const rowCells = (row: number) => Array.from({ length: gridSize }, (_, col) => row * gridSize + col);
  const colCells = (col: number) => Array.from({ length: gridSize }, (_, row) => row * gridSize + col);
  const top = r0 + (r1 > r0 ? edgeShare(rowCells(r0)) : 0);
  const bottom = r1 + 1 - (r1 > r0 ? edgeShare(rowCells(r1)) : 0);
  const left = c0 + (c1 > c0 ? edgeShare(colCells(c0)) : 0);
  const right = c1 + 1 - (c1 > c0 ? edgeShare(colCells(c1)) : 0);
  return {
    maxProbability,
    peakCell,
    box: { x: left / gridSize, y: top / gridSize, width: (right - left) / gridSize, height: (bottom - top) / gridSize },
  };
}
