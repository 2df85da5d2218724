import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, DEFAULT_POSTURE_RULES_CONFIG, resolveConfig } from './config';

describe('resolveConfig', () => {
  it('returns the defaults without overrides', () => {
    expect(resolveConfig()).toEqual(DEFAULT_CONFIG);
    expect(DEFAULT_CONFIG.rules.postureHoldMs).toBe(2000);
  });

  it('merges a station override over the posture defaults', () => {
    const config = resolveConfig({ rules: { shoulderTiltMaxDeg: 5, postureHoldMs: 3000 } });
    expect(config.rules.shoulderTiltMaxDeg).toBe(5);
    expect(config.rules.postureHoldMs).toBe(3000);
    expect(config.rules.headFromVerticalMaxDeg).toBe(DEFAULT_POSTURE_RULES_CONFIG.headFromVerticalMaxDeg);
  });

  it('keeps a default when an override field is undefined', () => {
    expect(resolveConfig({ rules: { trunkReclineMaxDeg: undefined } }).rules.trunkReclineMaxDeg).toBe(20);
  });

  it('throws early on out-of-range or non-finite values', () => {
    expect(() => resolveConfig({ rules: { headFromVerticalMaxDeg: 120 } })).toThrow(RangeError);
    expect(() => resolveConfig({ rules: { postureHoldMs: -1 } })).toThrow(RangeError);
    expect(() => resolveConfig({ rules: { shoulderTiltMaxDeg: Number.NaN } })).toThrow(/shoulderTiltMaxDeg/);
    expect(() => resolveConfig({ rules: { baselineEarHeightDropMaxFraction: 0 } })).toThrow(RangeError);
    expect(() => resolveConfig({ observations: { landmarkVisibilityMin: 2 } })).toThrow(RangeError);
  });

  it('keeps a lying head past the upright limit', () => {
    expect(() => resolveConfig({ rules: { lyingHeadFromVerticalDeg: 40 } })).toThrow(/lyingHeadFromVerticalDeg/);
  });
});
