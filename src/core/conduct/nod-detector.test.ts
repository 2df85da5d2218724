import { describe, expect, it } from 'vitest';
import { frameTimes } from './conduct-test-streams';
import { NodDetector } from './nod-detector';

const OPTIONS = {
  nodPitchDropDeg: 15,
  nodMaxDurationMs: 4000,
  nodEyesClosedShareMin: 0.5,
  nodBaselineTimeConstantMs: 10_000,
  maxFrameGapMs: 2000,
};

function run(detector: NodDetector, times: readonly number[], pitchAt: (t: number) => number | null, closed = true): number[] {
  return times.flatMap((t) => {
    const pitch = pitchAt(t);
    const depth = detector.update(t, pitch, closed && pitch !== null && pitch < -10);
    return depth === null ? [] : [t];
  });
}

describe('NodDetector', () => {
  it('counts a quick drop and return with the eyes closed, with its depth', () => {
    const detector = new NodDetector(OPTIONS);
    const nods = run(detector, frameTimes(0, 20_000, 30), (t) => (t >= 10_000 && t < 11_000 ? -30 : 0));
    expect(nods).toHaveLength(1);
    expect(nods[0]).toBeGreaterThanOrEqual(11_000);
    expect(detector.countWithin(20_000, 60_000)).toBe(1);
    expect(detector.countWithin(80_000, 60_000)).toBe(0);
  });

  it('ignores small nods, long looks down (and follows the new pitch), and drops with open eyes', () => {
    const small = new NodDetector(OPTIONS);
    expect(run(small, frameTimes(0, 20_000, 30), (t) => (t >= 10_000 && t < 11_000 ? -8 : 0))).toEqual([]);
    const reading = new NodDetector(OPTIONS);
    expect(run(reading, frameTimes(0, 30_000, 30), (t) => (t >= 10_000 && t < 20_000 ? -30 : 0))).toEqual([]);
    const open = new NodDetector(OPTIONS);
    expect(run(open, frameTimes(0, 20_000, 30), (t) => (t >= 10_000 && t < 11_000 ? -30 : 0), false)).toEqual([]);
  });

  it('follows a slowly changing posture without counting nods', () => {
    const detector = new NodDetector(OPTIONS);
    expect(run(detector, frameTimes(0, 120_000, 10), (t) => -t / 4000, false)).toEqual([]);
    expect(detector.baselinePitchDeg).toBeLessThan(-25);
  });

  it('abandons a drop whose return fell in a frame gap', () => {
    const detector = new NodDetector(OPTIONS);
    const times = [...frameTimes(0, 10_500, 30), ...frameTimes(14_000, 20_000, 30)];
    expect(run(detector, times, (t) => (t >= 10_000 && t < 12_000 ? -30 : 0))).toEqual([]);
  });
});
