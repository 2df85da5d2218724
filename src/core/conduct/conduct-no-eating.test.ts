import { describe, expect, it } from 'vitest';
import { ConductNoEating } from './conduct-no-eating';
import { expectWellFormedVerdicts, frameTimes, runRule } from './conduct-test-streams';

describe('conduct.no_eating', () => {
  it.each([5, 30])('logs drinking from a cup as an eating event at %i fps', (fps) => {
    const rule = new ConductNoEating();
    const verdicts = runRule(rule, frameTimes(0, 15_000, fps, 0.3), (t) =>
      t >= 5000 && t < 9000 ? { eatingOrDrinking: true, eatingItem: 'cup', handAt: 'mouth', jawOpenScore: 0.3 } : {},
    );
    expect(rule.completedEvents()).toHaveLength(1);
    expect(rule.completedEvents()[0]).toMatchObject({ ruleId: 'conduct.no_eating', label: 'cup' });
    expect(rule.completedEvents()[0]!.peak.jawOpenScoreMax).toBe(0.3);
    expectWellFormedVerdicts(verdicts);
  });

  it('ignores a quick sip under the hold time', () => {
    const rule = new ConductNoEating();
    runRule(rule, frameTimes(0, 10_000, 5), (t) => (t >= 2000 && t < 4000 ? { eatingOrDrinking: true, eatingItem: 'cup' } : {}));
    expect(rule.completedEvents()).toEqual([]);
  });
});
