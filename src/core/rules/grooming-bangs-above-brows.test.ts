import { describe, expect, it } from 'vitest';
import type { AppearanceObservations } from '../appearance/compute-appearance';
import type { BrowCoverMeasures } from '../appearance/measure-brow-cover';
import { BLACK, BROWN, LENS, appearanceOf, judgeWith } from '../appearance/test-helpers';
import { groomingBangsAboveBrows } from './grooming-bangs-above-brows';

const judge = (appearance: AppearanceObservations) => judgeWith(groomingBangsAboveBrows, appearance);

const measures = (overrides: Partial<BrowCoverMeasures>): AppearanceObservations => ({
  faceFound: true,
  sunglasses: null,
  hair: null,
  headTop: null,
  browCover: {
    aboveBrowHairLikeShare: 0.1,
    midForeheadHairLikeShare: 0.05,
    aboveBrowSkinLikeShare: 0.8,
    hairToSkinColorContrast: 4,
    interocularPx: 80,
    cheekLuminance: 150,
    faceYawAsymmetry: 0,
    faceRollDeg: 0,
    ...overrides,
  },
});

describe('grooming.bangs_above_brows', () => {
  it('fails hair over the brow landmarks and passes a clear forehead', () => {
    for (const hair of [BLACK, BROWN]) {
      const covered = judge(appearanceOf({ hair, bangs: hair }));
      expect(covered.status).toBe('fail');
      expect(covered.evidence.reason).toMatch(/covers the brows/);
      expect(judge(appearanceOf({ hair })).status).toBe('pass');
    }
  });

  it('needs both the strip above the brows and the forehead above it covered', () => {
    expect(judge(measures({ aboveBrowHairLikeShare: 0.95, midForeheadHairLikeShare: 0.2 })).status).toBe('pass');
    expect(judge(measures({ aboveBrowHairLikeShare: 0.95, midForeheadHairLikeShare: 0.7 })).status).toBe('pass');
    expect(judge(measures({ aboveBrowHairLikeShare: 0.95, midForeheadHairLikeShare: 0.71 })).status).toBe('fail');
  });

  it('is unknown behind sunglasses, with hair like the skin, or on a small face', () => {
    expect(judge(appearanceOf({ hair: BLACK, bangs: BLACK, sunglasses: LENS })).evidence.reason).toBe(
      'brows hidden behind sunglasses',
    );
    expect(judge(measures({ hairToSkinColorContrast: 1 })).evidence.reason).toBe(
      'hair and skin colours too alike to tell apart',
    );
    expect(judge(appearanceOf({ hair: BLACK, bangs: BLACK, interocularPx: 24 })).evidence.reason).toBe(
      'face too small to see the brows',
    );
    expect(judge({ ...measures({}), browCover: null }).status).toBe('unknown');
  });
});
