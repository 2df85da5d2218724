import { DEFAULT_CONDUCT_CONFIG, type ConductConfig } from './conduct-config';
import type { ConductRuleId, ConductVerdict } from './conduct-rule';
import type { ConductSignals } from './conduct-signals';
import { ShiftMonitor } from './shift-monitor';

/** How long, and at what rate, a still is held as a shift: past every hold and the windows' measured minimum. */
export interface HeldStillOptions {
  readonly durationMs: number;
  readonly fps: number;
}

/**
 * 40 s at 5 fps: longer than the longest event hold (phone, 5 s) and the share windows' measured minimum
 * (half of 60 s), shorter than the allowed absence (60 s), so a photo of an empty counter is no violation.
 */
export const DEFAULT_HELD_STILL: HeldStillOptions = { durationMs: 40_000, fps: 5 };

/**
 * The time rules' verdicts on a photo: its one frame's signals held still as a short shift, as if the
 * person kept doing what the photo shows (eyes closed, a phone in hand, a hand at the nose). This is how
 * `npm run eval` scores labelled photos for the conduct rules, which judge time, never a single frame.
 */
export function judgeHeldStill(
  signals: ConductSignals,
  config: ConductConfig = DEFAULT_CONDUCT_CONFIG,
  options: HeldStillOptions = DEFAULT_HELD_STILL,
): Record<ConductRuleId, ConductVerdict> {
  const monitor = new ShiftMonitor(config);
  const periodMs = 1000 / options.fps;
  for (let t = 0; t <= options.durationMs; t += periodMs) monitor.update({ ...signals, timestampMs: t }, t);
  return monitor.verdicts();
}
