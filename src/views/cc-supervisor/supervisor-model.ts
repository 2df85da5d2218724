import { CONDUCT_RULES } from '../../core/conduct';
import { FRAME_RULES } from '../../core/rules';
import type { AnonymizedSummary } from '../../core/summaries/k-anonymize';
import { addDays, localDay } from '../../core/summaries/local-day';
import type { LocalDay } from '../../core/summaries/records';
import type { RuleTrendPoint, StationSummary } from '../../core/summaries/summarize-records';
import { type DaySeriesInput, MARKER_SHAPES, type MarkerShape } from './chart-geometry';

/**
 * What the supervisor view shows, worked out from summaries: labels, series and the words that describe
 * the charts. Pure (time comes in as `nowMs`).
 */

/** The default date range: this many days up to today, today included. */
export const DEFAULT_RANGE_DAYS = 30;

export interface DayRange {
  readonly fromDay: LocalDay;
  readonly toDay: LocalDay;
}

/** The last `days` local days up to the day of `nowMs`, both ends included. */
export function defaultDayRange(nowMs: number, days: number = DEFAULT_RANGE_DAYS): DayRange {
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`days must be a whole number of at least 1, got ${days}`);
  const toDay = localDay(nowMs);
  return { fromDay: addDays(toDay, -(days - 1)), toDay };
}

const RULE_TITLES: ReadonlyMap<string, string> = new Map(
  [...FRAME_RULES, ...CONDUCT_RULES].map((rule) => [rule.id, rule.title.en]),
);

/** A rule's English title; a rule this version does not know (a record from a later one) shows its id. */
export const ruleTitle = (ruleId: string): string => RULE_TITLES.get(ruleId) ?? ruleId;

/** 0..1 as a whole percentage; '–' for no data. */
export const formatPercent = (rate: number | null): string => (rate === null || !Number.isFinite(rate) ? '–' : `${Math.round(rate * 100)}%`);

/** A count with thousands separators: 120,000. */
export const formatCount = (count: number): string => count.toLocaleString('en-US');

/** Minutes with one decimal under 10, whole above. */
export const formatMinutes = (minutes: number): string =>
  !Number.isFinite(minutes) ? '–' : minutes < 10 ? String(Math.round(minutes * 10) / 10) : formatCount(Math.round(minutes));

/** What the trend chart plots per rule and day. */
export type TrendMetric = 'passRate' | 'violationMinutes';

export interface TrendMetricDefinition {
  /** The menu's words. */
  readonly label: string;
  /** The value axis's title, with its unit. */
  readonly axisLabel: string;
  /** Fixed top of the value axis; absent: fitted to the data. */
  readonly yMax?: number;
  /** The point's value in the axis's unit; null when the rule has no data that day. */
  readonly value: (point: RuleTrendPoint) => number | null;
  /** A value as words, for the chart's description and data table. */
  readonly format: (value: number | null) => string;
}

export const TREND_METRICS: Readonly<Record<TrendMetric, TrendMetricDefinition>> = Object.freeze({
  passRate: {
    label: 'Self-check pass rate',
    axisLabel: 'Self-check pass rate (%)',
    yMax: 100,
    value: (point) => (point.passRate === null ? null : point.passRate * 100),
    format: (value) => (value === null ? 'no checks' : `${Math.round(value)}%`),
  },
  violationMinutes: {
    label: 'Violation time',
    axisLabel: 'Violation time (minutes per day)',
    value: (point) => (point.postureMinutes > 0 || point.violationMs > 0 ? point.violationMinutes : null),
    format: (value) => (value === null ? 'not monitored' : `${formatMinutes(value)} min`),
  },
});

/** Colour, dash and marker of the n-th series: never colour alone. Colours hold 3:1 or more on white. */
export interface SeriesStyle {
  readonly color: string;
  /** SVG stroke-dasharray; '' for a solid line. */
  readonly dash: string;
  readonly marker: MarkerShape;
}

const SERIES_COLORS = ['#0b62a4', '#c2410c', '#047857', '#9d174d', '#6d28d9', '#854d0e', '#0f172a'] as const;
const SERIES_DASHES = ['', '8 4', '2 3', '10 3 2 3', '5 5', '1 4'] as const;

export function seriesStyle(index: number): SeriesStyle {
  return {
    color: SERIES_COLORS[index % SERIES_COLORS.length]!,
    dash: SERIES_DASHES[index % SERIES_DASHES.length]!,
    marker: MARKER_SHAPES[index % MARKER_SHAPES.length]!,
  };
}

/** Each rule's values over the group's days for `metric`, in the group's rule order. */
export function trendSeries(group: StationSummary, metric: TrendMetric): DaySeriesInput[] {
  const { value } = TREND_METRICS[metric];
  return group.trends.map((trend) => ({ id: trend.ruleId, values: trend.points.map((point) => ({ day: point.day, value: value(point) })) }));
}

/** Whether a series has anything to draw. */
export const hasValues = (series: DaySeriesInput): boolean => series.values.some((point) => point.value !== null);

/**
 * The trend chart in words, for its aria-label: the metric, the range, and per rule its first and last
 * values and average (the mean of the days shown), or that it has no data.
 */
export function describeTrend(series: readonly DaySeriesInput[], metric: TrendMetric, range: DayRange): string {
  const definition = TREND_METRICS[metric];
  const parts = series.map((one) => {
    const values = one.values.filter((point): point is { day: LocalDay; value: number } => point.value !== null);
    const title = ruleTitle(one.id);
    if (values.length === 0) return `${title}: no data`;
    const first = values[0]!;
    const last = values[values.length - 1]!;
    const mean = values.reduce((sum, point) => sum + point.value, 0) / values.length;
    if (values.length === 1) return `${title}: ${definition.format(first.value)} on ${first.day}`;
    return `${title}: ${definition.format(first.value)} on ${first.day} to ${definition.format(last.value)} on ${last.day}, daily average ${definition.format(mean)}`;
  });
  const rules = series.length === 1 ? '1 rule' : `${series.length} rules`;
  return `Line chart of ${definition.label.toLowerCase()} per day, ${range.fromDay} to ${range.toDay}, ${rules}. ${parts.join('; ')}.`;
}

/** The bar chart in words, for its aria-label. */
export function describePassRates(group: StationSummary, range: DayRange): string {
  const parts = group.totals.map((tally) =>
    tally.passRate === null
      ? `${ruleTitle(tally.ruleId)}: no self-checks measured it`
      : `${ruleTitle(tally.ruleId)}: ${formatPercent(tally.passRate)} of ${tally.pass + tally.fail} measured self-checks`,
  );
  return `Bar chart of self-check pass rate per rule, ${range.fromDay} to ${range.toDay}. ${parts.join('; ')}.`;
}

/** The groups a CSV publishes: the team, then every station shown on its own, then the merged small ones. */
export const publishedGroups = (summary: AnonymizedSummary): StationSummary[] => [
  summary.team,
  ...summary.stations,
  ...(summary.otherStations ? [summary.otherStations] : []),
];

/** Why some stations are not shown on their own; null when every station is. */
export function hiddenStationsNote(summary: AnonymizedSummary): string | null {
  const merged = summary.otherStations?.stationCount ?? 0;
  const suppressed = summary.suppressedStationCount;
  const stations = (count: number) => (count === 1 ? '1 station' : `${count} stations`);
  const why = `fewer than ${summary.k} records in this range, so showing ${merged + suppressed === 1 ? 'it' : 'them'} alone could single out one person`;
  if (merged > 0) return `${stations(merged)} with ${why}: they are shown together as "other stations" and counted in the team totals.`;
  if (suppressed > 0) return `${stations(suppressed)} with ${why}: not shown on ${suppressed === 1 ? 'its' : 'their'} own, only counted in the team totals.`;
  return null;
}

/** Pass rate over every rule's measured self-check verdicts in the group; null when none was measured. */
export function overallPassRate(group: StationSummary): number | null {
  let pass = 0;
  let measured = 0;
  for (const tally of group.totals) {
    pass += tally.pass;
    measured += tally.pass + tally.fail;
  }
  return measured > 0 ? pass / measured : null;
}

/** Violation minutes over every rule in the group. */
export const totalViolationMinutes = (group: StationSummary): number =>
  group.totals.reduce((sum, tally) => sum + tally.violationMinutes, 0);
