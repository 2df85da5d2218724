import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { deleteDB, type IDBPDatabase } from 'idb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExportFile, ImportFileError, serializeExportFile } from '../core/summaries/export-file';
import { counts, makeCheck, makeMinute, pass, TEST_NOW_MS } from '../core/summaries/test-records';
import { importData } from './data-transfer';
import { type CounterCheckDB, openCounterCheckDB } from './db';

/**
 * Property-based, against IndexedDB (fake-indexeddb): an import is all or nothing. Whatever one value of a
 * file is replaced with, either the file is refused (ImportFileError, or a report of invalid records) and
 * the stored data is exactly as before, or every record of the file is stored.
 */

const NAME = 'countercheck-import-property';
const STORED = [makeCheck(100, 'counter-9', '2026-03-09', { 'posture.upright': pass() })];
const FILE_CHECKS = [
  makeCheck(1, 'counter-1', '2026-03-10', { 'posture.upright': pass({ headFromVerticalDeg: 10 }) }),
  makeCheck(2, 'counter-1', '2026-03-11', { 'posture.upright': pass() }),
];
const FILE_MINUTES = [makeMinute('counter-1', '2026-03-10', 9, 0, { 'posture.upright': counts(900, 0, 0, 0) })];
const FILE = JSON.parse(serializeExportFile(buildExportFile(FILE_CHECKS, FILE_MINUTES, TEST_NOW_MS))) as Record<string, unknown>;

/** The paths of every value in the file's records. */
function leafPaths(value: unknown, prefix: (string | number)[]): (string | number)[][] {
  if (typeof value !== 'object' || value === null) return [prefix];
  const entries = Array.isArray(value) ? value.map((inner, index) => [index, inner] as const) : Object.entries(value);
  return entries.flatMap(([key, inner]) => leafPaths(inner, [...prefix, key]));
}
const PATHS = [...leafPaths(FILE.checks, ['checks']), ...leafPaths(FILE.minutes, ['minutes'])];

const hostile = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom('<script>alert(1)</script>', -1, 1e308, Date.UTC(2999, 0, 1), '__proto__', null),
);

describe('importData is all or nothing', () => {
  let db: IDBPDatabase<CounterCheckDB>;
  const open = async () => db;
  const snapshot = async () => ({ checks: await db.getAll('checks'), minutes: await db.getAll('minutes') });

  beforeAll(async () => {
    db = await openCounterCheckDB(NAME);
  });
  afterAll(async () => {
    db.close();
    await deleteDB(NAME);
  });

  it('a file with any one value replaced is stored whole or not at all', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...PATHS), hostile, async (path, value) => {
        await db.clear('checks');
        await db.clear('minutes');
        await db.put('checks', STORED[0]!);
        const before = await snapshot();
        const copy = JSON.parse(JSON.stringify(FILE)) as Record<string, unknown>;
        let target: unknown = copy;
        for (const step of path.slice(0, -1)) target = (target as Record<string | number, unknown>)[step];
        (target as Record<string | number, unknown>)[path.at(-1)!] = value;

        let refused = false;
        try {
          const report = await importData(open, JSON.stringify(copy), { nowMs: TEST_NOW_MS });
          refused = report.invalid.length > 0;
          if (refused) expect(report.imported).toBe(0);
          else expect(report.imported).toBe(FILE_CHECKS.length + FILE_MINUTES.length);
        } catch (error) {
          expect(error).toBeInstanceOf(ImportFileError);
          refused = true;
        }
        const after = await snapshot();
        if (refused) expect(after).toEqual(before);
        else {
          expect(after.checks).toHaveLength(STORED.length + FILE_CHECKS.length);
          expect(after.minutes).toHaveLength(FILE_MINUTES.length);
        }
      }),
      { numRuns: 200 },
    );
  }, 60_000);
});
