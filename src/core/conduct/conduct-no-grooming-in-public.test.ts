import { describe, expect, it } from 'vitest';
import { ConductNoGroomingInPublic } from './conduct-no-grooming-in-public';
import { EMPTY_COUNTER_SIGNALS, expectWellFormedEvent, expectWellFormedVerdicts, frameTimes, runRule } from './conduct-test-streams';

const handAtNose = (from: number, to: number) => (t: number) =>
  t >= from && t < to ? { handAt: 'nose' as const, handToFaceFaceHeights: 0.05 } : {};

describe('conduct.no_grooming_in_public', () => {
  it.each([5, 30])('ignores a 2 s hand-at-nose flicker at %i fps', (fps) => {
    const rule = new ConductNoGroomingInPublic();
    const verdicts = runRule(rule, frameTimes(0, 10_000, fps, 0.3), handAtNose(3000, 5000));
    expect(rule.completedEvents()).toEqual([]);
    expect(verdicts.every((v) => v.status === 'pass')).toBe(true);
    expectWellFormedVerdicts(verdicts);
  });

  it.each([5, 30])('logs one event for a 5 s hold with its start and end at %i fps', (fps) => {
    const rule = new ConductNoGroomingInPublic();
    const times = frameTimes(0, 15_000, fps, 0.3, 11);
    const verdicts = runRule(rule, times, handAtNose(3000, 8000));
    const events = rule.completedEvents();
    expect(events).toHaveLength(1);
    const [event] = events;
    expect(event).toMatchObject({ ruleId: 'conduct.no_grooming_in_public', kind: 'violation', label: 'nose' });
    expect(event!.startMs).toBe(times.find((t) => t >= 3000));
    expect(event!.endMs).toBe([...times].reverse().find((t) => t < 8000));
    expect(event!.peak.handToFaceFaceHeightsMin).toBe(0.05);
    expectWellFormedEvent(event!);
    // Fails from the hold (3 s in) until the hand has been away for the end gap.
    const statusAt = (ms: number) => verdicts[times.findIndex((t) => t >= ms)]!.status;
    expect(statusAt(5000)).toBe('pass');
    expect(statusAt(6500)).toBe('fail');
    expect(statusAt(8500)).toBe('fail');
    expect(statusAt(9500)).toBe('pass');
  });

  it('does not split an event on a short dropout', () => {
    const rule = new ConductNoGroomingInPublic();
    runRule(rule, frameTimes(0, 15_000, 30), (t) => (t >= 2000 && t < 9000 && !(t >= 5000 && t < 5600) ? { handAt: 'hair' } : {}));
    expect(rule.completedEvents()).toHaveLength(1);
    expect(rule.completedEvents()[0]!.label).toBe('hair');
  });

  it('leaves a hand holding a phone or a cup to the other rules', () => {
    const rule = new ConductNoGroomingInPublic();
    runRule(rule, frameTimes(0, 10_000, 5), () => ({ handAt: 'ear', phoneAtFace: true }));
    runRule(rule, frameTimes(10_000, 20_000, 5), () => ({ handAt: 'mouth', eatingOrDrinking: true }));
    expect(rule.completedEvents()).toEqual([]);
    expect(rule.verdict().status).toBe('pass');
  });

  it('is unknown without a face or a person', () => {
    const rule = new ConductNoGroomingInPublic();
    runRule(rule, frameTimes(0, 3000, 5), () => EMPTY_COUNTER_SIGNALS);
    expect(rule.verdict().status).toBe('unknown');
    expect(rule.verdict().evidence.reason).toBe('no person at the counter');
    runRule(rule, frameTimes(3000, 6000, 5), () => ({ faceLocated: false }));
    expect(rule.verdict().evidence.reason).toBe('face not found');
  });
});
