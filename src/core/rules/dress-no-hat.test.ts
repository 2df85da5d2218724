import { describe, expect, it } from 'vitest';
import type { AppearanceObservations } from '../appearance/compute-appearance';
import type { HeadTopMeasures } from '../appearance/measure-head-top';
import { BLACK, BLUE, BROWN, GREEN, PINK, appearanceOf, judgeWith } from '../appearance/test-helpers';
import { dressNoHat } from './dress-no-hat';

const judge = (appearance: AppearanceObservations) => judgeWith(dressNoHat, appearance);

const measures = (overrides: Partial<HeadTopMeasures>): AppearanceObservations => ({
  faceFound: true,
  sunglasses: null,
  hair: null,
  browCover: null,
  headTop: {
    crownInFrameShare: 1,
    crownCoveredShare: 0.9,
    crownUnnaturalColorShare: 0,
    sideHairPixelShare: 0.8,
    sideUnnaturalColorShare: 0,
    upperForeheadSkinLikeShare: 0.9,
    interocularPx: 80,
    cheekLuminance: 150,
    faceYawAsymmetry: 0,
    faceRollDeg: 0,
    personMaskUsed: 0,
    silhouetteTopAboveMeshTopIod: null,
    silhouetteTopCutOff: 0,
    silhouetteWidthAboveForeheadIod: null,
    silhouetteWidthCutOff: 0,
    matterAboveForeheadShare: null,
    crownToSideColorDistance: null,
    ...overrides,
  },
});

describe('dress.no_hat', () => {
  it('fails a coloured hat over natural hair at the temples', () => {
    for (const hat of [BLUE, PINK, GREEN]) {
      const verdict = judge(appearanceOf({ hair: BROWN, hat }));
      expect(verdict.status).toBe('fail');
      expect(verdict.evidence.reason).toMatch(/a hat/);
    }
  });

  it('passes plain hair with a modest confidence', () => {
    const verdict = judge(appearanceOf({ hair: BLACK }));
    expect(verdict.status).toBe('pass');
    expect(verdict.evidence.confidence).toBeLessThanOrEqual(0.6);
  });

  it('edge: the crown limit is inclusive, and coloured temples make it unknown', () => {
    expect(judge(measures({ crownUnnaturalColorShare: 0.19 })).status).toBe('pass');
    expect(judge(measures({ crownUnnaturalColorShare: 0.2 })).status).toBe('fail');
    const dyed = judge(measures({ crownUnnaturalColorShare: 0.8, sideUnnaturalColorShare: 0.6 }));
    expect(dyed.status).toBe('unknown');
    expect(judge(appearanceOf({ hair: BLUE })).status).toBe('unknown');
  });

  it('is unknown when the top of the head is out of frame', () => {
    const verdict = judge(appearanceOf({ hair: BROWN, hat: BLUE, centerYPx: 50 }));
    expect(verdict.status).toBe('unknown');
    expect(verdict.evidence.reason).toBe('top of the head out of frame');
    expect(judge(measures({ interocularPx: 10 })).evidence.reason).toBe('face too small to see the head');
  });
});

describe('dress.no_hat with a person mask and a cut-off crown', () => {
  const masked = { personMaskUsed: 1, interocularPx: 18 };

  it('judges a face too small without a mask when a person mask filtered the crown', () => {
    expect(judge(measures({ interocularPx: 18 })).evidence.reason).toBe('face too small to see the head');
    expect(judge(measures(masked)).status).toBe('pass');
    expect(judge(measures({ ...masked, interocularPx: 12 })).evidence.reason).toBe('face too small to see the head');
  });

  it('fails a coloured crown seen in part, over natural temples', () => {
    const verdict = judge(measures({ crownInFrameShare: 0.4, crownUnnaturalColorShare: 0.6 }));
    expect(verdict.status).toBe('fail');
  });

  it('does not pass a crown seen only in part, and says nothing of a crown almost wholly out of frame', () => {
    expect(judge(measures({ crownInFrameShare: 0.4 })).evidence.reason).toBe('top of the head out of frame');
    const hidden = judge(measures({ crownInFrameShare: 0.1, crownUnnaturalColorShare: 0.6 }));
    expect(hidden.status).toBe('unknown');
    expect(hidden.evidence.reason).toBe('top of the head out of frame');
  });

  it('keeps the outline measures as evidence', () => {
    const verdict = judge(measures({ ...masked, silhouetteTopAboveMeshTopIod: 1.1, silhouetteWidthAboveForeheadIod: 2.6 }));
    expect(verdict.evidence.measures.silhouetteTopAboveMeshTopIod).toBe(1.1);
    expect(verdict.evidence.measures.silhouetteWidthAboveForeheadIod).toBe(2.6);
  });
});
