import { describe, expect, it } from 'vitest';
import type { AppearanceObservations } from '../appearance/compute-appearance';
import type { HairMeasures } from '../appearance/measure-hair';
import { BLACK, BLOND, BLUE, BROWN, GREEN, GREY, PINK, appearanceOf, judgeWith } from '../appearance/test-helpers';
import { groomingHairColorNatural } from './grooming-hair-color-natural';

const judge = (appearance: AppearanceObservations) => judgeWith(groomingHairColorNatural, appearance);

const measures = (overrides: Partial<HairMeasures>): AppearanceObservations => ({
  faceFound: true,
  sunglasses: null,
  hair: {
    crownInFrameShare: 1,
    hairPixelShare: 0.8,
    hairUnnaturalColorShare: 0,
    hairHueDeg: 25,
    hairSaturation: 0.4,
    hairToCheekLuminanceRatio: 0.3,
    sideHairPixelShare: 0.9,
    sideUnnaturalColorShare: 0,
    interocularPx: 80,
    cheekLuminance: 150,
    faceYawAsymmetry: 0,
    faceRollDeg: 0,
    personMaskUsed: 0,
    ...overrides,
  },
  browCover: null,
  headTop: null,
});

describe('grooming.hair_color_natural', () => {
  it('passes black, brown, grey and blond hair', () => {
    for (const hair of [BLACK, BROWN, GREY, BLOND]) expect(judge(appearanceOf({ hair })).status).toBe('pass');
  });

  it('fails blue, pink and green hair', () => {
    for (const hair of [BLUE, PINK, GREEN]) {
      const verdict = judge(appearanceOf({ hair }));
      expect(verdict.status).toBe('fail');
      expect(verdict.evidence.reason).toMatch(/unnatural colour/);
    }
  });

  it('edge: the unnatural share limit is inclusive', () => {
    expect(judge(measures({ hairUnnaturalColorShare: 0.15, sideUnnaturalColorShare: 0.5 })).status).toBe('pass');
    expect(judge(measures({ hairUnnaturalColorShare: 0.16, sideUnnaturalColorShare: 0.5 })).status).toBe('fail');
  });

  it('is unknown when a coloured crown sits over natural temples (a hat)', () => {
    const verdict = judge(appearanceOf({ hair: BROWN, hat: BLUE }));
    expect(verdict.status).toBe('unknown');
    expect(verdict.evidence.reason).toMatch(/hat/);
  });

  it('is unknown with too little hair, the crown cut off, or a small or dark face', () => {
    expect(judge(appearanceOf({})).evidence.reason).toBe('too little hair visible');
    expect(judge(appearanceOf({ hair: BLUE, centerYPx: 50 })).evidence.reason).toBe('top of the head out of frame');
    expect(judge(appearanceOf({ hair: BLUE, interocularPx: 20 })).evidence.reason).toBe('face too small to see the hair');
    expect(judge(appearanceOf({ hair: BLUE, brightness: 0.1 })).evidence.reason).toBe('face too dark to see');
    expect(judge({ ...measures({}), hair: null }).status).toBe('unknown');
  });
});
