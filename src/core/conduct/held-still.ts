import { DEFAULT_CONDUCT_CONFIG, type ConductConfig } from './conduct-config';
import type { ConductRuleId, ConductVerdict } from './conduct-rule';
import type { ConductSignals } from './conduct-signals';
import { ShiftMonitor } from './shift-monitor';

/**
 * A photo's conduct signals on a frame the object detector checked and on one between its runs (phone and
 * food measures null there), so that a still plays as monitoring sees a camera: objects on a timer.
 */
export interface StillSignals {
  readonly objectsChecked: ConductSignals;
  readonly objectsSkipped: ConductSignals;
}

/** A still on screen for a while; `still` indexes the stills played. */
export interface StillSpan {
  readonly still: number;
  readonly durationMs: number;
}

/** The rates stills are played at: the monitor's (`MONITOR_RATE_DEFAULTS`). */
export interface StillPlayback {
  readonly fps: number;
  readonly objectsEveryMs: number;
}

/**
 * Plays stills one after another as a monitored shift: `fps` frames a second, each frame the signals of the
 * still on screen, the object detector's measures only every `objectsEveryMs`. Returns the shift, ended
 * where the last still ends. A sequence of labelled photos as frames is how `npm run eval` finds events.
 */
export function playStills(
  stills: readonly StillSignals[],
  spans: readonly StillSpan[],
  playback: StillPlayback,
  config: ConductConfig = DEFAULT_CONDUCT_CONFIG,
): { readonly monitor: ShiftMonitor; readonly durationMs: number } {
  // A sequence reports every event it had, however many.
  const monitor = new ShiftMonitor(config, { eventsKept: Number.POSITIVE_INFINITY });
  const periodMs = 1000 / playback.fps;
  let spanStartMs = 0;
  let frame = 0;
  let objectsCheckedAtMs = Number.NEGATIVE_INFINITY;
  for (const span of spans) {
    const still = stills[span.still];
    if (!still) throw new RangeError(`no still ${span.still} (${stills.length} stills)`);
    const spanEndMs = spanStartMs + span.durationMs;
    // Frame times come from the frame count, so that long sequences do not drift.
    for (let t = frame * periodMs; t < spanEndMs; t = ++frame * periodMs) {
      const objectsDue = t - objectsCheckedAtMs >= playback.objectsEveryMs;
      if (objectsDue) objectsCheckedAtMs = t;
      monitor.update({ ...(objectsDue ? still.objectsChecked : still.objectsSkipped), timestampMs: t }, t);
    }
    spanStartMs = spanEndMs;
  }
  monitor.endShift(spanStartMs);
  return { monitor, durationMs: spanStartMs };
}

/**
 * How long a still is held to judge it as a shift: 40 s, longer than the event holds (3 s) and the
 * share windows' measured minimum (half of 60 s), shorter than the allowed absence (60 s), so a photo of an
 * empty counter is no violation.
 */
export const HELD_STILL_MS = 40_000;

/**
 * The time rules' verdicts on a photo: its signals held still as a short shift (`HELD_STILL_MS`), as if the
 * person kept doing what the photo shows (eyes closed, a phone in hand, a hand at the nose). This is how
 * `npm run eval` scores labelled photos for the conduct rules, which judge time, never a single frame.
 */
export function judgeHeldStill(
  still: StillSignals,
  playback: StillPlayback,
  config: ConductConfig = DEFAULT_CONDUCT_CONFIG,
): Record<ConductRuleId, ConductVerdict> {
  const { monitor } = playStills([still], [{ still: 0, durationMs: HELD_STILL_MS }], playback, config);
  return monitor.verdicts();
}
