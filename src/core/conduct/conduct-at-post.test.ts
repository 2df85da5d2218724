import { describe, expect, it } from 'vitest';
import { ConductAtPost } from './conduct-at-post';
import { EMPTY_COUNTER_SIGNALS, expectWellFormedEvent, expectWellFormedVerdicts, frameTimes, runRule } from './conduct-test-streams';

const awayBetween = (from: number, to: number) => (t: number) => (t >= from && t < to ? EMPTY_COUNTER_SIGNALS : {});

describe('conduct.at_post', () => {
  it.each([5, 30])('logs a 90 s absence as one span with its start and end at %i fps', (fps) => {
    const rule = new ConductAtPost();
    const times = frameTimes(0, 150_000, fps, 0.3);
    const verdicts = runRule(rule, times, awayBetween(20_000, 110_000));
    expect(rule.completedEvents()).toHaveLength(1);
    const [event] = rule.completedEvents();
    expect(event).toMatchObject({ ruleId: 'conduct.at_post', kind: 'violation', label: 'absence' });
    expect(event!.startMs).toBe(times.find((t) => t >= 20_000));
    expect(event!.endMs).toBe([...times].reverse().find((t) => t < 110_000));
    expect(event!.peak.durationMs).toBeCloseTo(90_000, -3);
    expectWellFormedEvent(event!);
    const statusAt = (ms: number) => verdicts[times.findIndex((t) => t >= ms)]!.status;
    expect(statusAt(70_000)).toBe('pass');
    expect(statusAt(85_000)).toBe('fail');
    expect(statusAt(130_000)).toBe('pass');
    expectWellFormedVerdicts(verdicts);
  });

  it('passes an absence within the allowed time', () => {
    const rule = new ConductAtPost();
    runRule(rule, frameTimes(0, 100_000, 5), awayBetween(20_000, 70_000));
    expect(rule.completedEvents()).toEqual([]);
  });

  it('logs a marked break as a break, not a violation', () => {
    const rule = new ConductAtPost();
    runRule(rule, frameTimes(0, 10_000, 5), () => ({}));
    rule.startBreak(10_000);
    const during = runRule(rule, frameTimes(10_000, 190_000, 5), awayBetween(12_000, 185_000));
    expect(during.every((v) => v.status === 'pass')).toBe(true);
    expect(rule.openEvent()).toMatchObject({ kind: 'break', startMs: 10_000 });
    const ended = rule.endBreak(190_000);
    runRule(rule, frameTimes(190_000, 200_000, 5), () => ({}));
    expect(ended).toMatchObject({ kind: 'break', startMs: 10_000, endMs: 190_000 });
    expect(rule.completedEvents()).toEqual([ended]);
    expect(rule.verdict().status).toBe('pass');
  });

  it('counts absence again after a break ends', () => {
    const rule = new ConductAtPost();
    rule.startBreak(0);
    runRule(rule, frameTimes(0, 30_000, 5), () => EMPTY_COUNTER_SIGNALS);
    rule.endBreak(30_000);
    runRule(rule, frameTimes(30_000, 100_000, 5), () => EMPTY_COUNTER_SIGNALS);
    expect(rule.verdict().status).toBe('fail');
    expect(rule.openEvent()!.startMs).toBeGreaterThanOrEqual(30_000);
  });

  it('does not carry an absence through a frame gap', () => {
    const rule = new ConductAtPost();
    runRule(rule, frameTimes(0, 40_000, 5), () => EMPTY_COUNTER_SIGNALS);
    runRule(rule, frameTimes(50_000, 90_000, 5), () => EMPTY_COUNTER_SIGNALS);
    expect(rule.verdict().status).toBe('pass');
    expect(rule.verdict().evidence.measures.absentMs).toBeLessThan(41_000);
  });
});
