import { describe, expect, it } from 'vitest';
import type { Verdict } from '../rules/rule';
import { aggregateCheck, aggregateVerdicts } from './aggregate-verdicts';
import { fixHint } from './fix-hints';

const verdict = (status: Verdict['status'], value = 1): Verdict => ({
  ruleId: 'posture.upright',
  status,
  evidence: { measures: { headFromVerticalDeg: value }, thresholds: {}, confidence: 0.9, reason: status === 'unknown' ? 'shoulders not visible' : undefined },
});

describe('aggregateVerdicts', () => {
  it('fails when at least half the measured frames fail, keeping a failing frame as evidence', () => {
    const result = aggregateVerdicts('posture.upright', [verdict('pass', 10), verdict('fail', 60), verdict('fail', 70), verdict('pass', 12)]);
    expect(result.status).toBe('fail');
    expect(result.evidence.measures.headFromVerticalDeg).toBe(70);
    expect(result.evidence.measures.failShare).toBe(0.5);
  });

  it('passes when one bad frame is outvoted', () => {
    expect(aggregateVerdicts('posture.upright', [verdict('pass'), verdict('pass'), verdict('fail')]).status).toBe('pass');
  });

  it('is unknown when too few frames measured the rule, with the reason', () => {
    const result = aggregateVerdicts('posture.upright', [verdict('unknown'), verdict('unknown'), verdict('unknown'), verdict('pass')]);
    expect(result.status).toBe('unknown');
    expect(result.evidence.reason).toBe('shoulders not visible');
    expect(aggregateVerdicts('posture.upright', []).status).toBe('unknown');
  });

  it('aggregates each rule of a list of frames', () => {
    const frames = [{ 'posture.upright': verdict('pass') }, { 'posture.upright': verdict('pass') }];
    expect(aggregateCheck(frames, ['posture.upright', 'posture.shoulders_level'])).toMatchObject({
      'posture.upright': { status: 'pass' },
      'posture.shoulders_level': { status: 'unknown' },
    });
  });
});

describe('fixHint', () => {
  it('gives a fix for a fail, an explanation for unknown, nothing for pass', () => {
    expect(fixHint('dress.no_sunglasses', verdict('fail'))?.en).toContain('sunglasses');
    expect(fixHint('posture.upright', verdict('unknown'))?.en).toContain('shoulders were out of frame');
    expect(fixHint('posture.upright', verdict('pass'))).toBeNull();
  });
});
