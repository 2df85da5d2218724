import type { StationSummary } from './summarize-records';

export const CSV_COLUMNS = Object.freeze([
  'stationId',
  'day',
  'ruleId',
  'checks',
  'pass',
  'fail',
  'unknown',
  'passRate',
  'postureMinutes',
  'violationMinutes',
] as const);

/** Decimal places kept for rates and minutes. */
const CSV_DECIMALS = 4;

/**
 * One CSV field (RFC 4180): a number as written (empty for null or non-finite), a string quoted when it
 * holds a comma, a double quote, CR or LF, with its quotes doubled.
 */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(Number(value.toFixed(CSV_DECIMALS))) : '';
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * Text a spreadsheet would run as a formula (starting with =, +, -, @, tab or CR) gets a leading
 * apostrophe, so an exported station name can never execute in the supervisor's spreadsheet.
 */
export const neutralizeFormula = (text: string): string => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

/** Rows joined with CRLF, each ending with CRLF (RFC 4180). */
export const csvDocument = (rows: readonly (readonly (string | number | null)[])[]): string =>
  rows.map((row) => `${row.map(csvField).join(',')}\r\n`).join('');

/**
 * The summary as CSV: a header, then one row per station, day and rule (`CSV_COLUMNS`). Pass the
 * stations to publish: `summary.stations`, or an anonymized summary's stations and other-stations group.
 */
export function summaryToCsv(groups: readonly StationSummary[]): string {
  const rows: (string | number | null)[][] = [[...CSV_COLUMNS]];
  for (const group of groups) {
    for (const day of group.days) {
      for (const tally of day.rules) {
        rows.push([
          neutralizeFormula(group.stationId),
          day.day,
          tally.ruleId,
          tally.checks,
          tally.pass,
          tally.fail,
          tally.unknown,
          tally.passRate,
          tally.postureMinutes,
          tally.violationMinutes,
        ]);
      }
    }
  }
  return csvDocument(rows);
}
