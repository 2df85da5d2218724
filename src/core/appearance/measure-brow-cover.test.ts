import { describe, expect, it } from 'vitest';
import { measureBrowCover } from './measure-brow-cover';
import { makeTestLandmarks, paintTestFace } from './test-face';
import type { TestFacePaint } from './test-face';
import { BLACK, BROWN } from './test-helpers';

const measure = (paint: TestFacePaint) => measureBrowCover(paintTestFace(paint), makeTestLandmarks(paint));

describe('measureBrowCover', () => {
  it('sees skin above the brows without bangs', () => {
    const m = measure({ hair: BLACK })!;
    expect(m.aboveBrowHairLikeShare).toBeLessThan(0.2);
    expect(m.midForeheadHairLikeShare).toBeLessThan(0.1);
    expect(m.aboveBrowSkinLikeShare).toBeGreaterThan(0.6);
    expect(m.hairToSkinColorContrast).toBeGreaterThan(3);
  });

  it('sees hair above the brows and on the forehead under bangs', () => {
    for (const hair of [BLACK, BROWN]) {
      const m = measure({ hair, bangs: hair })!;
      expect(m.aboveBrowHairLikeShare).toBeGreaterThan(0.9);
      expect(m.midForeheadHairLikeShare).toBeGreaterThan(0.9);
    }
  });

  it('is null when no hair is seen to compare with', () => {
    expect(measure({ background: [200, 150, 120] })).toBeNull();
  });
});
