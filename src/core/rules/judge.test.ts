import { describe, expect, it } from 'vitest';
import { type Check, finiteEntries, judge, judgeAllOf, marginConfidence } from './judge';

const check = (value: number | null, overrides: Partial<Check> = {}): Check => ({
  measure: 'angleDeg',
  value,
  threshold: 'angleMaxDeg',
  limit: 10,
  bound: 'max',
  scale: 10,
  failReason: 'too steep',
  ...overrides,
});

describe('finiteEntries', () => {
  it('keeps finite numbers only', () => {
    expect(finiteEntries({ a: 1, b: null, c: undefined, d: Number.NaN, e: Number.POSITIVE_INFINITY, f: -0.5 })).toEqual(
      { a: 1, f: -0.5 },
    );
  });
});

describe('marginConfidence', () => {
  it('is 0.5 at the threshold and 1 a scale away, on either side', () => {
    expect(marginConfidence(0, 10)).toBe(0.5);
    expect(marginConfidence(5, 10)).toBe(0.75);
    expect(marginConfidence(-20, 10)).toBe(1);
  });
});

describe('judge', () => {
  const options = { visibility: 1, unknownReason: 'nothing seen' };

  it('passes within the limit (inclusive), fails past it with the worst reason', () => {
    expect(judge('posture.upright', [check(10)], options).status).toBe('pass');
    const verdict = judge(
      'posture.upright',
      [check(11), check(30, { measure: 'otherDeg', failReason: 'way off' })],
      options,
    );
    expect(verdict.status).toBe('fail');
    expect(verdict.evidence.reason).toBe('way off: otherDeg 30 > 10');
  });

  it('is unknown when nothing was measured or a needed measure is missing', () => {
    expect(judge('posture.upright', [check(null)], options).evidence.reason).toBe('nothing seen');
    expect(judge('posture.upright', [check(5)], { ...options, passNeedsAnyOf: ['headDeg'] }).status).toBe('unknown');
    expect(judge('posture.upright', [check(50)], { ...options, passNeedsAnyOf: ['headDeg'] }).status).toBe('fail');
  });

  it('never reports a non-finite number', () => {
    const verdict = judge('posture.upright', [check(Number.NaN), check(5, { measure: 'okDeg' })], {
      ...options,
      measures: { extraDeg: Number.POSITIVE_INFINITY },
    });
    expect(verdict.evidence.measures).toEqual({ okDeg: 5 });
  });
});

describe('judgeAllOf', () => {
  const conditions = (a: number | null, b: number | null) => [
    { measure: 'aRatio', value: a, threshold: 'poseAMaxRatio', limit: 1, bound: 'max' as const, scale: 1 },
    { measure: 'bRatio', value: b, threshold: 'poseBMinRatio', limit: 1, bound: 'min' as const, scale: 1 },
  ];
  const options = { visibility: 1, unknownReason: 'not seen', failReason: 'pose held' };

  it('fails only when every condition holds', () => {
    expect(judgeAllOf('posture.no_arms_crossed', conditions(1, 1), options).status).toBe('fail');
    expect(judgeAllOf('posture.no_arms_crossed', conditions(2, 1), options).status).toBe('pass');
  });

  it('passes on one broken condition even if another is unmeasured; else unknown', () => {
    expect(judgeAllOf('posture.no_arms_crossed', conditions(2, null), options).status).toBe('pass');
    expect(judgeAllOf('posture.no_arms_crossed', conditions(0, null), options).status).toBe('unknown');
    expect(judgeAllOf('posture.no_arms_crossed', conditions(null, null), options).evidence.reason).toBe('not seen');
  });
});
