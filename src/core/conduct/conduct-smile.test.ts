import { describe, expect, it } from 'vitest';
import { ConductSmile } from './conduct-smile';
import { EMPTY_COUNTER_SIGNALS, expectWellFormedVerdicts, frameTimes, runRule } from './conduct-test-streams';

/** Smiling for the first `share` of every 10 s. */
const smilingShare = (share: number) => (t: number) => ({ smileScore: t % 10_000 < share * 10_000 ? 0.7 : 0.1 });

describe('conduct.smile', () => {
  it.each([5, 30])('fails a smile share below the minimum at %i fps', (fps) => {
    const verdicts = runRule(new ConductSmile(), frameTimes(0, 61_000, fps, 0.3), smilingShare(0.2));
    const last = verdicts.at(-1)!;
    expect(last.status).toBe('fail');
    expect(last.evidence.measures.smileShare).toBeCloseTo(0.2, 1);
    expect(last.evidence.thresholds.smileShareMin).toBe(0.3);
    expect(last.evidence.decidingMeasure).toBe('smileShare');
    expectWellFormedVerdicts(verdicts);
  });

  it.each([5, 30])('passes a smile share above the minimum at %i fps', (fps) => {
    const verdicts = runRule(new ConductSmile(), frameTimes(0, 61_000, fps, 0.3), smilingShare(0.5));
    expect(verdicts.at(-1)!.status).toBe('pass');
    expect(verdicts.at(-1)!.evidence.measures.smileShare).toBeCloseTo(0.5, 1);
  });

  it('is a share, never a per-frame fail: unknown until half the window is measured, then steady', () => {
    const verdicts = runRule(new ConductSmile(), frameTimes(0, 61_000, 5), smilingShare(0.5));
    const times = frameTimes(0, 61_000, 5);
    expect(verdicts.filter((_, i) => times[i]! < 29_000).every((v) => v.status === 'unknown')).toBe(true);
    expect(verdicts.filter((_, i) => times[i]! > 31_000).every((v) => v.status === 'pass')).toBe(true);
  });

  it('does not count time without a person or a face', () => {
    const rule = new ConductSmile();
    runRule(rule, frameTimes(0, 60_000, 5), (t) => (t < 40_000 ? EMPTY_COUNTER_SIGNALS : { smileScore: 0.1 }));
    expect(rule.verdict().status).toBe('unknown');
    expect(rule.verdict().evidence.reason).toMatch(/measured/);
  });

  it('is unknown, never a fail, while the face is too dark to read', () => {
    const rule = new ConductSmile();
    runRule(rule, frameTimes(0, 61_000, 5), () => ({ faceTooDark: true, smileScore: null }));
    expect(rule.verdict().status).toBe('unknown');
    expect(rule.verdict().evidence.reason).toMatch(/face too dark to read/);
  });

  it('logs one event for a failing stretch', () => {
    const rule = new ConductSmile();
    runRule(rule, frameTimes(0, 200_000, 5), (t) => ({ smileScore: t < 90_000 ? 0.1 : 0.8 }));
    expect(rule.completedEvents()).toHaveLength(1);
    const [event] = rule.completedEvents();
    expect(event!.ruleId).toBe('conduct.smile');
    expect(event!.startMs).toBeCloseTo(30_000, -3);
    expect(event!.peak.smileShareMin).toBe(0);
  });
});
