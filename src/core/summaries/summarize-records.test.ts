import { describe, expect, it } from 'vitest';
import { deepFreeze } from './deep-freeze';
import { kAnonymize } from './k-anonymize';
import { summarizeRecords, type RuleTally, TEAM_LABEL } from './summarize-records';
import { atLocal, counts, fail, makeCheck, makeMinute, off, pass, unknown } from './test-records';

const D1 = '2026-03-09';
const D2 = '2026-03-10';
const at = (day: string, hour: number, minute: number, seconds: number) => atLocal(day, hour, minute) + seconds * 1000;

const checks = deepFreeze([
  makeCheck(1, 'A', D1, { 'posture.upright': pass(), 'posture.no_lying_on_counter': pass(), 'dress.badge_visible': unknown(), 'dress.no_sunglasses': off() }),
  makeCheck(2, 'A', D1, { 'posture.upright': fail(), 'posture.no_lying_on_counter': pass(), 'dress.badge_visible': pass(), 'dress.no_sunglasses': off() }),
  makeCheck(3, 'A', D2, { 'posture.upright': pass(), 'posture.no_lying_on_counter': fail(), 'dress.badge_visible': fail() }),
  makeCheck(4, 'B', D1, { 'posture.upright': pass() }),
]);
const minutes = deepFreeze([
  makeMinute('A', D1, 9, 0, { 'posture.upright': counts(800, 100, 0, 6000), 'posture.no_lying_on_counter': counts(0, 0, 900, 0) }, [
    // The same span listed twice counts once.
    { ruleId: 'posture.upright', startMs: at(D1, 9, 0, 5), endMs: at(D1, 9, 0, 11) },
    { ruleId: 'posture.upright', startMs: at(D1, 9, 0, 5), endMs: at(D1, 9, 0, 11) },
  ]),
  makeMinute('A', D1, 9, 1, { 'posture.upright': counts(900, 0, 0, 0) }, [
    { ruleId: 'posture.upright', startMs: at(D1, 9, 1, 10), endMs: at(D1, 9, 1, 10) },
  ]),
  makeMinute('B', D2, 10, 0, { 'posture.upright': counts(450, 450, 0, 30_000) }, [
    { ruleId: 'posture.upright', startMs: at(D2, 10, 0, 0), endMs: at(D2, 10, 0, 30) },
  ]),
]);

const zero = { checks: 0, pass: 0, fail: 0, unknown: 0, passRate: null, postureMinutes: 0, passFrames: 0, failFrames: 0, unknownFrames: 0, violationMs: 0, violationMinutes: 0, violationCount: 0 };
const tally = (ruleId: string, fields: Partial<RuleTally>): RuleTally => ({ ruleId, ...zero, ...fields });
const rule = (tallies: readonly RuleTally[], ruleId: string) => tallies.find((t) => t.ruleId === ruleId);

describe('summarizeRecords', () => {
  const summary = summarizeRecords(checks, minutes);
  const [a, b] = summary.stations;

  it('groups by station and day, sorted', () => {
    expect(summary.stations.map((s) => [s.stationId, s.kind, s.days.map((d) => d.day)])).toEqual([
      ['A', 'station', [D1, D2]],
      ['B', 'station', [D1, D2]],
    ]);
    expect(a!.days.map((d) => [d.checks, d.monitoredMinutes])).toEqual([[2, 2], [1, 0]]);
    expect([a!.checks, a!.monitoredMinutes, a!.recordCount]).toEqual([3, 2, 5]);
    expect([b!.checks, b!.monitoredMinutes, b!.recordCount]).toEqual([1, 1, 2]);
  });

  it('counts self-check verdicts per rule and day, unknown apart, off not at all', () => {
    const day1 = a!.days[0]!.rules;
    expect(day1.map((t) => t.ruleId)).toEqual(['dress.badge_visible', 'dress.no_sunglasses', 'posture.no_lying_on_counter', 'posture.upright']);
    expect(rule(day1, 'dress.badge_visible')).toEqual(tally('dress.badge_visible', { checks: 2, pass: 1, unknown: 1, passRate: 1 }));
    expect(rule(day1, 'dress.no_sunglasses')).toEqual(tally('dress.no_sunglasses', {}));
    expect(rule(day1, 'posture.no_lying_on_counter')).toEqual(
      tally('posture.no_lying_on_counter', { checks: 2, pass: 2, passRate: 1, unknownFrames: 900 }),
    );
    expect(rule(day1, 'posture.upright')).toEqual(
      tally('posture.upright', {
        checks: 2, pass: 1, fail: 1, passRate: 0.5,
        postureMinutes: 2, passFrames: 1700, failFrames: 100, violationMs: 6000, violationMinutes: 0.1, violationCount: 2,
      }),
    );
    const day2 = a!.days[1]!.rules;
    expect(rule(day2, 'posture.no_lying_on_counter')).toMatchObject({ checks: 1, fail: 1, passRate: 0 });
  });

  it('totals a station over its days', () => {
    expect(rule(a!.totals, 'posture.upright')).toMatchObject({ checks: 3, pass: 2, fail: 1, passRate: 2 / 3, violationCount: 2 });
    expect(rule(a!.totals, 'dress.badge_visible')).toMatchObject({ checks: 3, pass: 1, fail: 1, unknown: 1, passRate: 0.5 });
    expect(rule(a!.totals, 'dress.no_sunglasses')?.passRate).toBeNull();
  });

  it('gives each rule a trend over the days, zero where a day has no data for it', () => {
    const upright = a!.trends.find((t) => t.ruleId === 'posture.upright')!;
    expect(upright.points.map((p) => [p.day, p.passRate, p.violationMinutes])).toEqual([[D1, 0.5, 0.1], [D2, 1, 0]]);
    const sunglasses = a!.trends.find((t) => t.ruleId === 'dress.no_sunglasses')!;
    expect(sunglasses.points.map((p) => [p.day, p.checks, p.passRate])).toEqual([[D1, 0, null], [D2, 0, null]]);
  });

  it('adds up the team across stations', () => {
    const team = summary.team;
    expect([team.kind, team.stationId, team.stationCount, team.checks, team.monitoredMinutes]).toEqual(['team', TEAM_LABEL, 2, 4, 3]);
    expect(rule(team.days[0]!.rules, 'posture.upright')).toMatchObject({ checks: 3, pass: 2, fail: 1, passRate: 2 / 3 });
    expect(rule(team.days[1]!.rules, 'posture.upright')).toMatchObject({ checks: 1, pass: 1, postureMinutes: 1, violationMinutes: 0.5, violationCount: 1 });
    expect(rule(team.totals, 'posture.upright')).toMatchObject({
      checks: 4, pass: 3, fail: 1, passRate: 0.75, postureMinutes: 3, violationMs: 36_000, violationMinutes: 0.6, violationCount: 3,
    });
  });

  it('does not depend on the order records are read in', () => {
    expect(summarizeRecords([...checks].reverse(), [...minutes].reverse())).toEqual(summary);
  });

  it('summarizes nothing as an empty team', () => {
    const empty = summarizeRecords([], []);
    expect(empty.stations).toEqual([]);
    expect(empty.team).toMatchObject({ stationCount: 0, checks: 0, days: [], totals: [], trends: [] });
  });
});

describe('kAnonymize', () => {
  const c = makeCheck(5, 'C', D1, { 'posture.upright': fail() });
  const more = [c, makeCheck(6, 'C', D1, { 'posture.upright': pass() }), makeCheck(7, 'C', D2, { 'posture.upright': pass() })];

  it('shows stations with at least k records and hides a lone small station entirely', () => {
    const anonymized = kAnonymize(summarizeRecords(checks, minutes));
    expect(anonymized.k).toBe(5);
    expect(anonymized.stations.map((s) => s.stationId)).toEqual(['A']);
    expect(anonymized.otherStations).toBeNull();
    expect(anonymized.suppressedStationCount).toBe(1);
    expect(anonymized.team.stationCount).toBe(2);
  });

  it("merges small stations into 'other stations' when the group reaches k from two stations", () => {
    const anonymized = kAnonymize(summarizeRecords([...checks, ...more], minutes), 5);
    expect(anonymized.stations.map((s) => s.stationId)).toEqual(['A']);
    const other = anonymized.otherStations!;
    expect([other.kind, other.stationId, other.stationCount, other.recordCount]).toEqual(['other', 'other stations', 2, 5]);
    expect(rule(other.totals, 'posture.upright')).toMatchObject({ checks: 4, pass: 3, fail: 1, passRate: 0.75, violationMinutes: 0.5 });
    expect(anonymized.suppressedStationCount).toBe(0);
  });

  it('applies any k, and refuses a k below 1', () => {
    const summary = summarizeRecords([...checks, ...more], minutes);
    expect(kAnonymize(summary, 1).stations).toHaveLength(3);
    expect(kAnonymize(summary, 6).stations).toHaveLength(0);
    expect(kAnonymize(summary, 6).otherStations?.stationCount).toBe(3);
    expect(() => kAnonymize(summary, 0)).toThrow(RangeError);
  });
});
