import { describe, expect, it } from 'vitest';
import { DEFAULT_CONDUCT_CONFIG, resolveConductConfig } from './conduct-config';

describe('resolveConductConfig', () => {
  it('returns the defaults without overrides', () => {
    expect(resolveConductConfig()).toEqual(DEFAULT_CONDUCT_CONFIG);
    expect(DEFAULT_CONDUCT_CONFIG.smile).toEqual({ windowMs: 60_000, smileScoreMin: 0.35, smileShareMin: 0.3 });
    expect(DEFAULT_CONDUCT_CONFIG.awake.perclosMax).toBe(0.15);
    expect(DEFAULT_CONDUCT_CONFIG.grooming.holdMs).toBe(3000);
    expect(DEFAULT_CONDUCT_CONFIG.phone.holdMs).toBe(3000);
    expect(DEFAULT_CONDUCT_CONFIG.eating.holdMs).toBe(3000);
    expect(DEFAULT_CONDUCT_CONFIG.grooming.endGapMs).toBe(1000);
    expect(DEFAULT_CONDUCT_CONFIG.atPost.allowedAbsenceMs).toBe(60_000);
  });

  it('merges a station override section by section, keeping undefined fields at their default', () => {
    const config = resolveConductConfig({ phone: { holdMs: 8000 }, smile: { smileShareMin: undefined } });
    expect(config.phone).toEqual({ holdMs: 8000, endGapMs: 1000 });
    expect(config.smile.smileShareMin).toBe(0.3);
    expect(config.grooming.holdMs).toBe(3000);
  });

  it('throws early on out-of-range, non-finite or unknown settings', () => {
    expect(() => resolveConductConfig({ awake: { perclosMax: 15 } })).toThrow(/awake\.perclosMax/);
    expect(() => resolveConductConfig({ atPost: { allowedAbsenceMs: -1 } })).toThrow(RangeError);
    expect(() => resolveConductConfig({ smile: { windowMs: 60 } })).toThrow(/smile\.windowMs/);
    expect(() => resolveConductConfig({ timing: { maxFrameGapMs: Number.NaN } })).toThrow(RangeError);
    expect(() => resolveConductConfig({ awake: { nodCountMin: 1.5 } })).toThrow(/nodCountMin/);
    expect(() => resolveConductConfig({ phone: { holdSeconds: 5 } as never })).toThrow(/holdSeconds/);
    expect(() => resolveConductConfig({ sleeping: {} } as never)).toThrow(/sleeping/);
  });
});
