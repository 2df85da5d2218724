import { describe, expect, it } from 'vitest';
import { DEFAULT_APPEARANCE_RULES_CONFIG, resolveAppearanceConfig } from './appearance-config';

describe('resolveAppearanceConfig', () => {
  it('returns the defaults, and keeps a default for an undefined override', () => {
    expect(resolveAppearanceConfig()).toEqual(DEFAULT_APPEARANCE_RULES_CONFIG);
    expect(resolveAppearanceConfig({ cheekLuminanceMin: undefined }).cheekLuminanceMin).toBe(40);
    expect(resolveAppearanceConfig({ sunglassesScoreFailMin: 0.7 }).sunglassesScoreFailMin).toBe(0.7);
  });

  it('throws early on out-of-range or non-finite values', () => {
    expect(() => resolveAppearanceConfig({ sunglassesScoreFailMin: 1.5 })).toThrow(RangeError);
    expect(() => resolveAppearanceConfig({ faceRollMaxDeg: Number.NaN })).toThrow(/faceRollMaxDeg/);
    expect(() => resolveAppearanceConfig({ sunglassesLogLuminanceRatioWeight: 3 })).toThrow(RangeError);
  });
});
