/** An axis-aligned box in normalized image coordinates (0..1 of the frame). */
export interface NormalizedBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export const boxArea = (box: NormalizedBox): number => Math.max(0, box.width) * Math.max(0, box.height);

/** Intersection over union, 0..1. */
export function intersectionOverUnion(a: NormalizedBox, b: NormalizedBox): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  if (width <= 0 || height <= 0) return 0;
  const intersection = width * height;
  return intersection / (boxArea(a) + boxArea(b) - intersection);
}

/** Greedy non-maximum suppression: keeps the best-scored item among those overlapping more than `iouMax`. */
export function nonMaxSuppression<T extends { readonly box: NormalizedBox; readonly score: number }>(
  items: readonly T[],
  iouMax: number,
): T[] {
  const kept: T[] = [];
  for (const item of [...items].sort((a, b) => b.score - a.score)) {
    if (kept.every((other) => intersectionOverUnion(other.box, item.box) <= iouMax)) kept.push(item);
  }
  return kept;
}
