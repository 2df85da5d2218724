import type { Verdict } from '../rules/rule';
import { localDay } from './local-day';
import {
  type CheckRecord,
  type CheckVerdict,
  type MinuteEvent,
  type MinuteRecord,
  type MinuteRuleCounts,
  minuteRecordId,
  type StoredRuleId,
} from './records';

export interface CheckRecordInput {
  /** A random UUID (`crypto.randomUUID()`), made by the caller: core has no randomness. */
  readonly id: string;
  readonly stationId: string;
  readonly startedAtMs: number;
  readonly finishedAtMs: number;
  readonly verdicts: readonly Verdict[];
  /** Only when the user opted in. */
  readonly thumbnail?: Blob;
}

/**
 * A self-check record from the rules' verdicts: keeps status, measures and reason; drops thresholds and
 * confidence (they belong to the code version, not the person) and any non-finite measure.
 */
export function checkRecordFromVerdicts(input: CheckRecordInput): CheckRecord {
  const verdicts: Record<StoredRuleId, CheckVerdict> = {};
  for (const verdict of input.verdicts) {
    const measures: Record<string, number> = {};
    for (const [name, value] of Object.entries(verdict.evidence.measures)) {
      if (Number.isFinite(value)) measures[name] = value;
    }
    const reason = verdict.evidence.reason;
    verdicts[verdict.ruleId] = reason === undefined ? { status: verdict.status, measures } : { status: verdict.status, measures, reason };
  }
  return {
    id: input.id,
    version: 1,
    stationId: input.stationId,
    startedAtMs: input.startedAtMs,
    finishedAtMs: input.finishedAtMs,
    day: localDay(input.startedAtMs),
    verdicts,
    ...(input.thumbnail ? { thumbnail: input.thumbnail } : {}),
  };
}

/** A minute aggregate with its deterministic id and local day filled in. */
export function minuteRecord(
  stationId: string,
  minuteStartMs: number,
  rules: Readonly<Record<StoredRuleId, MinuteRuleCounts>>,
  events: readonly MinuteEvent[] = [],
): MinuteRecord {
  return {
    id: minuteRecordId(stationId, minuteStartMs),
    version: 1,
    stationId,
    minuteStartMs,
    day: localDay(minuteStartMs),
    rules,
    ...(events.length > 0 ? { events } : {}),
  };
}
