import { describe, expect, it } from 'vitest';
import { CONDUCT_RULE_IDS } from './conduct-rule';
import type { ConductSignals } from './conduct-signals';
import { EMPTY_COUNTER_SIGNALS, withSignals } from './conduct-test-streams';
import { DEFAULT_EVENTS_KEPT, MINUTE_MS, type MinuteAggregate, ShiftMonitor } from './shift-monitor';

const HOUR_MS = 3_600_000;
const SHIFT_MS = 8 * HOUR_MS;
/** The long absence: 20 minutes from 6:05:30, ending as one event filed in its first minute. */
const LONG_ABSENCE = { startMs: 6 * HOUR_MS + 5.5 * MINUTE_MS, endMs: 6 * HOUR_MS + 25.5 * MINUTE_MS };
const BREAK = { startMs: 4 * HOUR_MS, endMs: 4 * HOUR_MS + 15 * MINUTE_MS };

/**
 * An 8 h shift at 1 fps: a phone every 10 minutes, a 3 minute absence each hour, a marked break, a long
 * absence; no smile all shift, so the smile rule fails from each return to the counter to the next absence.
 */
function signalsAt(t: number): Partial<ConductSignals> {
  const inHour = t % HOUR_MS;
  const inTen = t % (10 * MINUTE_MS);
  if (t >= LONG_ABSENCE.startMs && t < LONG_ABSENCE.endMs) return EMPTY_COUNTER_SIGNALS;
  if (t >= BREAK.startMs + 30_000 && t < BREAK.endMs - 60_000) return EMPTY_COUNTER_SIGNALS;
  if (inHour >= 30 * MINUTE_MS && inHour < 33 * MINUTE_MS) return EMPTY_COUNTER_SIGNALS;
  if (inTen >= 3 * MINUTE_MS && inTen < 3 * MINUTE_MS + 20_000) return { phoneInHand: true, phoneScore: 0.8, smileScore: 0.1 };
  return { smileScore: 0.1 };
}

/** Feeds the shift, draining every 10 s when `drain` is set; calls `each` after every frame. */
function runShift(monitor: ShiftMonitor, drain: ((minutes: MinuteAggregate[]) => void) | null, each: (t: number) => void = () => {}): void {
  for (let t = 0; t < SHIFT_MS; t += 1000) {
    if (t === BREAK.startMs) monitor.startBreak(t);
    if (t === BREAK.endMs) monitor.endBreak(t);
    monitor.update(withSignals(t, signalsAt(t)), t);
    if (drain && t % 10_000 === 0) drain(monitor.drainMinuteAggregates(t));
    each(t);
  }
}

describe('ShiftMonitor over a long shift', () => {
  it('holds a small, constant number of minutes and returns the same minutes as one that keeps them all', { timeout: 30_000 }, () => {
    const bounded = new ShiftMonitor();
    const returned: MinuteAggregate[] = [];
    const held: { t: number; minutes: number }[] = [];
    runShift(bounded, (minutes) => returned.push(...minutes), (t) => held.push({ t, minutes: bounded.heldMinutes }));
    returned.push(...bounded.endShift(SHIFT_MS));

    // Reference: never drained during the shift, so it keeps every minute to the end.
    const keepsAll = new ShiftMonitor();
    runShift(keepsAll, null);
    expect(keepsAll.heldMinutes).toBe(SHIFT_MS / MINUTE_MS);
    const reference = keepsAll.endShift(SHIFT_MS);

    // Storage replaces a minute by its start: the latest version of each is what stays.
    const latest = [...new Map(returned.map((minute) => [minute.minuteStartMs, minute])).values()].sort(
      (a, b) => a.minuteStartMs - b.minuteStartMs,
    );
    expect(latest).toHaveLength(SHIFT_MS / MINUTE_MS);
    expect(latest).toEqual(reference);

    // Held: the minute in progress, the one just returned, and the first minute of each span in progress
    // (the smile failing for an hour, the break, the long absence), never the minutes between.
    expect(Math.max(...held.map((h) => h.minutes))).toBeLessThanOrEqual(5);
    expect(Math.max(...held.map((h) => h.minutes))).toBeGreaterThanOrEqual(3);

    // Events: counted in full, the latest kept.
    const counts = bounded.completedEventCounts();
    const stored = latest.flatMap((minute) => minute.events);
    for (const id of CONDUCT_RULE_IDS) {
      expect(counts[id].violation).toBe(stored.filter((e) => e.ruleId === id && e.kind === 'violation').length);
      expect(counts[id].break).toBe(stored.filter((e) => e.ruleId === id && e.kind === 'break').length);
    }
    // The smile fails from each return to the counter until the next absence: one span each, hours long.
    expect(counts['conduct.smile'].violation).toBeGreaterThanOrEqual(9);
    // One phone each 10 minutes, less the two during the break and the two during the long absence.
    expect(counts['conduct.no_phone'].violation).toBe(48 - 2 - 2);
    // One absence each hour and the long one; the marked break is not a violation.
    expect(counts['conduct.at_post']).toEqual({ violation: 8 + 1, break: 1 });
    expect(bounded.completedEvents()).toHaveLength(Math.min(DEFAULT_EVENTS_KEPT, stored.length));
    expect(bounded.completedEvents()).toEqual(keepsAll.completedEvents().slice(-DEFAULT_EVENTS_KEPT));
  });

  it('still revises the minute a late-closing event started in', { timeout: 30_000 }, () => {
    const monitor = new ShiftMonitor();
    const returned: MinuteAggregate[] = [];
    runShift(monitor, (minutes) => returned.push(...minutes), () => {});
    const firstMinuteMs = Math.floor(LONG_ABSENCE.startMs / MINUTE_MS) * MINUTE_MS;
    const versions = returned.filter((minute) => minute.minuteStartMs === firstMinuteMs);
    // Returned when it finished (no event known yet), then again, whole, once the absence ended 20 minutes later.
    expect(versions).toHaveLength(2);
    expect(versions[0]!.events).toEqual([]);
    expect(versions[1]!.rules).toEqual(versions[0]!.rules);
    expect(versions[1]!.events).toEqual([
      expect.objectContaining({ ruleId: 'conduct.at_post', kind: 'violation', label: 'absence', startMs: LONG_ABSENCE.startMs }),
    ]);
    expect(versions[1]!.events[0]!.endMs).toBe(LONG_ABSENCE.endMs - 1000);
    // The break, 15 minutes, is filed in its first minute too.
    const breakMinute = returned.filter((minute) => minute.minuteStartMs === BREAK.startMs).at(-1)!;
    expect(breakMinute.events).toEqual([expect.objectContaining({ kind: 'break', startMs: BREAK.startMs, endMs: BREAK.endMs })]);
  });

  it('keeps the number of events asked for', { timeout: 30_000 }, () => {
    const monitor = new ShiftMonitor(undefined, { eventsKept: 3 });
    runShift(monitor, (minutes) => void minutes);
    expect(monitor.completedEvents()).toHaveLength(3);
    expect(monitor.completedEventCounts()['conduct.no_phone'].violation).toBe(44);
    expect(() => new ShiftMonitor(undefined, { eventsKept: -1 })).toThrow(RangeError);
  });
});
