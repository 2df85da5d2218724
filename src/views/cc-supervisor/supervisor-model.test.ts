import { describe, expect, it } from 'vitest';
import { kAnonymize } from '../../core/summaries/k-anonymize';
import { summarizeRecords, TEAM_LABEL } from '../../core/summaries/summarize-records';
import { atLocal, counts, fail, makeCheck, makeMinute, pass } from '../../core/summaries/test-records';
import {
  defaultDayRange,
  describePassRates,
  describeTrend,
  formatCount,
  formatMinutes,
  formatPercent,
  hasValues,
  hiddenStationsNote,
  overallPassRate,
  publishedGroups,
  ruleTitle,
  seriesStyle,
  totalViolationMinutes,
  trendSeries,
} from './supervisor-model';

const D1 = '2026-03-09';
const D2 = '2026-03-10';
const summary = summarizeRecords(
  [
    makeCheck(1, 'A', D1, { 'posture.upright': pass(), 'posture.no_lying_on_counter': pass() }),
    makeCheck(2, 'A', D2, { 'posture.upright': fail(), 'posture.no_lying_on_counter': pass() }),
    makeCheck(3, 'B', D2, { 'posture.upright': pass() }),
  ],
  [makeMinute('A', D1, 9, 0, { 'posture.upright': counts(450, 450, 0, 30_000) })],
);
const range = { fromDay: D1, toDay: D2 };

describe('defaultDayRange', () => {
  it('is the last 30 local days, today included', () => {
    expect(defaultDayRange(atLocal('2026-03-31', 12))).toEqual({ fromDay: '2026-03-02', toDay: '2026-03-31' });
    expect(defaultDayRange(atLocal('2026-03-01', 0, 1), 1)).toEqual({ fromDay: '2026-03-01', toDay: '2026-03-01' });
    expect(() => defaultDayRange(0, 0)).toThrow(RangeError);
  });
});

describe('labels', () => {
  it('names known rules and shows unknown ids as they are', () => {
    expect(ruleTitle('posture.upright')).toBe('Sit upright');
    expect(ruleTitle('dress.no_sunglasses')).toBe('No sunglasses or tinted glasses');
    expect(ruleTitle('conduct.smile')).toMatch(/smile/i);
    expect(ruleTitle('future.rule')).toBe('future.rule');
  });

  it('formats rates and minutes', () => {
    expect(formatPercent(null)).toBe('–');
    expect(formatPercent(0.666)).toBe('67%');
    expect(formatMinutes(2.25)).toBe('2.3');
    expect(formatMinutes(12.6)).toBe('13');
    expect(formatMinutes(8608.4)).toBe('8,608');
    expect(formatCount(120000)).toBe('120,000');
  });

  it('gives each series a distinct colour, dash and marker', () => {
    const styles = [0, 1, 2, 3, 4].map(seriesStyle);
    expect(new Set(styles.map((s) => s.color)).size).toBe(5);
    expect(new Set(styles.map((s) => s.dash)).size).toBe(5);
    expect(new Set(styles.map((s) => s.marker)).size).toBe(5);
  });
});

describe('trend series and descriptions', () => {
  it('turns a group into one series per rule, in percent, null where not measured', () => {
    const series = trendSeries(summary.team, 'passRate');
    expect(series.map((s) => s.id)).toEqual(['posture.no_lying_on_counter', 'posture.upright']);
    expect(series[1]!.values).toEqual([
      { day: D1, value: 100 },
      { day: D2, value: 50 },
    ]);
    const minutes = trendSeries(summary.team, 'violationMinutes');
    expect(minutes[1]!.values).toEqual([
      { day: D1, value: 0.5 },
      { day: D2, value: null },
    ]);
    expect(hasValues(minutes[0]!)).toBe(false);
  });

  it('describes the trend chart with every rule', () => {
    const text = describeTrend(trendSeries(summary.team, 'passRate'), 'passRate', range);
    expect(text).toBe(
      'Line chart of self-check pass rate per day, 2026-03-09 to 2026-03-10, 2 rules. ' +
        'Do not lie on the counter: 100% on 2026-03-09 to 100% on 2026-03-10, daily average 100%; ' +
        'Sit upright: 100% on 2026-03-09 to 50% on 2026-03-10, daily average 75%.',
    );
    expect(describeTrend(trendSeries(summary.team, 'violationMinutes'), 'violationMinutes', range)).toContain(
      'Do not lie on the counter: no data; Sit upright: 0.5 min on 2026-03-09',
    );
  });

  it('describes the bar chart', () => {
    expect(describePassRates(summary.team, range)).toBe(
      'Bar chart of self-check pass rate per rule, 2026-03-09 to 2026-03-10. ' +
        'Do not lie on the counter: 100% of 2 measured self-checks; Sit upright: 67% of 3 measured self-checks.',
    );
  });
});

describe('anonymity', () => {
  it('publishes the team, the stations shown and the merged small ones', () => {
    const anonymized = kAnonymize(summary, 2);
    expect(publishedGroups(anonymized).map((g) => g.stationId)).toEqual([TEAM_LABEL, 'A']);
    expect(hiddenStationsNote(anonymized)).toBe(
      '1 station with fewer than 2 records in this range, so showing it alone could single out one person: not shown on its own, only counted in the team totals.',
    );
    expect(hiddenStationsNote(kAnonymize(summary, 1))).toBeNull();
  });

  it('says when small stations are merged', () => {
    const anonymized = kAnonymize(summary, 10);
    // A (3 records) and B (1) are both under 10, and together still under 10: suppressed.
    expect(anonymized.otherStations).toBeNull();
    expect(hiddenStationsNote(anonymized)).toMatch(/^2 stations with fewer than 10 records .* not shown on their own/);
    const merged = kAnonymize(summary, 4);
    expect(merged.otherStations?.stationCount).toBe(2);
    expect(hiddenStationsNote(merged)).toMatch(/^2 stations .* shown together as "other stations"/);
  });
});

describe('group totals', () => {
  it('sums pass rate and violation time over the rules', () => {
    // upright: 2 pass of 3; lying: 2 pass of 2.
    expect(overallPassRate(summary.team)).toBeCloseTo(4 / 5, 12);
    expect(totalViolationMinutes(summary.team)).toBeCloseTo(0.5, 12);
    expect(overallPassRate(summarizeRecords([], []).team)).toBeNull();
  });
});
