import { type MinuteDayRollup, rollupMinutes } from './minute-rollup';
import type { CheckRecord, LocalDay, MinuteRecord, StoredRuleId } from './records';
import { MINUTE_MS } from './records';

/**
 * Supervisor summaries from self-check and minute records. Pure; every list comes out sorted (stations,
 * days and rules by id) so equal inputs give equal summaries whatever order the records were read in.
 */

/** One rule's counts over a group of records (a station's day, a station's range, a team's day...). */
export interface RuleTally {
  readonly ruleId: StoredRuleId;
  /** Self-checks that checked the rule (status not 'off'). */
  readonly checks: number;
  readonly pass: number;
  readonly fail: number;
  /** Self-checks where the rule could not be measured: counted apart, never as a pass or a fail. */
  readonly unknown: number;
  /** pass / (pass + fail) over the self-checks, 0..1; null when no check measured the rule. */
  readonly passRate: number | null;
  /** Monitored minutes in which the rule measured at least one frame (pass or fail). */
  readonly postureMinutes: number;
  /** Frame counts over the monitored minutes. */
  readonly passFrames: number;
  readonly failFrames: number;
  readonly unknownFrames: number;
  /** Time in violation over the monitored minutes (the minutes' `failMs`), ms. */
  readonly violationMs: number;
  /** `violationMs` in minutes. */
  readonly violationMinutes: number;
  /** Violation spans (minute `events`) that started in the group, each counted once. */
  readonly violationCount: number;
}

/** A group's records on one local day. */
export interface DaySummary {
  readonly day: LocalDay;
  /** Self-checks that day. */
  readonly checks: number;
  /** Minute records that day (minutes monitored). */
  readonly monitoredMinutes: number;
  readonly rules: readonly RuleTally[];
}

export type RuleTrendPoint = Omit<RuleTally, 'ruleId'> & { readonly day: LocalDay };

/** One rule over the group's days, oldest first; a day without data for the rule has zero counts. */
export interface RuleTrend {
  readonly ruleId: StoredRuleId;
  readonly points: readonly RuleTrendPoint[];
}

/** What a summary row stands for: one station, the stations merged by `kAnonymize`, or the whole team. */
export type StationSummaryKind = 'station' | 'other' | 'team';

/** Label of the merged small stations (`kAnonymize`) and of the whole team; no station may use them. */
export const OTHER_STATIONS_LABEL = 'other stations';
export const TEAM_LABEL = 'all stations';
export const RESERVED_STATION_LABELS: ReadonlySet<string> = new Set([OTHER_STATIONS_LABEL, TEAM_LABEL]);

/** A station's records (or a group of stations') over the summarized range. */
export interface StationSummary {
  readonly kind: StationSummaryKind;
  /** The station's pseudonym, or `OTHER_STATIONS_LABEL` / `TEAM_LABEL`. */
  readonly stationId: string;
  /** Stations in the group: 1 for a station. */
  readonly stationCount: number;
  readonly checks: number;
  readonly monitoredMinutes: number;
  /** `checks + monitoredMinutes`: the records behind the group (what `kAnonymize` counts). */
  readonly recordCount: number;
  readonly days: readonly DaySummary[];
  /** Per rule over all the days. */
  readonly totals: readonly RuleTally[];
  readonly trends: readonly RuleTrend[];
}

export interface SupervisorSummary {
  /** One per station, by station id. */
  readonly stations: readonly StationSummary[];
  /** Every station together. */
  readonly team: StationSummary;
}

interface MutableTally {
  checks: number;
  pass: number;
  fail: number;
  unknown: number;
  postureMinutes: number;
  passFrames: number;
  failFrames: number;
  unknownFrames: number;
  violationMs: number;
  violationCount: number;
}

const emptyTally = (): MutableTally => ({
  checks: 0,
  pass: 0,
  fail: 0,
  unknown: 0,
  postureMinutes: 0,
  passFrames: 0,
  failFrames: 0,
  unknownFrames: 0,
  violationMs: 0,
  violationCount: 0,
});

const finishTally = (ruleId: StoredRuleId, tally: MutableTally): RuleTally => ({
  ruleId,
  ...tally,
  passRate: tally.pass + tally.fail > 0 ? tally.pass / (tally.pass + tally.fail) : null,
  violationMinutes: tally.violationMs / MINUTE_MS,
});

const addTally = (into: MutableTally, from: Omit<RuleTally, 'ruleId'>): void => {
  into.checks += from.checks;
  into.pass += from.pass;
  into.fail += from.fail;
  into.unknown += from.unknown;
  into.postureMinutes += from.postureMinutes;
  into.passFrames += from.passFrames;
  into.failFrames += from.failFrames;
  into.unknownFrames += from.unknownFrames;
  into.violationMs += from.violationMs;
  into.violationCount += from.violationCount;
};

const byKey = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** A Map's value for `key`, created by `make` on first use. */
function upsert<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}

interface DayAccumulator {
  checks: number;
  monitoredMinutes: number;
  rules: Map<StoredRuleId, MutableTally>;
}

const finishDay = (day: LocalDay, accumulator: DayAccumulator): DaySummary => ({
  day,
  checks: accumulator.checks,
  monitoredMinutes: accumulator.monitoredMinutes,
  rules: [...accumulator.rules.entries()].sort(([a], [b]) => byKey(a, b)).map(([ruleId, tally]) => finishTally(ruleId, tally)),
});

/** Sums day summaries that share a day (several stations' days into a team's). */
function mergeDays(days: readonly DaySummary[]): DaySummary[] {
  const merged = new Map<LocalDay, { checks: number; monitoredMinutes: number; rules: Map<StoredRuleId, MutableTally> }>();
  for (const day of days) {
    const into = upsert(merged, day.day, () => ({ checks: 0, monitoredMinutes: 0, rules: new Map() }));
    into.checks += day.checks;
    into.monitoredMinutes += day.monitoredMinutes;
    for (const tally of day.rules) addTally(upsert(into.rules, tally.ruleId, emptyTally), tally);
  }
  return [...merged.entries()]
    .sort(([a], [b]) => byKey(a, b))
    .map(([day, value]) => finishDay(day, value));
}

/** Per rule over the days, and each rule's trend across them. */
function groupSummary(
  kind: StationSummaryKind,
  stationId: string,
  stationCount: number,
  days: readonly DaySummary[],
): StationSummary {
  const totals = new Map<StoredRuleId, MutableTally>();
  let checks = 0;
  let monitoredMinutes = 0;
  for (const day of days) {
    checks += day.checks;
    monitoredMinutes += day.monitoredMinutes;
    for (const tally of day.rules) addTally(upsert(totals, tally.ruleId, emptyTally), tally);
  }
  const ruleIds = [...totals.keys()].sort(byKey);
  const trends = ruleIds.map((ruleId) => ({
    ruleId,
    points: days.map((day) => {
      const { ruleId: _omit, ...tally } = day.rules.find((candidate) => candidate.ruleId === ruleId) ?? finishTally(ruleId, emptyTally());
      return { day: day.day, ...tally };
    }),
  }));
  return {
    kind,
    stationId,
    stationCount,
    checks,
    monitoredMinutes,
    recordCount: checks + monitoredMinutes,
    days,
    totals: ruleIds.map((ruleId) => finishTally(ruleId, totals.get(ruleId)!)),
    trends,
  };
}

/**
 * Merges station summaries into one group (`kind` 'other' or 'team'), summing counts day by day and
 * recomputing the rates. Stations with no records still count in `stationCount`.
 */
export function mergeStationSummaries(
  kind: Exclude<StationSummaryKind, 'station'>,
  stations: readonly StationSummary[],
): StationSummary {
  const label = kind === 'team' ? TEAM_LABEL : OTHER_STATIONS_LABEL;
  const stationCount = stations.reduce((sum, station) => sum + station.stationCount, 0);
  return groupSummary(kind, label, stationCount, mergeDays(stations.flatMap((station) => station.days)));
}

/**
 * Per station and day: the self-checks' pass, fail and unknown counts per rule (and pass rate), and from
 * the minute aggregates the posture minutes, violation time and violation count per rule; per rule
 * totals and trends over the days; and the same for the whole team. The records are trusted to be
 * valid (`validate-records.ts`): storage and import filter them first. `rollups` stand for minutes
 * already added up per station and day (`rollupMinutes`); they must not cover the same station-days as `minutes`.
 */
export function summarizeRecords(
  checks: readonly CheckRecord[],
  minutes: readonly MinuteRecord[],
  rollups: readonly MinuteDayRollup[] = [],
): SupervisorSummary {
  const stations = new Map<string, Map<LocalDay, DayAccumulator>>();
  const dayOf = (stationId: string, day: LocalDay): DayAccumulator =>
    upsert(upsert(stations, stationId, () => new Map()), day, () => ({
      checks: 0,
      monitoredMinutes: 0,
      rules: new Map(),
    }));

  for (const check of checks) {
    const day = dayOf(check.stationId, check.day);
    day.checks += 1;
    for (const [ruleId, verdict] of Object.entries(check.verdicts)) {
      const tally = upsert(day.rules, ruleId, emptyTally);
      if (verdict.status === 'off') continue;
      tally.checks += 1;
      tally[verdict.status] += 1;
    }
  }

  // Raw minutes are added up per station and day exactly as the stored rollups were.
  for (const rollup of [...rollupMinutes(minutes), ...rollups]) {
    if (rollup.monitoredMinutes === 0 && Object.keys(rollup.rules).length === 0) continue; // only corrupt records that day
    const day = dayOf(rollup.stationId, rollup.day);
    day.monitoredMinutes += rollup.monitoredMinutes;
    for (const [ruleId, counts] of Object.entries(rollup.rules)) {
      const tally = upsert(day.rules, ruleId, emptyTally);
      tally.postureMinutes += counts.postureMinutes;
      tally.passFrames += counts.passFrames;
      tally.failFrames += counts.failFrames;
      tally.unknownFrames += counts.unknownFrames;
      tally.violationMs += counts.violationMs;
      tally.violationCount += counts.violationCount;
    }
  }

  const stationSummaries = [...stations.entries()]
    .sort(([a], [b]) => byKey(a, b))
    .map(([stationId, days]) =>
      groupSummary(
        'station',
        stationId,
        1,
        [...days.entries()].sort(([a], [b]) => byKey(a, b)).map(([day, accumulator]) => finishDay(day, accumulator)),
      ),
    );
  return { stations: stationSummaries, team: mergeStationSummaries('team', stationSummaries) };
}
