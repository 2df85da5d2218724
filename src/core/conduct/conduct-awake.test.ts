import { describe, expect, it } from 'vitest';
import { ConductAwake } from './conduct-awake';
import { expectWellFormedVerdicts, frameTimes, runRule } from './conduct-test-streams';

const eyes = (closed: boolean) => ({ eyesClosed: closed, eyesClosedScore: closed ? 0.8 : 0.1 });

describe('conduct.awake', () => {
  it.each([5, 30])('fails eyes closed a fifth of a minute (PERCLOS) at %i fps', (fps) => {
    const verdicts = runRule(new ConductAwake(), frameTimes(0, 61_000, fps, 0.3), (t) => eyes(t % 10_000 < 2000));
    const last = verdicts.at(-1)!;
    expect(last.status).toBe('fail');
    expect(last.evidence.measures.perclos).toBeCloseTo(0.2, 1);
    expect(last.evidence.decidingMeasure).toBe('perclos');
    expectWellFormedVerdicts(verdicts);
  });

  it('passes normal blinking (150 ms every 4 s) at 30 fps', () => {
    const verdicts = runRule(new ConductAwake(), frameTimes(0, 61_000, 30, 0.2), (t) => eyes(t % 4000 < 150));
    expect(verdicts.at(-1)!.status).toBe('pass');
    expect(verdicts.at(-1)!.evidence.measures.perclos).toBeLessThan(0.06);
  });

  it('fails repeated nodding off (head drops with the eyes closed), not looking down to read', () => {
    // Head level at 0 degrees; from 20 s and 40 s: pitch -25 for 1.5 s.
    const nodding = (eyesClosedWhileDown: boolean) => (t: number) => {
      const down = (t >= 20_000 && t < 21_500) || (t >= 40_000 && t < 41_500);
      return { headPitchDeg: down ? -25 : 0, ...eyes(down && eyesClosedWhileDown) } as never;
    };
    const dozing = runRule(new ConductAwake(), frameTimes(0, 50_000, 30), nodding(true));
    expect(dozing.at(-1)!.status).toBe('fail');
    expect(dozing.at(-1)!.evidence.measures.nodCount).toBe(2);
    expect(dozing.at(-1)!.evidence.reason).toMatch(/nods/);
    const reading = runRule(new ConductAwake(), frameTimes(0, 50_000, 30), nodding(false));
    expect(reading.at(-1)!.status).toBe('pass');
    expect(reading.at(-1)!.evidence.measures.nodCount).toBe(0);
  });

  it('logs one drowsy span that ends once the eyes stay open', () => {
    const rule = new ConductAwake();
    runRule(rule, frameTimes(0, 200_000, 5), (t) => eyes(t < 60_000 && t % 10_000 < 3000));
    expect(rule.completedEvents()).toHaveLength(1);
    const [event] = rule.completedEvents();
    expect(event!.label).toBe('eyes closed');
    expect(event!.peak.perclosMax).toBeGreaterThan(0.25);
    expect(event!.endMs).toBeGreaterThan(event!.startMs);
    expect(rule.verdict().status).toBe('pass');
  });

  it.each([5, 30])('fails eyes shut for 4 s without opening, one event, at %i fps; PERCLOS alone would pass it', (fps) => {
    const rule = new ConductAwake();
    const verdicts = runRule(rule, frameTimes(0, 60_000, fps, 0.3), (t) => eyes(t >= 40_000 && t < 44_000));
    const failing = verdicts.filter((verdict) => verdict.status === 'fail');
    expect(failing.length).toBeGreaterThan(0);
    expect(failing[0]!.evidence.decidingMeasure).toBe('eyesClosedMs');
    expect(failing[0]!.evidence.measures.eyesClosedMs).toBeGreaterThanOrEqual(3000);
    expect(failing[0]!.evidence.reason).toMatch(/without opening/);
    expect(verdicts.at(-1)!.status).toBe('pass');
    expect(rule.completedEvents()).toHaveLength(1);
    const [event] = rule.completedEvents();
    // the event starts where the eyes shut, not where the 3 s were reached
    expect(event!.startMs).toBeGreaterThanOrEqual(40_000);
    expect(event!.startMs).toBeLessThan(40_000 + 2000 / fps);
    expect(event!.endMs).toBeLessThan(44_000);
    expect(event!.peak.eyesClosedMsMax).toBeGreaterThan(3500);
    expectWellFormedVerdicts(verdicts);
  });

  it('passes eyes shut for 2.5 s, and a long closure broken by one open frame, or by a gap in the frames', () => {
    const short = runRule(new ConductAwake(), frameTimes(0, 60_000, 5), (t) => eyes(t >= 40_000 && t < 42_500));
    expect(short.some((verdict) => verdict.status === 'fail')).toBe(false);
    const broken = runRule(new ConductAwake(), frameTimes(0, 60_000, 5), (t) => eyes(t >= 40_000 && t < 45_000 && t !== 42_000));
    expect(broken.some((verdict) => verdict.status === 'fail')).toBe(false);
    const rule = new ConductAwake();
    runRule(rule, frameTimes(0, 42_000, 5), (t) => eyes(t >= 40_000));
    const afterGap = runRule(rule, frameTimes(44_200, 46_000, 5), () => eyes(true));
    expect(afterGap.some((verdict) => verdict.status === 'fail')).toBe(false);
  });

  it('is unknown without a face', () => {
    const verdicts = runRule(new ConductAwake(), frameTimes(0, 61_000, 5), () => ({ eyesClosed: null, eyesClosedScore: null }));
    expect(verdicts.at(-1)!.status).toBe('unknown');
    expect(verdicts.at(-1)!.evidence.reason).toMatch(/needed measured; eyes not measured \(no face\)$/);
  });

  it('is unknown while the window fills, saying how much of it is measured', () => {
    const verdicts = runRule(new ConductAwake(), frameTimes(0, 10_000, 5), () => eyes(false));
    expect(verdicts.at(-1)!.status).toBe('unknown');
    expect(verdicts.at(-1)!.evidence.reason).toMatch(/^\d+(\.\d)? s of the 30 s needed measured$/);
  });

  it('is unknown, with the reason, while the face is too dark to read', () => {
    const verdicts = runRule(new ConductAwake(), frameTimes(0, 61_000, 5), () => ({ faceTooDark: true, eyesClosed: null, eyesClosedScore: null }));
    expect(verdicts.at(-1)!.status).toBe('unknown');
    expect(verdicts.at(-1)!.evidence.reason).toMatch(/face too dark to read/);
  });
});
