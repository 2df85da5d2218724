import type { LocalDay, MinuteRecord, StoredRuleId } from './records';

/**
 * One station's monitored minutes of one local day, added up: the one place minutes are summed (the
 * supervisor summary sums raw minutes through it too), and a cache that lets the supervisor view read a
 * year as a few hundred day rollups instead of 100 000+ minutes.
 * Exact: a station's day is the unit `summarizeRecords` counts violation events in, so summarizing the
 * rollups gives what summarizing the minutes gives.
 */
export interface MinuteRuleRollup {
  /** Minutes in which the rule measured at least one frame (pass or fail). */
  readonly postureMinutes: number;
  readonly passFrames: number;
  readonly failFrames: number;
  readonly unknownFrames: number;
  readonly violationMs: number;
  /** Violation events that started that day, each counted once. */
  readonly violationCount: number;
}

export interface MinuteDayRollup {
  /** `${stationId}:${day}` (`minuteRollupId`). */
  readonly id: string;
  readonly version: 1;
  readonly stationId: string;
  readonly day: LocalDay;
  /** Valid minute records summed. */
  readonly monitoredMinutes: number;
  /** Stored minute records of that station and day that were not valid, left out (and reported). */
  readonly corrupt: number;
  readonly rules: Readonly<Record<StoredRuleId, MinuteRuleRollup>>;
}

export const minuteRollupId = (stationId: string, day: LocalDay): string => `${stationId}:${day}`;

type MutableRuleRollup = { -readonly [K in keyof MinuteRuleRollup]: MinuteRuleRollup[K] };

/**
 * The rollups of valid minute records, one per station and day, sorted by id. `corrupt` counts, per
 * station-day key, stored records that failed validation (known by their key only).
 */
export function rollupMinutes(
  minutes: readonly MinuteRecord[],
  corrupt: ReadonlyMap<string, number> = new Map(),
): MinuteDayRollup[] {
  const days = new Map<string, { stationId: string; day: LocalDay; monitoredMinutes: number; rules: Map<string, MutableRuleRollup>; events: Map<string, Set<number>> }>();
  const dayOf = (stationId: string, day: LocalDay) => {
    const id = minuteRollupId(stationId, day);
    let entry = days.get(id);
    if (!entry) {
      entry = { stationId, day, monitoredMinutes: 0, rules: new Map(), events: new Map() };
      days.set(id, entry);
    }
    return entry;
  };
  const ruleOf = (rules: Map<string, MutableRuleRollup>, ruleId: string): MutableRuleRollup => {
    let rule = rules.get(ruleId);
    if (!rule) {
      rule = { postureMinutes: 0, passFrames: 0, failFrames: 0, unknownFrames: 0, violationMs: 0, violationCount: 0 };
      rules.set(ruleId, rule);
    }
    return rule;
  };
  for (const minute of minutes) {
    const day = dayOf(minute.stationId, minute.day);
    day.monitoredMinutes += 1;
    for (const [ruleId, counts] of Object.entries(minute.rules)) {
      const rule = ruleOf(day.rules, ruleId);
      if (counts.pass + counts.fail > 0) rule.postureMinutes += 1;
      rule.passFrames += counts.pass;
      rule.failFrames += counts.fail;
      rule.unknownFrames += counts.unknown;
      rule.violationMs += counts.failMs;
    }
    for (const event of minute.events ?? []) {
      let seen = day.events.get(event.ruleId);
      if (!seen) {
        seen = new Set();
        day.events.set(event.ruleId, seen);
      }
      if (seen.has(event.startMs)) continue;
      seen.add(event.startMs);
      ruleOf(day.rules, event.ruleId).violationCount += 1;
    }
  }
  for (const key of corrupt.keys()) {
    const [stationId, day] = splitRollupId(key);
    dayOf(stationId, day);
  }
  return [...days.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([id, entry]) => ({
      id,
      version: 1 as const,
      stationId: entry.stationId,
      day: entry.day,
      monitoredMinutes: entry.monitoredMinutes,
      corrupt: corrupt.get(id) ?? 0,
      rules: Object.fromEntries([...entry.rules.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    }));
}

/** Station id and day of a rollup id (the day is the last 10 characters; station ids may hold ':'). */
export function splitRollupId(id: string): [string, LocalDay] {
  return [id.slice(0, -11), id.slice(-10)];
}

const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;
const RULE_FIELDS = ['postureMinutes', 'passFrames', 'failFrames', 'unknownFrames', 'violationMs', 'violationCount'] as const;

/** A stored rollup that can be trusted; anything else is recomputed from the minutes. */
export function isMinuteDayRollup(value: unknown): value is MinuteDayRollup {
  if (typeof value !== 'object' || value === null) return false;
  const rollup = value as Record<string, unknown>;
  if (rollup.version !== 1 || typeof rollup.stationId !== 'string' || typeof rollup.day !== 'string') return false;
  if (rollup.id !== minuteRollupId(rollup.stationId, rollup.day)) return false;
  if (!isCount(rollup.monitoredMinutes) || !isCount(rollup.corrupt)) return false;
  if (typeof rollup.rules !== 'object' || rollup.rules === null) return false;
  return Object.values(rollup.rules).every(
    (rule) => typeof rule === 'object' && rule !== null && RULE_FIELDS.every((field) => isCount((rule as Record<string, unknown>)[field])),
  );
}
