import { describe, expect, it } from 'vitest';
import type { FrameTiming } from './frame-analyzer';
import { fallsBehind, KEEP_UP_WARMUP_FRAMES, TimingTally, type TimingSummary } from './timing-tally';

const frame = (overrides: Partial<FrameTiming>): FrameTiming => ({
  poseMs: 30,
  faceMs: 20,
  objectsMs: 0,
  badgeMs: 0,
  segmentationMs: 0,
  totalMs: 55,
  ...overrides,
});

describe('TimingTally', () => {
  it('spreads a stage over the frames it ran on and over all frames', () => {
    const tally = new TimingTally();
    tally.add(frame({ objectsMs: 200, totalMs: 255 }));
    for (let i = 0; i < 4; i += 1) tally.add(frame({}));
    const summary = tally.summary();
    expect(summary.frames).toBe(5);
    expect(summary.totalMsPerFrame).toBe(95);
    expect(summary.stages.objectsMs).toEqual({ runs: 1, msPerRun: 200, msPerFrame: 40 });
    expect(summary.stages.poseMs).toEqual({ runs: 5, msPerRun: 30, msPerFrame: 30 });
    expect(summary.stages.handsMs).toEqual({ runs: 0, msPerRun: 0, msPerFrame: 0 });
  });

  it('starts over on reset', () => {
    const tally = new TimingTally();
    tally.add(frame({ handsMs: 12 }));
    tally.reset();
    expect(tally.summary()).toMatchObject({ frames: 0, totalMsPerFrame: 0, stages: { handsMs: { runs: 0 } } });
  });
});

describe('fallsBehind', () => {
  const after = (frames: number, totalMsPerFrame: number): TimingSummary => ({ ...new TimingTally().summary(), frames, totalMsPerFrame });

  it('is true when each analysis outlasts the period by far, once past the warm-up', () => {
    expect(fallsBehind(after(KEEP_UP_WARMUP_FRAMES, 300), 5)).toBe(true); // 3.3 of 5 frames a second
    expect(fallsBehind(after(500, 128), 30)).toBe(true);
  });

  it('is false when the analysis fits or nearly fits the period, and during the warm-up', () => {
    expect(fallsBehind(after(500, 128), 5)).toBe(false);
    expect(fallsBehind(after(500, 270), 5)).toBe(false); // 3.7 of 5: within the share allowed
    expect(fallsBehind(after(KEEP_UP_WARMUP_FRAMES - 1, 300), 5)).toBe(false);
  });
});
