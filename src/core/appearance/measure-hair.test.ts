import { describe, expect, it } from 'vitest';
import { measureHair } from './measure-hair';
import { makeTestLandmarks, paintTestFace } from './test-face';
import type { TestFacePaint } from './test-face';
import { BLACK, BLOND, BLUE, BROWN, GREEN, GREY, PINK } from './test-helpers';

const measure = (paint: TestFacePaint) => measureHair(paintTestFace(paint), makeTestLandmarks(paint))!;

describe('measureHair', () => {
  it('finds natural hair colours natural', () => {
    for (const hair of [BLACK, BROWN, GREY, BLOND]) {
      const m = measure({ hair });
      expect(m.crownInFrameShare).toBe(1);
      expect(m.hairPixelShare).toBeGreaterThan(0.5);
      expect(m.hairUnnaturalColorShare).toBeLessThan(0.05);
    }
    expect(measure({ hair: BLACK }).hairToCheekLuminanceRatio).toBeLessThan(0.3);
    expect(measure({ hair: BLOND }).hairToCheekLuminanceRatio).toBeGreaterThan(0.9);
  });

  it('finds dyed colours on the crown and at the temples', () => {
    for (const hair of [BLUE, PINK, GREEN]) {
      const m = measure({ hair });
      expect(m.hairUnnaturalColorShare).toBeGreaterThan(0.6);
      expect(m.sideUnnaturalColorShare).toBeGreaterThan(0.5);
    }
    expect(measure({ hair: BLUE }).hairHueDeg).toBeGreaterThan(200);
    expect(measure({ hair: BLUE }).hairHueDeg).toBeLessThan(260);
  });

  it('sees a bald crown as skin, and a cut-off crown', () => {
    expect(measure({}).hairPixelShare).toBeLessThan(0.25);
    expect(measure({ hair: BROWN, centerYPx: 50 }).crownInFrameShare).toBeLessThan(0.8);
  });
});
