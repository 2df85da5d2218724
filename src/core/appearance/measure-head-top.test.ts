import { describe, expect, it } from 'vitest';
import { measureHeadTop } from './measure-head-top';
import { makeTestLandmarks, paintTestFace } from './test-face';
import type { TestFacePaint } from './test-face';
import { BLUE, BROWN } from './test-helpers';

const measure = (paint: TestFacePaint) => measureHeadTop(paintTestFace(paint), makeTestLandmarks(paint))!;

describe('measureHeadTop', () => {
  it('sees a coloured hat on the crown over brown hair at the temples', () => {
    const m = measure({ hair: BROWN, hat: BLUE });
    expect(m.crownCoveredShare).toBeGreaterThan(0.5);
    expect(m.crownUnnaturalColorShare).toBeGreaterThan(0.5);
    expect(m.sideUnnaturalColorShare).toBeLessThan(0.05);
    expect(m.sideHairPixelShare).toBeGreaterThan(0.5);
  });

  it('sees plain hair without a hat', () => {
    const m = measure({ hair: BROWN });
    expect(m.crownUnnaturalColorShare).toBeLessThan(0.05);
    expect(m.upperForeheadSkinLikeShare).toBeGreaterThan(0.8);
    expect(m.interocularPx).toBeCloseTo(80, 6);
  });
});
