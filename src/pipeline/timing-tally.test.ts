import { describe, expect, it } from 'vitest';
import type { FrameTiming } from './frame-analyzer';
import { TimingTally } from './timing-tally';

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
