import { describe, expect, it } from 'vitest';
import { buildExportFile, ImportFileError, parseExportFile, serializeExportFile } from './export-file';
import { DAY_MS } from './records';
import { counts, makeCheck, makeMinute, pass, TEST_NOW_MS } from './test-records';

const opts = { nowMs: TEST_NOW_MS };
const check = makeCheck(1, 'counter-1', '2026-03-10', { 'posture.upright': pass({ headFromVerticalDeg: 10 }) });
const minute = makeMinute('counter-1', '2026-03-10', 9, 0, { 'posture.upright': counts(900, 0, 0, 0) });
const file = buildExportFile([check], [minute], TEST_NOW_MS);
const json = serializeExportFile(file);

/** The file with its records replaced. */
const fileWith = (checks: readonly unknown[], minutes: readonly unknown[] = []): string =>
  JSON.stringify({ ...file, checks, minutes });

const problemOf = (text: string, maxBytes?: number): string => {
  try {
    parseExportFile(text, maxBytes === undefined ? opts : { ...opts, maxBytes });
  } catch (error) {
    expect(error).toBeInstanceOf(ImportFileError);
    return (error as Error).message;
  }
  throw new Error('expected the file to be refused');
};

describe('buildExportFile', () => {
  it('writes the format header and drops thumbnails', () => {
    const withThumbnail = { ...check, thumbnail: new Blob([new Uint8Array(10)], { type: 'image/jpeg' }) };
    const exported = buildExportFile([withThumbnail], [], TEST_NOW_MS);
    expect(exported).toMatchObject({ format: 'countercheck-export', version: 1, exportedAtMs: TEST_NOW_MS });
    expect(exported.checks[0]).toEqual(check);
    expect('thumbnail' in exported.checks[0]!).toBe(false);
    expect(withThumbnail.thumbnail).toBeInstanceOf(Blob);
  });
});

describe('parseExportFile', () => {
  it('reads back what was exported', () => {
    expect(parseExportFile(json, opts)).toEqual({ exportedAtMs: TEST_NOW_MS, checks: [check], minutes: [minute], invalid: [] });
  });

  it.each([
    ['empty', '  ', 'The file is empty.'],
    ['truncated', json.slice(0, json.length - 10), 'cut off (truncated)'],
    ['not JSON', 'checks,minutes\n1,2', 'not valid JSON'],
    ['a JSON list', '[]', 'not a CounterCheck export'],
    ['another format', JSON.stringify({ ...file, format: 'other-app' }), 'format is not "countercheck-export"'],
    ['another version', JSON.stringify({ ...file, version: 2 }), 'export version 2; this app reads version 1'],
    ['a top-level __proto__', `{"__proto__":{"isAdmin":true},${json.slice(1)}`, 'forbidden key "__proto__"'],
    ['a top-level constructor', `{"constructor":{},${json.slice(1)}`, 'forbidden key "constructor"'],
    ['an unknown field', JSON.stringify({ ...file, names: ['Alice'] }), 'unknown field "names"'],
    ['a future export date', JSON.stringify({ ...file, exportedAtMs: TEST_NOW_MS + 10 * DAY_MS }), 'no valid export date'],
    ['no checks list', JSON.stringify({ ...file, checks: {} }), 'no list of checks'],
  ])('refuses a file that is %s, naming the problem', (_name, text, problem) => {
    expect(problemOf(text)).toContain(problem);
  });

  it('refuses an oversized file before parsing it', () => {
    expect(problemOf(json, 100)).toMatch(/too large .*limit is 0\.0 MB/);
    const big = fileWith(Array.from({ length: 20_000 }, () => check));
    expect(big.length).toBeGreaterThan(1024 * 1024);
    expect(problemOf(big, 1024 * 1024)).toContain('The file is too large (');
    // Multi-byte text is measured in UTF-8 bytes, not characters.
    expect(problemOf(`"${'é'.repeat(600)}"`, 1000)).toContain('too large');
  });

  it('reports each invalid record with its index and reason, keeping the valid ones apart', () => {
    const hostileCheck = JSON.parse(JSON.stringify(check).replace('"verdicts":{', '"verdicts":{"__proto__":{"x":1},'));
    const parsed = parseExportFile(
      fileWith(
        [
          check,
          { ...check, id: '00000000-0000-4000-8000-000000000002', startedAtMs: Date.UTC(2099, 0, 1), day: '2099-01-01', finishedAtMs: Date.UTC(2099, 0, 1) },
          hostileCheck,
          { ...check, verdicts: { 'posture.upright': { status: 'pass', measures: { headFromVerticalDeg: 1e300 } } } },
          check,
        ],
        [{ ...minute, rules: { 'posture.upright': counts(900, 0, 0, 1e9) } }, minute],
      ),
      opts,
    );
    expect(parsed.invalid).toEqual([
      { collection: 'checks', index: 1, reason: expect.stringContaining('startedAtMs: a date in the future') },
      { collection: 'checks', index: 2, reason: 'verdicts: forbidden key "__proto__"' },
      { collection: 'checks', index: 3, reason: expect.stringContaining('headFromVerticalDeg: 1e+300 is out of range') },
      { collection: 'checks', index: 4, reason: 'id: the same id as checks[0]' },
      { collection: 'minutes', index: 0, reason: expect.stringContaining('failMs: 1000000000 is out of range') },
    ]);
    expect(parsed.checks).toEqual([check]);
    expect(parsed.minutes).toEqual([minute]);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('keeps HTML in strings as plain text', () => {
    const html = '<script>alert("x")</script>';
    const hostile = { ...check, stationId: html, verdicts: { 'posture.upright': { status: 'fail', measures: {}, reason: '<b>bold</b>' } } };
    const parsed = parseExportFile(fileWith([hostile]), opts);
    expect(parsed.invalid).toEqual([]);
    expect(parsed.checks[0]!.stationId).toBe(html);
    expect(parsed.checks[0]!.verdicts['posture.upright']!.reason).toBe('<b>bold</b>');
  });
});
