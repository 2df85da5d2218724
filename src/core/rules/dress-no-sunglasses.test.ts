import { describe, expect, it } from 'vitest';
import { DEFAULT_APPEARANCE_RULES_CONFIG } from '../appearance/appearance-config';
import type { AppearanceObservations } from '../appearance/compute-appearance';
import type { SunglassesMeasures } from '../appearance/measure-eye-regions';
import { BROWN, LENS, appearanceOf, judgeWith } from '../appearance/test-helpers';
import { dressNoSunglasses } from './dress-no-sunglasses';

const judge = (appearance: AppearanceObservations) => judgeWith(dressNoSunglasses, appearance);

/** Hand-set measures of a frontal, well-lit face. */
const measures = (overrides: Partial<SunglassesMeasures> = {}): AppearanceObservations => ({
  faceFound: true,
  sunglasses: {
    eyesMeasured: 2,
    eyeWidthPx: 30,
    cheekLuminance: 150,
    underEyeToCheekLuminanceRatio: 0.85,
    eyeToCheekLuminanceRatio: 0.75,
    eyeSkinLikeShare: 0.5,
    scleraToIrisLuminanceRatio: 2,
    faceYawAsymmetry: 0,
    faceRollDeg: 0,
    eyeBoxX: 0.3,
    eyeBoxY: 0.4,
    eyeBoxWidth: 0.4,
    eyeBoxHeight: 0.1,
    ...overrides,
  },
  hair: null,
  browCover: null,
  headTop: null,
});

describe('dress.no_sunglasses', () => {
  it('fails dark lenses over the eyes and passes bare eyes and clear glasses', () => {
    const sunglasses = judge(appearanceOf({ hair: BROWN, sunglasses: LENS }));
    expect(sunglasses.status).toBe('fail');
    expect(sunglasses.evidence.reason).toMatch(/tinted lenses/);
    expect(sunglasses.evidence.measures.sunglassesScore).toBeGreaterThan(0.9);
    expect(sunglasses.evidence.confidence).toBeGreaterThan(0.9);
    expect(judge(appearanceOf({ hair: BROWN })).status).toBe('pass');
    expect(judge(appearanceOf({ hair: BROWN, clearGlasses: true })).status).toBe('pass');
  });

  it('reports the eye box and the ratio a pass needs', () => {
    const verdict = judge(appearanceOf({ hair: BROWN }));
    expect(verdict.evidence.measures.eyeBoxWidth).toBeGreaterThan(0);
    expect(verdict.evidence.thresholds.underEyeToCheekLuminanceRatioMin).toBeLessThan(0.3);
  });

  it('edge: the reported ratio limit separates pass from fail at a given skin share', () => {
    const limit = judge(measures({ eyeSkinLikeShare: 0.05 })).evidence.thresholds.underEyeToCheekLuminanceRatioMin!;
    expect(limit).toBeCloseTo(Math.exp((-1.5 - 8 * 0.05) / 3), 6);
    expect(judge(measures({ eyeSkinLikeShare: 0.05, underEyeToCheekLuminanceRatio: limit * 1.02 })).status).toBe('pass');
    expect(judge(measures({ eyeSkinLikeShare: 0.05, underEyeToCheekLuminanceRatio: limit * 0.98 })).status).toBe('fail');
  });

  it('passes a shadowed eye region where the skin still shows', () => {
    expect(judge(measures({ underEyeToCheekLuminanceRatio: 0.45, eyeSkinLikeShare: 0.3 })).status).toBe('pass');
    expect(judge(measures({ underEyeToCheekLuminanceRatio: 0.45, eyeSkinLikeShare: 0 })).status).toBe('fail');
    expect(judge(measures({ underEyeToCheekLuminanceRatio: 0 , eyeSkinLikeShare: 0 })).status).toBe('fail');
  });

  it('fails mirrored lenses, brighter than the cheeks and unlike skin, on their own check', () => {
    const mirror = judge(appearanceOf({ hair: BROWN, skin: [120, 85, 65], sunglasses: [150, 190, 250] }));
    expect(mirror.status).toBe('fail');
    expect(mirror.evidence.reason).toMatch(/mirrored lenses/);
    expect(mirror.evidence.measures.underEyeToCheekLuminanceRatio).toBeGreaterThanOrEqual(1.5);
    expect(mirror.evidence.thresholds.mirroredLensLuminanceRatioMin).toBe(1.5);
    // The same dim face with bare eyes or clear glasses passes.
    expect(judge(appearanceOf({ hair: BROWN, skin: [120, 85, 65] })).status).toBe('pass');
    expect(judge(appearanceOf({ hair: BROWN, skin: [120, 85, 65], clearGlasses: true })).status).toBe('pass');
  });

  it('edge: a bright eye region fails as a mirror only where no skin shows through', () => {
    expect(judge(measures({ underEyeToCheekLuminanceRatio: 1.6, eyeSkinLikeShare: 0.04 })).status).toBe('fail');
    expect(judge(measures({ underEyeToCheekLuminanceRatio: 1.6, eyeSkinLikeShare: 0.2 })).status).toBe('pass');
    expect(judge(measures({ underEyeToCheekLuminanceRatio: 1.4, eyeSkinLikeShare: 0 })).status).toBe('pass');
  });

  it('is unknown, never fail, on a dark, small, turned or tilted face', () => {
    const dark = judge(appearanceOf({ hair: BROWN, sunglasses: LENS, brightness: 0.12 }));
    expect(dark.status).toBe('unknown');
    expect(dark.evidence.reason).toBe('face too dark to see');
    const small = judge(appearanceOf({ sunglasses: LENS, interocularPx: 14 }));
    expect(small.status).toBe('unknown');
    expect(small.evidence.reason).toBe('face too small to see the eyes');
    const tiny = judge(appearanceOf({ sunglasses: LENS, interocularPx: 6 }));
    expect(tiny.status).toBe('unknown');
    const turned = judge(appearanceOf({ sunglasses: LENS, noseShiftIod: 1.05 }));
    expect(turned.evidence.reason).toBe('face turned too far from the camera');
    const tilted = judge(measures({ faceRollDeg: -40, underEyeToCheekLuminanceRatio: 0.1, eyeSkinLikeShare: 0 }));
    expect(tilted.status).toBe('unknown');
    expect(tilted.evidence.reason).toBe('head tilted too far to the side');
  });

  it('is unknown without a face or without measures', () => {
    expect(judge({ ...measures(), faceFound: false, sunglasses: null }).evidence.reason).toBe('no face found');
    expect(judge({ ...measures(), sunglasses: null }).status).toBe('unknown');
  });

  it('follows a stricter station config', () => {
    const config = { ...DEFAULT_APPEARANCE_RULES_CONFIG, sunglassesScoreFailMin: 0.1 };
    const shaded = measures({ underEyeToCheekLuminanceRatio: 0.5, eyeSkinLikeShare: 0.1 });
    expect(judgeWith(dressNoSunglasses, shaded).status).toBe('pass');
    expect(judgeWith(dressNoSunglasses, shaded, config).status).toBe('fail');
  });
});
