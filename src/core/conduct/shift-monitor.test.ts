import { describe, expect, it } from 'vitest';
import { CONDUCT_RULE_IDS, type ConductRuleId } from './conduct-rule';
import type { ConductSignals } from './conduct-signals';
import {
  EMPTY_COUNTER_SIGNALS,
  expectWellFormedEvent,
  verdictProblems,
  frameTimes,
  seededRandom,
  withSignals,
} from './conduct-test-streams';
import { MINUTE_MS, type MinuteAggregate, ShiftMonitor } from './shift-monitor';

function feed(monitor: ShiftMonitor, times: readonly number[], signalsAt: (t: number) => Partial<ConductSignals>): void {
  for (const t of times) monitor.update(withSignals(t, signalsAt(t)), t);
}

const totalMs = (aggregate: MinuteAggregate, id: ConductRuleId): number => {
  const { passMs, failMs, unknownMs } = aggregate.rules[id];
  return passMs + failMs + unknownMs;
};

const frames = (aggregate: MinuteAggregate, id: ConductRuleId): number => {
  const { pass, fail, unknown } = aggregate.rules[id];
  return pass + fail + unknown;
};

describe('ShiftMonitor', () => {
  it('holds every conduct rule and answers a verdict for each', () => {
    const monitor = new ShiftMonitor();
    const before = monitor.verdicts();
    expect(Object.keys(before).sort()).toEqual([...CONDUCT_RULE_IDS].sort());
    for (const verdict of Object.values(before)) expect(verdict.status).toBe('unknown');
    const after = monitor.update(withSignals(0), 0);
    expect(after['conduct.at_post'].status).toBe('pass');
  });

  it('sums minute aggregates correctly across a minute boundary', () => {
    const monitor = new ShiftMonitor();
    const times = frameTimes(30_000, 150_500, 5, 0.3, 21);
    feed(monitor, times, (t) => (t >= 50_000 && t < 70_000 ? { phoneInHand: true, phoneScore: 0.8 } : {}));
    const minutes = monitor.drainMinuteAggregates(times.at(-1)!);
    expect(minutes.map((m) => m.minuteStartMs)).toEqual([0, MINUTE_MS]);
    const [first, second] = minutes as [MinuteAggregate, MinuteAggregate];
    for (const id of CONDUCT_RULE_IDS) {
      expect(totalMs(first, id)).toBeCloseTo(30_000, 6);
      expect(totalMs(second, id)).toBeCloseTo(60_000, 6);
      expect(frames(first, id)).toBe(times.filter((t) => t < 60_000).length);
      expect(frames(second, id)).toBe(times.filter((t) => t >= 60_000 && t < 120_000).length);
    }
    // The phone fails from its 3 s hold (~53 s) until 1 s after it was put down (~71 s).
    expect(first.rules['conduct.no_phone'].failMs).toBeGreaterThan(6000);
    expect(first.rules['conduct.no_phone'].failMs).toBeLessThan(8000);
    expect(second.rules['conduct.no_phone'].failMs).toBeGreaterThan(10_000);
    expect(second.rules['conduct.no_phone'].failMs).toBeLessThan(12_000);
    // The event is filed in the minute it started in, as stored minute records have it.
    expect(second.events).toEqual([]);
    expect(first.events).toHaveLength(1);
    expect(first.events[0]).toMatchObject({ ruleId: 'conduct.no_phone' });
    expect(first.events[0]!.startMs).toBeLessThan(MINUTE_MS);
    expect(first.events[0]!.endMs).toBeGreaterThan(MINUTE_MS);
    expect(monitor.drainMinuteAggregates(times.at(-1)!)).toEqual([]);
    expect(JSON.parse(JSON.stringify(minutes))).toEqual(minutes);
  });

  it('does not count a 10 s frame gap as presence', () => {
    const monitor = new ShiftMonitor();
    const before = frameTimes(0, 30_000, 5);
    feed(monitor, before, () => ({}));
    feed(monitor, frameTimes(40_000, 70_000, 5), () => ({}));
    const [minute] = monitor.drainMinuteAggregates(70_000);
    const atPost = minute!.rules['conduct.at_post'];
    const gapMs = 40_000 - before.at(-1)!;
    expect(atPost.unknownMs).toBeCloseTo(gapMs, 6);
    expect(atPost.passMs).toBeCloseTo(60_000 - gapMs, 6);
  });

  it('finishes a minute during a long gap (tab hidden) and counts the gap as unknown', () => {
    const monitor = new ShiftMonitor();
    feed(monitor, frameTimes(0, 61_000, 5), () => ({}));
    expect(monitor.drainMinuteAggregates(61_500).map((m) => m.minuteStartMs)).toEqual([0]);
    expect(monitor.drainMinuteAggregates(150_000)).toHaveLength(1);
    feed(monitor, frameTimes(200_000, 241_000, 5), () => ({}));
    const later = monitor.drainMinuteAggregates(241_000);
    expect(later.map((m) => m.minuteStartMs)).toEqual([180_000]);
    expect(later[0]!.rules['conduct.at_post'].unknownMs).toBeCloseTo(20_000, 6);
  });

  it('logs a marked break as a break with no absence violation', () => {
    const monitor = new ShiftMonitor();
    feed(monitor, frameTimes(0, 10_000, 5), () => ({}));
    monitor.startBreak(10_000);
    expect(monitor.onBreak).toBe(true);
    feed(monitor, frameTimes(10_000, 190_000, 5), (t) => (t >= 12_000 && t < 185_000 ? EMPTY_COUNTER_SIGNALS : {}));
    monitor.endBreak(190_000);
    feed(monitor, frameTimes(190_000, 250_000, 5), () => ({}));
    const events = monitor.completedEvents().filter((e) => e.ruleId === 'conduct.at_post');
    expect(events).toEqual([
      { ruleId: 'conduct.at_post', kind: 'break', startMs: 10_000, endMs: 190_000, peak: { durationMs: 180_000 }, label: 'break' },
    ]);
    const minutes = monitor.drainMinuteAggregates(250_000);
    expect(minutes.flatMap((m) => m.events).filter((e) => e.ruleId === 'conduct.at_post')).toEqual(events);
    expect(minutes.every((m) => m.rules['conduct.at_post'].fail === 0)).toBe(true);
  });

  it('logs a 90 s absence without a break as a violation', () => {
    const monitor = new ShiftMonitor();
    feed(monitor, frameTimes(0, 150_000, 5, 0.3), (t) => (t >= 20_000 && t < 110_000 ? EMPTY_COUNTER_SIGNALS : {}));
    const absences = monitor.completedEvents().filter((e) => e.ruleId === 'conduct.at_post');
    expect(absences).toHaveLength(1);
    expect(absences[0]).toMatchObject({ kind: 'violation', label: 'absence' });
    expect(absences[0]!.endMs - absences[0]!.startMs).toBeCloseTo(90_000, -3);
  });

  it('ends the shift: closes open events and returns the last, partial minute', () => {
    const monitor = new ShiftMonitor();
    feed(monitor, frameTimes(0, 70_000, 5), (t) => (t >= 60_000 ? { handAt: 'nose' } : {}));
    expect(monitor.openEvents()).toHaveLength(1);
    const minutes = monitor.endShift(70_000);
    expect(minutes.map((m) => m.minuteStartMs)).toEqual([0, MINUTE_MS]);
    expect(minutes[1]!.events).toHaveLength(1);
    expect(minutes[1]!.events[0]).toMatchObject({ ruleId: 'conduct.no_grooming_in_public', label: 'nose', startMs: 60_000 });
    expect(totalMs(minutes[1]!, 'conduct.at_post')).toBeCloseTo(10_000, 6);
    expect(monitor.openEvents()).toEqual([]);
  });

  it('files a long absence in the minute it started in, returning that minute again once the absence ends', () => {
    const monitor = new ShiftMonitor();
    const times = frameTimes(0, 200_000, 5);
    const away = (t: number) => t >= 30_000 && t < 150_000;
    const drained: MinuteAggregate[] = [];
    for (const t of times) {
      monitor.update(withSignals(t, away(t) ? EMPTY_COUNTER_SIGNALS : {}), t);
      if (Math.round(t) % 1000 === 0) drained.push(...monitor.drainMinuteAggregates(t));
    }
    // Minute 0 is returned when it finishes (no event yet), then again when the absence has ended.
    const firstMinute = drained.filter((m) => m.minuteStartMs === 0);
    expect(firstMinute).toHaveLength(2);
    expect(firstMinute[0]!.events).toEqual([]);
    expect(firstMinute[1]!.events).toEqual([
      expect.objectContaining({ ruleId: 'conduct.at_post', kind: 'violation', label: 'absence', startMs: 30_000 }),
    ]);
    expect(firstMinute[1]!.events[0]!.endMs).toBeGreaterThan(149_000);
    // The revision repeats the minute's counts unchanged.
    expect(firstMinute[1]!.rules).toEqual(firstMinute[0]!.rules);
    expect(drained.filter((m) => m.minuteStartMs === MINUTE_MS)).toHaveLength(1);
  });

  it('gives the minutes in progress as they stand without taking them', () => {
    const monitor = new ShiftMonitor();
    feed(monitor, frameTimes(0, 75_000, 5), () => ({}));
    expect(monitor.partialMinuteAggregates().map((m) => m.minuteStartMs)).toEqual([MINUTE_MS]);
    const partial = monitor.partialMinuteAggregates()[0]!;
    expect(totalMs(partial, 'conduct.at_post')).toBeCloseTo(75_000 - 60_000 - 200, 0);
    expect(monitor.drainMinuteAggregates(75_000).map((m) => m.minuteStartMs)).toEqual([0]);
    expect(monitor.endShift(75_000).map((m) => m.minuteStartMs)).toEqual([MINUTE_MS]);
  });

  it('ignores a frame that is not later than the previous one', () => {
    const monitor = new ShiftMonitor();
    monitor.update(withSignals(1000), 1000);
    const again = monitor.update(withSignals(500, EMPTY_COUNTER_SIGNALS), 500);
    expect(again['conduct.at_post'].evidence.reason).toBe('at the counter');
  });

  it('survives random streams: every verdict pass/fail/unknown with finite evidence, aggregates consistent', () => {
    for (const seed of [1, 2, 3]) {
      const random = seededRandom(seed);
      const monitor = new ShiftMonitor();
      const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!;
      const maybe = <T>(value: T): T | null => (random() < 0.2 ? null : value);
      let t = 0;
      let frameCount = 0;
      const minutes: MinuteAggregate[] = [];
      const problems: string[] = [];
      for (let i = 0; i < 3000; i += 1) {
        t += random() < 0.005 ? 3000 + random() * 20_000 : pick([33, 200]) * (0.5 + random());
        const present = random() < 0.9;
        const signals: ConductSignals = present
          ? withSignals(t, {
              smileScore: maybe(random()),
              eyesClosed: maybe(random() < 0.3),
              eyesClosedScore: maybe(random()),
              headPitchDeg: maybe(-40 + random() * 60) as never,
              headYawDeg: maybe(-60 + random() * 120) as never,
              facingCustomer: maybe(random() < 0.6),
              faceLocated: random() < 0.9,
              handAt: random() < 0.2 ? pick(['hair', 'ear', 'nose', 'mouth'] as const) : null,
              handToFaceFaceHeights: maybe(random() * 2),
              objectsChecked: random() < 0.7,
              phoneInHand: maybe(random() < 0.2),
              phoneAtFace: maybe(random() < 0.1),
              phoneScore: maybe(random()),
              eatingOrDrinking: maybe(random() < 0.1),
              jawOpenScore: maybe(random()),
            })
          : withSignals(t, EMPTY_COUNTER_SIGNALS);
        if (random() < 0.002) monitor.startBreak(t);
        if (random() < 0.002) monitor.endBreak(t);
        const verdicts = monitor.update(signals, t);
        frameCount += 1;
        for (const verdict of Object.values(verdicts)) problems.push(...verdictProblems(verdict));
        if (i % 97 === 0) expect(JSON.parse(JSON.stringify(verdicts))).toEqual(verdicts);
        if (i % 50 === 0) minutes.push(...monitor.drainMinuteAggregates(t));
      }
      expect(problems).toEqual([]);
      minutes.push(...monitor.endShift(t + 1000));
      monitor.completedEvents().forEach(expectWellFormedEvent);
      // A minute returned again (revised by a late event) replaces the earlier one, as storage does.
      const latest = [...new Map(minutes.map((m) => [m.minuteStartMs, m])).values()];
      minutes.length = 0;
      minutes.push(...latest);
      for (const id of CONDUCT_RULE_IDS) {
        expect(minutes.reduce((sum, m) => sum + frames(m, id), 0)).toBe(frameCount);
      }
      for (const minute of minutes) {
        for (const id of CONDUCT_RULE_IDS) {
          const counts = minute.rules[id];
          for (const value of Object.values(counts)) expect(value).toBeGreaterThanOrEqual(0);
          expect(totalMs(minute, id)).toBeLessThanOrEqual(MINUTE_MS + 1e-6);
        }
        minute.events.forEach(expectWellFormedEvent);
      }
      const stored = minutes.flatMap((m) => m.events);
      expect(stored).toHaveLength(monitor.completedEvents().length);
      for (const minute of minutes) {
        for (const event of minute.events) expect(Math.floor(event.startMs / MINUTE_MS) * MINUTE_MS).toBe(minute.minuteStartMs);
      }
    }
  });
});
