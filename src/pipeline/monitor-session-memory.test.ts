import { describe, expect, it } from 'vitest';
import { EMPTY_APPEARANCE } from '../core/appearance/compute-appearance';
import { EMPTY_OBSERVATIONS } from '../core/observations/empty-observations';
import type { Verdict } from '../core/rules';
import type { MinuteRecord } from '../core/summaries/records';
import { validateMinuteRecord } from '../core/summaries/validate-records';
import type { VerdictStatus } from '../core/types';
import { type MonitorFrame, MonitorSession } from './monitor-session';

const START_MS = Date.UTC(2026, 2, 10, 8, 0, 0);
const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;
const SHIFT_MS = 8 * HOUR_MS;
const span = (fromMs: number, lengthMs: number) => ({ startMs: fromMs, endMs: fromMs + lengthMs });
const BREAK = span(4 * HOUR_MS, 15 * MINUTE_MS);
const HIDDEN = span(2 * HOUR_MS + 40 * MINUTE_MS, 5 * MINUTE_MS);
const LONG_SLOUCH = span(5 * HOUR_MS + 30_000, 20 * MINUTE_MS);
const LONG_ABSENCE = span(6 * HOUR_MS + 5.5 * MINUTE_MS, 20 * MINUTE_MS);
const within = (range: { startMs: number; endMs: number }, offsetMs: number, afterMs = 0) =>
  offsetMs >= range.startMs && offsetMs < range.endMs + afterMs;

const verdict = (status: VerdictStatus): Verdict => ({
  ruleId: 'posture.upright',
  status,
  evidence: { measures: {}, thresholds: {}, confidence: 1, reason: status },
});

/** The frame at `offsetMs` into an 8 h shift: absences each hour, a slouch each 10 minutes, a break, long spans. */
function frameAt(offsetMs: number): MonitorFrame {
  const inHour = offsetMs % HOUR_MS;
  const present = !(
    within(LONG_ABSENCE, offsetMs) ||
    within({ startMs: BREAK.startMs + 30_000, endMs: BREAK.endMs - MINUTE_MS }, offsetMs) ||
    (inHour >= 30 * MINUTE_MS && inHour < 33 * MINUTE_MS)
  );
  const slouch = within(LONG_SLOUCH, offsetMs) || offsetMs % (10 * MINUTE_MS) >= 2 * MINUTE_MS && offsetMs % (10 * MINUTE_MS) < 2.5 * MINUTE_MS;
  return {
    pose: null,
    face: null,
    objects: [],
    frame: { widthPx: 640, heightPx: 480 },
    observations: { ...EMPTY_OBSERVATIONS, personPresent: present },
    rules: { 'posture.upright': verdict(present ? (slouch ? 'fail' : 'pass') : 'unknown') } as MonitorFrame['rules'],
    appearance: EMPTY_APPEARANCE,
  };
}

/** Runs the shift at 1 fps; `tick` after each frame (the monitor screen takes records on every tick). */
function runShift(session: MonitorSession, tick: (atMs: number, offsetMs: number) => void = () => {}): void {
  for (let offsetMs = 0; offsetMs < SHIFT_MS; offsetMs += 1000) {
    const atMs = START_MS + offsetMs;
    if (offsetMs === BREAK.startMs) session.startBreak(atMs);
    if (offsetMs === BREAK.endMs) session.endBreak(atMs);
    if (offsetMs === HIDDEN.startMs) session.pause(atMs, 'hidden');
    if (!within(HIDDEN, offsetMs)) session.addFrame(frameAt(offsetMs), atMs);
    tick(atMs, offsetMs);
  }
}

const failMsOf = (records: Iterable<MinuteRecord>, ruleId: string): number =>
  [...records].reduce((sum, record) => sum + (record.rules[ruleId as keyof MinuteRecord['rules']]?.failMs ?? 0), 0);

describe('MonitorSession over an 8 h shift', () => {
  it('holds few minutes, and its totals and records are those of a session that keeps every minute', { timeout: 30_000 }, () => {
    const session = new MonitorSession({ stationId: 'counter-3' }, START_MS);
    const stored = new Map<string, MinuteRecord>();
    const held: { offsetMs: number; minutes: number }[] = [];
    let hourlyChecks = 0;
    runShift(session, (atMs, offsetMs) => {
      for (const record of session.takeRecords(atMs, offsetMs % 10_000 === 0)) stored.set(record.id, record);
      held.push({ offsetMs, minutes: session.heldMinutes });
      // On the hour (no span open then), the live totals equal the sums of the minutes saved so far.
      if (offsetMs % HOUR_MS === 0 && offsetMs > 0 && !within(HIDDEN, offsetMs)) {
        hourlyChecks += 1;
        const snapshot = session.snapshot();
        for (const rule of snapshot.rules) {
          expect(rule.failMs).toBe(failMsOf(stored.values(), rule.ruleId));
          const savedViolations = [...stored.values()].flatMap((record) => record.events ?? []).filter((e) => e.ruleId === rule.ruleId);
          expect(rule.violations).toBe(savedViolations.length);
        }
        const upright = snapshot.posture.find((rule) => rule.ruleId === 'posture.upright')!;
        expect(upright.failMs).toBe(failMsOf(stored.values(), 'posture.upright'));
      }
    });
    for (const record of session.stop(START_MS + SHIFT_MS)) stored.set(record.id, record);
    expect(hourlyChecks).toBe(7);

    // Reference: records taken only at the end, so it holds every minute of the shift until then.
    const keepsAll = new MonitorSession({ stationId: 'counter-3' }, START_MS);
    runShift(keepsAll);
    expect(keepsAll.heldMinutes).toBeGreaterThanOrEqual(2 * (SHIFT_MS - HIDDEN.endMs + HIDDEN.startMs) / MINUTE_MS);
    const reference = keepsAll.stop(START_MS + SHIFT_MS);

    const latest = [...stored.values()].sort((a, b) => a.minuteStartMs - b.minuteStartMs);
    expect(latest).toEqual(reference);
    for (const record of latest) expect(validateMinuteRecord(record, { nowMs: START_MS + SHIFT_MS })).toBeNull();
    expect(session.snapshot()).toEqual(keepsAll.snapshot());

    const snapshot = session.snapshot();
    const atPost = snapshot.rules.find((rule) => rule.ruleId === 'conduct.at_post')!;
    // An absence each hour (8) and the long one; the break is not a violation.
    expect(atPost.violations).toBe(9);
    expect(session.completedEvents().filter((event) => event.kind === 'break')).toEqual([
      expect.objectContaining({ ruleId: 'conduct.at_post', startMs: START_MS + BREAK.startMs, endMs: START_MS + BREAK.endMs }),
    ]);
    const upright = snapshot.posture.find((rule) => rule.ruleId === 'posture.upright')!;
    // A slouch each 10 minutes (less the ones in the hidden stretch, the break, the long slouch and the absences), and the long one.
    expect(upright.violations).toBe(latest.flatMap((r) => r.events ?? []).filter((e) => e.ruleId === 'posture.upright').length);
    expect(upright.violations).toBeGreaterThan(30);
    expect(snapshot.gapMs).toBe(HIDDEN.endMs - HIDDEN.startMs + 1000);

    // Held minutes (the session's, its shift monitor's and its posture rules'): the minute in progress, the
    // one just returned and the first minute of each span in progress, however long (the break, the long
    // slouch, the long absence); never the minutes between.
    expect(Math.max(...held.map((h) => h.minutes))).toBeLessThanOrEqual(9);
    expect(held.at(-1)!.minutes).toBeLessThanOrEqual(4);
  });

  it('saves a late-closing posture span into the minute it began in, long after that minute was saved', { timeout: 30_000 }, () => {
    const session = new MonitorSession({ stationId: 'counter-3' }, START_MS);
    const writes: MinuteRecord[] = [];
    runShift(session, (atMs, offsetMs) => writes.push(...session.takeRecords(atMs, offsetMs % 10_000 === 0)));
    const firstMinuteMs = START_MS + Math.floor(LONG_SLOUCH.startMs / MINUTE_MS) * MINUTE_MS;
    const versions = writes.filter((record) => record.minuteStartMs === firstMinuteMs);
    const last = versions.at(-1)!;
    const spans = (last.events ?? []).filter((event) => event.ruleId === 'posture.upright');
    // Smoothed: the span begins once the slouch has held 2 s, and ends at its last failing frame 20 minutes on.
    expect(spans).toEqual([{ ruleId: 'posture.upright', startMs: START_MS + LONG_SLOUCH.startMs + 2000, endMs: START_MS + LONG_SLOUCH.endMs + 1000 }]);
    expect((versions[0]!.events ?? []).filter((event) => event.ruleId === 'posture.upright')).toEqual([]);
    // The revision (20 minutes after the minute ended) repeats the counts saved when it ended.
    expect(versions.length).toBeGreaterThanOrEqual(2);
    expect(last.rules).toEqual(versions.at(-2)!.rules);
  });
});
