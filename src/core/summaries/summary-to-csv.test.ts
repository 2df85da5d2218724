import { describe, expect, it } from 'vitest';
import { summarizeRecords } from './summarize-records';
import { csvDocument, csvField, neutralizeFormula, summaryToCsv } from './summary-to-csv';
import { counts, fail, makeCheck, makeMinute, pass } from './test-records';

describe('csvField (RFC 4180)', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['line1\nline2', '"line1\nline2"'],
    ['cr\r', '"cr\r"'],
    ['', ''],
  ])('writes %j as %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it('writes numbers rounded to 4 places, null and non-finite as empty', () => {
    expect(csvField(2 / 3)).toBe('0.6667');
    expect(csvField(12)).toBe('12');
    expect(csvField(null)).toBe('');
    expect(csvField(Number.NaN)).toBe('');
  });

  it('ends every row with CRLF', () => {
    expect(csvDocument([['a', 1], ['b,c', null]])).toBe('a,1\r\n"b,c",\r\n');
  });

  it('defuses spreadsheet formulas', () => {
    expect(neutralizeFormula('=1+1')).toBe("'=1+1");
    expect(neutralizeFormula('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(neutralizeFormula('counter-1')).toBe('counter-1');
  });
});

describe('summaryToCsv', () => {
  const summary = summarizeRecords(
    [
      makeCheck(1, 'Counter "A", east', '2026-03-09', { 'posture.upright': pass(), 'dress.badge_visible': fail() }),
      makeCheck(2, 'Counter "A", east', '2026-03-09', { 'posture.upright': fail() }),
      makeCheck(3, '=HYPERLINK("x")', '2026-03-10', { 'posture.upright': pass() }),
    ],
    [makeMinute('Counter "A", east', '2026-03-09', 9, 0, { 'posture.upright': counts(450, 450, 0, 15_000) })],
  );

  it('writes a header and one row per station, day and rule, quoting and defusing station ids', () => {
    expect(summaryToCsv(summary.stations).split('\r\n')).toEqual([
      'stationId,day,ruleId,checks,pass,fail,unknown,passRate,postureMinutes,violationMinutes',
      `"'=HYPERLINK(""x"")",2026-03-10,posture.upright,1,1,0,0,1,0,0`,
      '"Counter ""A"", east",2026-03-09,dress.badge_visible,1,0,1,0,0,0,0',
      '"Counter ""A"", east",2026-03-09,posture.upright,2,1,1,0,0.5,1,0.25',
      '',
    ]);
  });
});
