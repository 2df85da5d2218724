import { describe, expect, it } from 'vitest';
import { ConductNoPhone } from './conduct-no-phone';
import { expectWellFormedEvent, expectWellFormedVerdicts, frameTimes, runRule } from './conduct-test-streams';

describe('conduct.no_phone', () => {
  it.each([5, 30])('logs one event for a phone held 10 s at %i fps', (fps) => {
    const rule = new ConductNoPhone();
    const times = frameTimes(0, 20_000, fps, 0.3, 5);
    const verdicts = runRule(rule, times, (t) =>
      t >= 4000 && t < 14_000 ? { phoneInHand: true, phoneScore: t < 9000 ? 0.6 : 0.9 } : {},
    );
    expect(rule.completedEvents()).toHaveLength(1);
    const [event] = rule.completedEvents();
    expect(event).toMatchObject({ ruleId: 'conduct.no_phone', label: 'phone in hand' });
    expect(event!.startMs).toBe(times.find((t) => t >= 4000));
    expect(event!.endMs).toBe([...times].reverse().find((t) => t < 14_000));
    expect(event!.peak.phoneScoreMax).toBe(0.9);
    expectWellFormedEvent(event!);
    expect(verdicts.some((v) => v.status === 'fail')).toBe(true);
    expectWellFormedVerdicts(verdicts);
  });

  it('passes a phone picked up for less than the hold', () => {
    const rule = new ConductNoPhone();
    runRule(rule, frameTimes(0, 10_000, 5), (t) => (t >= 2000 && t < 4600 ? { phoneInHand: true, phoneScore: 0.8 } : {}));
    expect(rule.completedEvents()).toEqual([]);
  });

  it('holds its verdict over frames the object detector skipped, then turns unknown', () => {
    const rule = new ConductNoPhone();
    const verdicts = runRule(rule, frameTimes(0, 5000, 5), (t) => (t % 600 === 0 ? {} : { objectsChecked: false, phoneInHand: null, phoneAtFace: null }));
    expect(verdicts.slice(1).every((v) => v.status === 'pass')).toBe(true);
    runRule(rule, frameTimes(5000, 8000, 5), () => ({ objectsChecked: false, phoneInHand: null, phoneAtFace: null }));
    expect(rule.verdict().status).toBe('unknown');
    expect(rule.verdict().evidence.reason).toMatch(/object detector/);
  });
});
