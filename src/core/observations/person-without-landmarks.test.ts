import { describe, expect, it } from 'vitest';
import { personWithoutLandmarks } from './person-without-landmarks';

const box = (x: number, y: number, width: number, height: number) => ({ x, y, width, height });

describe('personWithoutLandmarks', () => {
  it('picks the largest confident person and ignores other labels and weak boxes', () => {
    const found = personWithoutLandmarks(
      [
        { label: 'person', score: 0.9, box: box(0, 0.5, 0.2, 0.2) },
        { label: 'person', score: 0.8, box: box(0.2, 0.4, 0.6, 0.6) },
        { label: 'person', score: 0.2, box: box(0, 0, 1, 1) },
        { label: 'chair', score: 0.99, box: box(0, 0, 0.9, 0.9) },
      ],
      0.5,
    );
    expect(found?.box).toEqual(box(0.2, 0.4, 0.6, 0.6));
  });

  it('is null when the detector did not run or found nobody', () => {
    expect(personWithoutLandmarks(null, 0.5)).toBeNull();
    expect(personWithoutLandmarks([{ label: 'cup', score: 0.9, box: box(0, 0, 0.1, 0.1) }], 0.5)).toBeNull();
  });
});
