import { describe, expect, it } from 'vitest';
import { summarizeRecords } from '../summaries/summarize-records';
import { validateMinuteRecord } from '../summaries/validate-records';
import type { MinuteRecord } from '../summaries/records';
import { CONDUCT_RULE_IDS } from './conduct-rule';
import { EMPTY_COUNTER_SIGNALS, frameTimes, withSignals } from './conduct-test-streams';
import { minuteRecordFromAggregate } from './minute-record-from-aggregate';
import { MINUTE_MS, type MinuteAggregate, ShiftMonitor } from './shift-monitor';

/** 2026-03-10 09:00:00 UTC: records must be dated after 2020 and not in the future. */
const SHIFT_START_MS = Date.UTC(2026, 2, 10, 9, 0, 0);
const NOW_MS = SHIFT_START_MS + 86_400_000;

/** A shift of real epoch times with a 2-minute absence, a phone held 20 s across a minute's end, and a break. */
function runShift(): MinuteAggregate[] {
  const monitor = new ShiftMonitor();
  const aggregates: MinuteAggregate[] = [];
  // Whole ms, jittered, as the page's clock gives them.
  const times = frameTimes(SHIFT_START_MS + 10_000, SHIFT_START_MS + 330_000, 5, 0.3, 7).map(Math.round);
  let onBreak = false;
  for (const t of times) {
    const offset = t - SHIFT_START_MS;
    const away = (offset >= 30_000 && offset < 150_000) || (offset >= 250_000 && offset < 290_000);
    const phone = offset >= 170_000 && offset < 190_000;
    if (!onBreak && offset >= 245_000) {
      monitor.startBreak(t);
      onBreak = true;
    }
    if (onBreak && offset >= 295_000 && monitor.onBreak) monitor.endBreak(t);
    monitor.update(withSignals(t, away ? EMPTY_COUNTER_SIGNALS : phone ? { phoneInHand: true, phoneScore: 0.8 } : {}), t);
    aggregates.push(...monitor.drainMinuteAggregates(t));
  }
  aggregates.push(...monitor.endShift(times.at(-1)! + 100));
  return aggregates;
}

describe('minuteRecordFromAggregate', () => {
  const aggregates = runShift();
  const records = aggregates.map((aggregate) => minuteRecordFromAggregate('counter-3', aggregate));

  it('makes records the storage validator accepts, revisions included', () => {
    expect(records.length).toBeGreaterThan(6);
    for (const record of records) expect(validateMinuteRecord(record, { nowMs: NOW_MS })).toBeNull();
  });

  it('keeps each violation once, in the minute it started in, and leaves breaks out', () => {
    const latest = [...new Map(records.map((record) => [record.minuteStartMs, record])).values()];
    const events = latest.flatMap((record) => (record.events ?? []).map((event) => ({ ...event, minuteStartMs: record.minuteStartMs })));
    expect(events.map((event) => event.ruleId).sort()).toEqual(['conduct.at_post', 'conduct.no_phone']);
    for (const event of events) {
      expect(event.startMs - event.minuteStartMs).toBeGreaterThanOrEqual(0);
      expect(event.startMs - event.minuteStartMs).toBeLessThan(MINUTE_MS);
    }
    const absence = events.find((event) => event.ruleId === 'conduct.at_post')!;
    expect(absence.minuteStartMs).toBe(SHIFT_START_MS);
    expect(absence.endMs - absence.startMs).toBeGreaterThan(115_000);
    // The phone started in minute 2 and ended in minute 3: stored in minute 2 only.
    const phone = events.find((event) => event.ruleId === 'conduct.no_phone')!;
    expect(phone.minuteStartMs).toBe(SHIFT_START_MS + 2 * MINUTE_MS);
    expect(phone.endMs).toBeGreaterThan(SHIFT_START_MS + 3 * MINUTE_MS);
  });

  it('stores counts per conduct rule with fail time within the minute', () => {
    for (const record of records) {
      expect(Object.keys(record.rules).sort()).toEqual([...CONDUCT_RULE_IDS].sort());
      for (const counts of Object.values(record.rules)) {
        expect(Object.keys(counts).sort()).toEqual(['fail', 'failMs', 'pass', 'unknown']);
        expect(Number.isInteger(counts.failMs)).toBe(true);
      }
    }
  });

  it('feeds the supervisor summary: one absence and one phone event, absence minutes counted', () => {
    const latest: MinuteRecord[] = [...new Map(records.map((record) => [record.id, record])).values()];
    const summary = summarizeRecords([], latest);
    const totals = summary.team.totals;
    expect(totals.find((tally) => tally.ruleId === 'conduct.at_post')?.violationCount).toBe(1);
    expect(totals.find((tally) => tally.ruleId === 'conduct.no_phone')?.violationCount).toBe(1);
    // Absent for 120 s, failing from 60 s in: about a minute of violation.
    const atPostMs = totals.find((tally) => tally.ruleId === 'conduct.at_post')!.violationMs;
    expect(atPostMs).toBeGreaterThan(55_000);
    expect(atPostMs).toBeLessThan(65_000);
  });
});
