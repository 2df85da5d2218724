import { minuteRecord } from '../summaries/build-records';
import { MINUTE_MS, type MinuteEvent, type MinuteRecord, type MinuteRuleCounts } from '../summaries/records';
import { RECORD_LIMITS } from '../summaries/validate-records';
import type { MinuteAggregate } from './shift-monitor';

/** Other rules' counts and fail spans for the same minute (e.g. the posture rules during monitoring). */
export interface MinuteExtras {
  readonly rules: Readonly<Record<string, MinuteRuleCounts>>;
  readonly events: readonly { readonly ruleId: string; readonly startMs: number; readonly endMs: number }[];
}

const clampMinute = (value: number): number => Math.min(MINUTE_MS, Math.max(0, Math.round(value)));

/**
 * A shift minute as a stored `MinuteRecord`: frame counts and fail time per rule, and the minute's
 * violations (each in the minute it started in, as both `ShiftMonitor` and the record's validator have
 * it), with `extras` (other rules of the minute) merged in. Marked breaks are permitted absences, not
 * violations: they are left out (a stored event counts as a violation in the supervisor's summaries). Times are made whole ms as records require; the
 * aggregate's timestamps must be epoch ms.
 */
export function minuteRecordFromAggregate(stationId: string, aggregate: MinuteAggregate, extras?: MinuteExtras | null): MinuteRecord {
  const rules: Record<string, MinuteRuleCounts> = {};
  for (const [ruleId, counts] of [...Object.entries(extras?.rules ?? {}), ...Object.entries(aggregate.rules)]) {
    rules[ruleId] = { pass: counts.pass, fail: counts.fail, unknown: counts.unknown, failMs: clampMinute(counts.failMs) };
  }
  const spans = [...aggregate.events.filter((event) => event.kind === 'violation'), ...(extras?.events ?? [])];
  const events: MinuteEvent[] = spans
    .map((event) => {
      // Down for the start (it stays in its minute), up for the end.
      const startMs = Math.floor(event.startMs);
      return { ruleId: event.ruleId, startMs, endMs: Math.max(startMs, Math.ceil(event.endMs)) };
    })
    .sort((a, b) => a.startMs - b.startMs)
    // A minute stores a bounded number of events: the earliest are kept.
    .slice(0, RECORD_LIMITS.eventsPerMinuteMax);
  return minuteRecord(stationId, aggregate.minuteStartMs, rules, events);
}
