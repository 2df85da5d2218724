import { describe, expect, it } from 'vitest';
import { dressNoHat } from '../rules/dress-no-hat';
import { dressNoSunglasses } from '../rules/dress-no-sunglasses';
import { groomingBangsAboveBrows } from '../rules/grooming-bangs-above-brows';
import { groomingHairColorNatural } from '../rules/grooming-hair-color-natural';
import type { NormalizedLandmark } from '../types';
import { DEFAULT_APPEARANCE_RULES_CONFIG } from './appearance-config';
import { EMPTY_APPEARANCE, computeAppearance } from './compute-appearance';
import { makeTestFace, paintTestFace, seededRandom } from './test-face';
import { judgeWith } from './test-helpers';

const RULES = [dressNoSunglasses, dressNoHat, groomingHairColorNatural, groomingBangsAboveBrows];

/** Every number in the measures is finite. */
function expectFiniteMeasures(value: unknown): void {
  if (value === null) return;
  for (const field of Object.values(value as Record<string, unknown>)) {
    if (typeof field === 'number') expect(Number.isFinite(field)).toBe(true);
  }
}

describe('computeAppearance', () => {
  it('is empty without a face, and every rule is unknown then', () => {
    const appearance = computeAppearance(paintTestFace(), null);
    expect(appearance).toEqual(EMPTY_APPEARANCE);
    for (const rule of RULES) {
      const verdict = judgeWith(rule, appearance);
      expect(verdict.status).toBe('unknown');
      expect(verdict.evidence.reason).toBe('no face found');
    }
  });

  it('measures every part of a well-framed face', () => {
    const appearance = computeAppearance(paintTestFace({ hair: [90, 60, 40] }), makeTestFace());
    expect(appearance.faceFound).toBe(true);
    expect(appearance.sunglasses).not.toBeNull();
    expect(appearance.hair).not.toBeNull();
    expect(appearance.browCover).not.toBeNull();
    expect(appearance.headTop).not.toBeNull();
  });

  it('does not mutate its inputs', () => {
    const image = paintTestFace();
    const face = makeTestFace();
    const before = { data: Array.from(image.data.slice(0, 4000)), landmarks: JSON.stringify(face.landmarks) };
    computeAppearance(image, face);
    expect(Array.from(image.data.slice(0, 4000))).toEqual(before.data);
    expect(JSON.stringify(face.landmarks)).toBe(before.landmarks);
  });

  it('never throws on noise images and random landmarks; every verdict is well formed', () => {
    const random = seededRandom(7);
    for (let trial = 0; trial < 25; trial++) {
      const widthPx = 8 + Math.floor(random() * 120);
      const heightPx = 8 + Math.floor(random() * 120);
      const data = new Uint8ClampedArray(widthPx * heightPx * 4).map(() => Math.floor(random() * 256));
      const spread = random() * 1.5;
      const landmarks: NormalizedLandmark[] = Array.from({ length: 478 }, () => ({
        x: 0.5 + (random() - 0.5) * spread,
        y: 0.5 + (random() - 0.5) * spread,
        z: 0,
      }));
      const face = { landmarks, blendshapes: {}, transformationMatrix: null };
      const appearance = computeAppearance({ data, widthPx, heightPx }, face);
      for (const part of [appearance.sunglasses, appearance.hair, appearance.browCover, appearance.headTop]) {
        expectFiniteMeasures(part);
      }
      for (const rule of RULES) judgeWith(rule, appearance, DEFAULT_APPEARANCE_RULES_CONFIG);
    }
  });

  it('treats a face with all landmarks on one point as not measurable', () => {
    const landmarks = Array.from({ length: 478 }, () => ({ x: 0.5, y: 0.5, z: 0 }));
    const appearance = computeAppearance(paintTestFace(), { landmarks, blendshapes: {}, transformationMatrix: null });
    expect(appearance.sunglasses).toBeNull();
    expect(appearance.hair).toBeNull();
    for (const rule of RULES) expect(judgeWith(rule, appearance).status).toBe('unknown');
  });
});
