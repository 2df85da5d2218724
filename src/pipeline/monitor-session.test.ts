import { describe, expect, it } from 'vitest';
import { EMPTY_APPEARANCE } from '../core/appearance/compute-appearance';
import { resolveConductConfig } from '../core/conduct';
import { DEFAULT_CONFIG } from '../core/config';
import { EMPTY_OBSERVATIONS } from '../core/observations/empty-observations';
import type { Verdict } from '../core/rules';
import { validateMinuteRecord } from '../core/summaries/validate-records';
import type { VerdictStatus } from '../core/types';
import { type MonitorFrame, MonitorSession } from './monitor-session';

const START_MS = Date.UTC(2026, 2, 10, 9, 0, 0);
const NOW_MS = START_MS + 86_400_000;

const verdict = (status: VerdictStatus): Verdict => ({
  ruleId: 'posture.upright',
  status,
  evidence: { measures: {}, thresholds: {}, confidence: 1, reason: status },
});

/** A frame with someone at the counter (no landmarks: only presence), or an empty counter; upright's raw verdict. */
const frame = (present: boolean, upright: VerdictStatus = present ? 'pass' : 'unknown'): MonitorFrame => ({
  pose: null,
  face: null,
  objects: [],
  frame: { widthPx: 640, heightPx: 480 },
  observations: { ...EMPTY_OBSERVATIONS, personPresent: present },
  rules: { 'posture.upright': verdict(upright) } as MonitorFrame['rules'],
  appearance: EMPTY_APPEARANCE,
});

function feed(session: MonitorSession, fromMs: number, toMs: number, present: (offsetMs: number) => boolean): void {
  for (let t = fromMs; t < toMs; t += 200) session.addFrame(frame(present(t - START_MS)), t);
}

describe('MonitorSession', () => {
  const config = resolveConductConfig({ atPost: { allowedAbsenceMs: 10_000 } });

  it('turns a person leaving the frame into an absence span, stored in valid minute records', () => {
    const session = new MonitorSession({ stationId: 'counter-3', config }, START_MS);
    const records = [];
    for (let t = START_MS; t < START_MS + 90_000; t += 200) {
      session.addFrame(frame(!(t - START_MS >= 20_000 && t - START_MS < 50_000)), t);
      if ((t - START_MS) % 5000 === 0) records.push(...session.takeRecords(t, true));
    }
    records.push(...session.stop(START_MS + 90_000));
    for (const record of records) expect(validateMinuteRecord(record, { nowMs: NOW_MS })).toBeNull();
    // Checkpoints rewrite the minute in progress: the last version of each minute is what stays.
    const stored = new Map(records.map((record) => [record.id, record]));
    expect([...stored.values()].map((record) => record.minuteStartMs)).toEqual([START_MS, START_MS + 60_000]);
    const absences = [...stored.values()].flatMap((record) => record.events ?? []);
    expect(absences).toEqual([{ ruleId: 'conduct.at_post', startMs: START_MS + 20_000, endMs: START_MS + 49_800 }]);
    const frames = [...stored.values()].reduce((sum, r) => sum + r.rules['conduct.at_post']!.pass + r.rules['conduct.at_post']!.fail, 0);
    expect(frames).toBe(450);

    const snapshot = session.snapshot();
    const atPost = snapshot.rules.find((rule) => rule.ruleId === 'conduct.at_post')!;
    expect(atPost.violations).toBe(1);
    // Failing from 10 s into the absence until the person was back 2 s: about 20 s.
    expect(atPost.failMs).toBeGreaterThan(19_000);
    expect(atPost.failMs).toBeLessThan(23_000);
    expect(atPost.passShare).toBeCloseTo((90_000 - 200 - atPost.failMs) / (90_000 - 200), 2);
    expect(snapshot.events[0]).toMatchObject({ ruleId: 'conduct.at_post', kind: 'violation', label: 'absence', open: false });
  });

  it('records a hidden tab as a gap of unknown time, not as presence or absence', () => {
    const session = new MonitorSession({ stationId: 'counter-3', config }, START_MS);
    feed(session, START_MS, START_MS + 10_000, () => true);
    session.pause(START_MS + 10_000, 'hidden');
    expect(session.snapshot().gaps).toEqual([{ startMs: START_MS + 9800, endMs: null, reason: 'hidden' }]);
    feed(session, START_MS + 40_000, START_MS + 50_000, () => true);
    const snapshot = session.snapshot();
    expect(snapshot.gaps).toEqual([{ startMs: START_MS + 9800, endMs: START_MS + 40_000, reason: 'hidden' }]);
    expect(snapshot.gapMs).toBe(30_200);
    const [minute] = session.stop(START_MS + 50_000);
    expect(minute!.rules['conduct.at_post']).toMatchObject({ fail: 0, failMs: 0 });
    const atPost = session.snapshot().rules.find((rule) => rule.ruleId === 'conduct.at_post')!;
    expect(atPost.unknownMs).toBe(30_200);
    expect(atPost.violations).toBe(0);
  });

  it('counts frames that come too slowly as a gap too', () => {
    const session = new MonitorSession({ stationId: 'counter-3', config }, START_MS);
    session.addFrame(frame(true), START_MS);
    session.addFrame(frame(true), START_MS + 1000);
    session.addFrame(frame(true), START_MS + 6000);
    expect(session.snapshot().gaps).toEqual([{ startMs: START_MS + 1000, endMs: START_MS + 6000, reason: 'slow' }]);
    const late = new MonitorSession({ stationId: 'counter-3', config }, START_MS);
    late.addFrame(frame(true), START_MS + 3000);
    expect(late.snapshot().gaps).toEqual([{ startMs: START_MS, endMs: START_MS + 3000, reason: 'starting' }]);
  });

  it('stores the posture rules beside the conduct rules: smoothed fail time and fail spans in their start minute', () => {
    const session = new MonitorSession({ stationId: 'counter-3', config }, START_MS);
    const records = [];
    // Slouching from 50 s to 80 s; a 1 s slouch at 20 s is smoothed away (hold 2 s).
    const slouch = (offsetMs: number) => (offsetMs >= 50_000 && offsetMs < 80_000) || (offsetMs >= 20_000 && offsetMs < 21_000);
    for (let t = START_MS; t < START_MS + 150_000; t += 200) {
      session.addFrame(frame(true, slouch(t - START_MS) ? 'fail' : 'pass'), t);
      if ((t - START_MS) % 10_000 === 0) records.push(...session.takeRecords(t));
      // the live panel lists the slouch while it lasts, then as done
      if (t - START_MS === 70_000) {
        expect(session.snapshot().events).toEqual([
          { ruleId: 'posture.upright', kind: 'violation', startMs: START_MS + 52_000, endMs: t, peak: {}, label: null, open: true },
        ]);
      }
    }
    expect(session.snapshot().events).toMatchObject([{ ruleId: 'posture.upright', startMs: START_MS + 52_000, open: false }]);
    records.push(...session.stop(START_MS + 150_000));
    for (const record of records) expect(validateMinuteRecord(record, { nowMs: NOW_MS })).toBeNull();
    const latest = [...new Map(records.map((record) => [record.id, record])).values()];
    expect(latest.map((record) => record.minuteStartMs)).toEqual([START_MS, START_MS + 60_000, START_MS + 120_000]);
    // Minute 0 was stored when it finished, then again once the slouch that started in it ended.
    expect(records.filter((record) => record.minuteStartMs === START_MS)).toHaveLength(2);
    const uprightCounts = latest.map((record) => record.rules['posture.upright']!);
    expect(uprightCounts[0]!.failMs).toBeCloseTo(8000, -3);
    expect(uprightCounts[1]!.failMs).toBeCloseTo(22_000, -3);
    expect(uprightCounts[2]!.failMs).toBe(0);
    expect(uprightCounts.reduce((sum, counts) => sum + counts.pass + counts.fail + counts.unknown, 0)).toBe(750);
    const spans = latest.flatMap((record) => (record.events ?? []).filter((event) => event.ruleId === 'posture.upright'));
    expect(spans).toHaveLength(1);
    expect(spans[0]!.startMs).toBe(START_MS + 52_000);
    expect(spans[0]!.endMs).toBeGreaterThanOrEqual(START_MS + 80_000);
    expect(latest[0]!.events).toEqual(spans);
    const upright = session.snapshot().posture.find((rule) => rule.ruleId === 'posture.upright')!;
    expect(upright).toMatchObject({ status: 'pass', violations: 1 });
    expect(upright.failMs).toBeCloseTo(30_000, -3);
    expect(session.completedPostureEvents()).toEqual(spans.map((span) => ({ ...span, kind: 'violation', peak: {}, label: null })));
  });

  it("gives each posture rule's smoothed verdict now with its reason, none before the first frame", () => {
    const session = new MonitorSession({ stationId: 'counter-3', config }, START_MS);
    const upright = () => session.snapshot().posture.find((rule) => rule.ruleId === 'posture.upright');
    expect(upright()).toMatchObject({ status: null, reason: null });
    for (let t = START_MS; t < START_MS + 5000; t += 200) session.addFrame(frame(true, 'fail'), t);
    expect(upright()).toMatchObject({ status: 'fail', reason: 'fail' });
  });

  it("smooths the posture rules with the station's hold time", () => {
    const slouch3s = (session: MonitorSession) => {
      for (let t = START_MS; t < START_MS + 10_000; t += 200) {
        const offsetMs = t - START_MS;
        session.addFrame(frame(true, offsetMs >= 2000 && offsetMs < 5000 ? 'fail' : 'pass'), t);
      }
      session.stop(START_MS + 10_000);
      return session.completedPostureEvents();
    };
    const patient = { ...DEFAULT_CONFIG, rules: { ...DEFAULT_CONFIG.rules, postureHoldMs: 5000 } };
    expect(slouch3s(new MonitorSession({ stationId: 'counter-3', config }, START_MS))).toHaveLength(1);
    expect(slouch3s(new MonitorSession({ stationId: 'counter-3', config, postureConfig: patient }, START_MS))).toEqual([]);
  });

  it('does not store a marked break as a violation', () => {
    const session = new MonitorSession({ stationId: 'counter-3', config }, START_MS);
    feed(session, START_MS, START_MS + 5000, () => true);
    session.startBreak(START_MS + 5000);
    expect(session.onBreak).toBe(true);
    feed(session, START_MS + 5000, START_MS + 45_000, (offsetMs) => offsetMs >= 40_000);
    session.endBreak(START_MS + 45_000);
    feed(session, START_MS + 45_000, START_MS + 50_000, () => true);
    const records = session.stop(START_MS + 50_000);
    expect(records.flatMap((record) => record.events ?? [])).toEqual([]);
    const snapshot = session.snapshot();
    expect(snapshot.events).toEqual([
      expect.objectContaining({ ruleId: 'conduct.at_post', kind: 'break', startMs: START_MS + 5000, endMs: START_MS + 45_000 }),
    ]);
    expect(snapshot.rules.find((rule) => rule.ruleId === 'conduct.at_post')!.violations).toBe(0);
    expect(session.takeRecords(START_MS + 60_000)).toEqual([]);
  });
});
