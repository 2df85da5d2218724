import { describe, expect, it } from 'vitest';
import { intersectionOverUnion, nonMaxSuppression } from './box';

describe('intersectionOverUnion', () => {
  it('is 1 for the same box, 0 for disjoint boxes, and a known value for half overlap', () => {
    const a = { x: 0, y: 0, width: 0.2, height: 0.2 };
    expect(intersectionOverUnion(a, a)).toBeCloseTo(1);
    expect(intersectionOverUnion(a, { x: 0.5, y: 0.5, width: 0.1, height: 0.1 })).toBe(0);
    expect(intersectionOverUnion(a, { x: 0.1, y: 0, width: 0.2, height: 0.2 })).toBeCloseTo(1 / 3);
  });
});

describe('nonMaxSuppression', () => {
  it('keeps the best of overlapping boxes and every separate one', () => {
    const kept = nonMaxSuppression(
      [
        { id: 'a', score: 0.6, box: { x: 0, y: 0, width: 0.2, height: 0.2 } },
        { id: 'b', score: 0.9, box: { x: 0.01, y: 0, width: 0.2, height: 0.2 } },
        { id: 'c', score: 0.5, box: { x: 0.6, y: 0.6, width: 0.2, height: 0.2 } },
      ],
      0.5,
    );
    expect(kept.map((k) => k.id)).toEqual(['b', 'c']);
  });
});
