import { describe, expect, it } from 'vitest';
import type { LoadProgress } from '../inference/detector';
import { combineProgress } from './progress';

describe('combineProgress', () => {
  it('adds the bytes of parallel loads', () => {
    const seen: LoadProgress[] = [];
    const [a, b] = combineProgress(2, (p) => seen.push(p));
    a!({ loadedBytes: 10, totalBytes: 100, label: 'a' });
    b!({ loadedBytes: 5, totalBytes: 50, label: 'b' });
    a!({ loadedBytes: 100, totalBytes: 100, label: 'a' });
    expect(seen.at(-1)).toEqual({ loadedBytes: 105, totalBytes: 150, label: 'a' });
  });
});
