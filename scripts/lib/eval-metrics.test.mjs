import { describe, expect, it } from 'vitest';
import { parseLabels, scoreByRule, scoreRule } from './eval-metrics.mjs';

describe('parseLabels', () => {
  it('reads rows with and without a baseline and skips the header', () => {
    const rows = parseLabels('file\trule\texpected\tbaseline\na.jpg\tposture.upright\tfail\tb.jpg\nb.jpg\tposture.upright\tpass\t\n');
    expect(rows).toEqual([
      { file: 'a.jpg', rule: 'posture.upright', expected: 'fail', baseline: 'b.jpg' },
      { file: 'b.jpg', rule: 'posture.upright', expected: 'pass', baseline: null },
    ]);
  });

  it('refuses a malformed row, naming its line', () => {
    expect(() => parseLabels('file\trule\texpected\na.jpg\tposture.upright\tmaybe')).toThrow('LABELS line 2');
  });
});

describe('scoreRule', () => {
  it('computes precision, recall and F1 with fail as positive', () => {
    const score = scoreRule([
      { expected: 'fail', actual: 'fail' },
      { expected: 'fail', actual: 'fail' },
      { expected: 'fail', actual: 'pass' },
      { expected: 'pass', actual: 'fail' },
      { expected: 'pass', actual: 'pass' },
    ]);
    expect(score.precision).toBeCloseTo(2 / 3);
    expect(score.recall).toBeCloseTo(2 / 3);
    expect(score.f1).toBeCloseTo(2 / 3);
    expect(score.unknownRate).toBe(0);
  });

  it('counts unknown as a miss and reports its share', () => {
    const score = scoreRule([
      { expected: 'fail', actual: 'unknown' },
      { expected: 'fail', actual: 'fail' },
      { expected: 'pass', actual: 'unknown' },
      { expected: 'pass', actual: 'pass' },
    ]);
    expect(score.recall).toBe(0.5);
    expect(score.precision).toBe(1);
    expect(score.unknownRate).toBe(0.5);
  });

  it('groups by rule', () => {
    const scores = scoreByRule([
      { rule: 'b', expected: 'pass', actual: 'pass' },
      { rule: 'a', expected: 'fail', actual: 'fail' },
    ]);
    expect(Object.keys(scores)).toEqual(['a', 'b']);
    expect(scores.a.f1).toBe(1);
    expect(scores.b.n).toBe(1);
  });
});
