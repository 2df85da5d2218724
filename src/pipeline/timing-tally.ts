import type { FrameTiming } from './frame-analyzer';

/** The measured stages of a frame's analysis, as `FrameTiming` names them. */
export const TIMED_STAGES = ['poseMs', 'faceMs', 'objectsMs', 'handsMs', 'badgeMs', 'segmentationMs'] as const;
export type TimedStage = (typeof TIMED_STAGES)[number];

export interface StageSummary {
  /** Frames on which the stage ran (took any time). */
  readonly runs: number;
  readonly msPerRun: number;
  /** Its time spread over every frame: what it costs the stream. */
  readonly msPerFrame: number;
}

export interface TimingSummary {
  readonly frames: number;
  readonly totalMsPerFrame: number;
  readonly stages: Record<TimedStage, StageSummary>;
}

/** Adds up frames' analysis times per stage, for the benchmark: which model a stream's time goes to. */
export class TimingTally {
  private frames = 0;
  private totalMs = 0;
  private readonly stages = new Map<TimedStage, { runs: number; ms: number }>();

  add(timing: FrameTiming): void {
    this.frames += 1;
    this.totalMs += timing.totalMs;
    for (const stage of TIMED_STAGES) {
      const ms = timing[stage] ?? 0;
      if (!(ms > 0)) continue;
      const tally = this.stages.get(stage) ?? { runs: 0, ms: 0 };
      tally.runs += 1;
      tally.ms += ms;
      this.stages.set(stage, tally);
    }
  }

  summary(): TimingSummary {
    const perFrame = (ms: number): number => ms / Math.max(1, this.frames);
    const stages = Object.fromEntries(
      TIMED_STAGES.map((stage) => {
        const { runs, ms } = this.stages.get(stage) ?? { runs: 0, ms: 0 };
        return [stage, { runs, msPerRun: runs > 0 ? ms / runs : 0, msPerFrame: perFrame(ms) }];
      }),
    ) as Record<TimedStage, StageSummary>;
    return { frames: this.frames, totalMsPerFrame: perFrame(this.totalMs), stages };
  }

  reset(): void {
    this.frames = 0;
    this.totalMs = 0;
    this.stages.clear();
  }
}

/** A stream whose analysis allows under this share of the rate asked for cannot keep up. */
export const KEEP_UP_RATE_SHARE_MIN = 0.7;
/** Frames before judging whether a stream keeps up: the first ones pay for the models' warm-up. */
export const KEEP_UP_WARMUP_FRAMES = 25;

/**
 * Whether analysing a frame takes so long on average that well under `targetFps` frames a second can be
 * judged, once past the warm-up. Read from the analysis time, not the measured rate, so a pause (a
 * background tab, a camera reconnecting) does not count as slowness. Pure.
 */
export function fallsBehind({ frames, totalMsPerFrame }: TimingSummary, targetFps: number): boolean {
  return frames >= KEEP_UP_WARMUP_FRAMES && totalMsPerFrame * targetFps * KEEP_UP_RATE_SHARE_MIN > 1000;
}
