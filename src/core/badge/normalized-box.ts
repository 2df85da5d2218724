/** An axis-aligned box in normalized image space (0..1 of the frame): top-left corner and size. */
export interface NormalizedBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Maps a box given in the 0..1 space of `outer` (e.g. a crop) into the space `outer` itself is in. */
export function boxWithin(inner: NormalizedBox, outer: NormalizedBox): NormalizedBox {
  return {
    x: outer.x + inner.x * outer.width,
    y: outer.y + inner.y * outer.height,
    width: inner.width * outer.width,
    height: inner.height * outer.height,
  };
}

/** Intersection over union of two boxes, 0..1. */
export function boxIou(a: NormalizedBox, b: NormalizedBox): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  if (w <= 0 || h <= 0) return 0;
  const inter = w * h;
  return inter / (a.width * a.height + b.width * b.height - inter);
}
