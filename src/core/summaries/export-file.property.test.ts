import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildExportFile, ImportFileError, type ParsedExportFile, parseExportFile, serializeExportFile } from './export-file';
import { DAY_MS } from './records';
import { counts, fail, makeCheck, makeMinute, pass, TEST_NOW_MS, unknown } from './test-records';
import { validateCheckRecord, validateMinuteRecord } from './validate-records';

/**
 * Property-based: no input crashes the import parser. Whatever the text, `parseExportFile` either returns
 * records that all validate (and names each invalid one) or throws an `ImportFileError` whose message
 * names the problem; it never throws anything else, never pollutes a prototype, and never parses a file
 * over the size limit.
 */

const opts = { nowMs: TEST_NOW_MS };
const CHECKS = [
  makeCheck(1, 'counter-1', '2026-03-10', { 'posture.upright': pass({ headFromVerticalDeg: 10 }), 'dress.no_hat': unknown() }),
  makeCheck(2, 'counter-2', '2026-03-11', { 'posture.upright': fail({ headFromVerticalDeg: 50 }) }),
];
const MINUTES = [
  makeMinute('counter-1', '2026-03-10', 9, 0, { 'posture.upright': counts(900, 0, 0, 0) }),
  makeMinute('counter-1', '2026-03-10', 9, 1, { 'posture.upright': counts(10, 800, 0, 50_000) }, [
    { ruleId: 'posture.upright', startMs: MINUTES_START() + 60_000 + 5000, endMs: MINUTES_START() + 60_000 + 55_000 },
  ]),
];
function MINUTES_START(): number {
  return makeMinute('counter-1', '2026-03-10', 9, 0, {}).minuteStartMs;
}
const VALID = JSON.parse(serializeExportFile(buildExportFile(CHECKS, MINUTES, TEST_NOW_MS))) as unknown;
const VALID_JSON = JSON.stringify(VALID);

type Outcome = { readonly parsed: ParsedExportFile } | { readonly refused: string };

/** Parses, failing the property on any exception other than ImportFileError. */
function outcomeOf(text: string, maxBytes?: number): Outcome {
  try {
    return { parsed: parseExportFile(text, maxBytes === undefined ? opts : { ...opts, maxBytes }) };
  } catch (error) {
    if (!(error instanceof ImportFileError)) throw new Error(`not an ImportFileError: ${String(error)}`);
    return { refused: error.message };
  }
}

/** The properties of every outcome. */
function checkOutcome(outcome: Outcome): void {
  expect(Object.keys(Object.prototype)).toEqual([]);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  if ('refused' in outcome) {
    expect(outcome.refused.length).toBeGreaterThan(10);
    expect(outcome.refused.length).toBeLessThan(400);
    return;
  }
  const { parsed } = outcome;
  for (const check of parsed.checks) expect(validateCheckRecord(check, opts)).toBeNull();
  for (const minute of parsed.minutes) expect(validateMinuteRecord(minute, opts)).toBeNull();
  for (const invalid of parsed.invalid) {
    expect(['checks', 'minutes']).toContain(invalid.collection);
    expect(Number.isInteger(invalid.index) && invalid.index >= 0).toBe(true);
    expect(invalid.reason.length).toBeGreaterThan(0);
    expect(invalid.reason.length).toBeLessThan(300);
  }
}

/** Values a hostile or broken file could hold anywhere. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(
    '<img src=x onerror="window.__pwned=1">',
    '<script>alert(1)</script>',
    '__proto__',
    -1,
    0,
    1e308,
    -1e308,
    2 ** 53 + 1,
    Date.UTC(2999, 0, 1),
    TEST_NOW_MS + 2 * DAY_MS,
    Date.UTC(2019, 0, 1),
    '2026-02-30',
    'x'.repeat(5000),
    '\u0000\u001f',
    null,
    [],
    {},
  ),
);
const hostileKey = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'polluted', '<b>x</b>'), fc.string({ maxLength: 50 }));

/** Every path to a value inside `value` (object keys and array indexes). */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== 'object' || value === null) return [prefix];
  const entries = Array.isArray(value) ? value.map((inner, index) => [index, inner] as const) : Object.entries(value);
  return [prefix, ...entries.flatMap(([key, inner]) => pathsOf(inner, [...prefix, key]))];
}
const PATHS = pathsOf(VALID);

/** Text of the valid file with one value replaced, or one key added, at a path, as raw JSON (so "__proto__" stays a key). */
function mutated(path: readonly (string | number)[], mode: 'replace' | 'add-key', key: string, value: unknown): string | null {
  const marker = '"__MUTATION_MARKER__"';
  const copy = JSON.parse(VALID_JSON) as Record<string, unknown>;
  let target: unknown = copy;
  for (const step of path.slice(0, -1)) target = (target as Record<string | number, unknown>)[step];
  const last = path.at(-1);
  if (mode === 'replace' && last !== undefined) (target as Record<string | number, unknown>)[last] = '__MUTATION_MARKER__';
  else {
    const holder = last === undefined ? target : (target as Record<string | number, unknown>)[last];
    if (typeof holder !== 'object' || holder === null || Array.isArray(holder)) return null; // keys go in objects only
    (holder as Record<string, unknown>).__MUTATION_KEY__ = '__MUTATION_MARKER__';
  }
  return JSON.stringify(copy)
    .replace('"__MUTATION_KEY__"', JSON.stringify(key))
    .replace(marker, JSON.stringify(value) ?? 'null');
}

describe('parseExportFile on arbitrary input', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    delete (Object.prototype as Record<string, unknown>).polluted;
  });

  it('reads the unmutated file (the base the mutations start from)', () => {
    const outcome = outcomeOf(VALID_JSON);
    expect(outcome).toEqual({ parsed: { exportedAtMs: TEST_NOW_MS, checks: CHECKS, minutes: MINUTES, invalid: [] } });
  });

  it('never crashes on arbitrary text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.json({ maxDepth: 4 }), fc.string({ unit: 'binary' })), (text) => {
        checkOutcome(outcomeOf(text));
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('never crashes on arbitrary JSON objects shaped like an export', () => {
    const exportLike = fc.record(
      {
        format: fc.oneof(fc.constant('countercheck-export'), fc.string()),
        version: fc.oneof(fc.constant(1), hostileValue),
        exportedAtMs: fc.oneof(fc.constant(TEST_NOW_MS), hostileValue),
        checks: fc.oneof(fc.array(hostileValue, { maxLength: 4 }), hostileValue),
        minutes: fc.oneof(fc.array(hostileValue, { maxLength: 4 }), hostileValue),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(exportLike, (file) => {
        checkOutcome(outcomeOf(JSON.stringify(file)));
      }),
      { numRuns: 500 },
    );
  });

  it('a valid file with any one value replaced or any key added is either refused as a whole, or every record is checked', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PATHS),
        fc.constantFrom('replace' as const, 'add-key' as const),
        hostileKey,
        hostileValue,
        (path, mode, key, value) => {
          const text = mutated(path, mode, key, value);
          fc.pre(text !== null);
          const outcome = outcomeOf(text);
          checkOutcome(outcome);
          if ('parsed' in outcome) {
            // All or nothing is the caller's (importData) to enforce; here every record is accounted for.
            const parsed = JSON.parse(text) as { checks: unknown[]; minutes: unknown[] };
            expect(outcome.parsed.checks.length + outcome.parsed.minutes.length + outcome.parsed.invalid.length).toBe(
              parsed.checks.length + parsed.minutes.length,
            );
            // A forbidden key anywhere in a record never survives.
            if (mode === 'add-key' && ['__proto__', 'constructor', 'prototype'].includes(key) && path.length >= 2) {
              expect(outcome.parsed.invalid.length).toBeGreaterThan(0);
            }
          } else if (mode === 'add-key' && ['__proto__', 'constructor', 'prototype'].includes(key) && path.length === 0) {
            expect(outcome.refused).toContain(`forbidden key "${key}"`);
          }
        },
      ),
      { numRuns: 1500 },
    );
  }, 60_000);

  it('a date after tomorrow, or a number out of range, in any time or count field is never accepted', () => {
    const timePaths = PATHS.filter((path) => /AtMs$|StartMs$|^startMs$|^endMs$/.test(String(path.at(-1))));
    const countPaths = PATHS.filter((path) => /^(pass|fail|unknown|failMs)$/.test(String(path.at(-1))) && path.includes('rules'));
    expect(timePaths.length).toBeGreaterThanOrEqual(8);
    expect(countPaths.length).toBe(8);
    const future = fc.oneof(fc.integer({ min: TEST_NOW_MS + DAY_MS + 1, max: Number.MAX_SAFE_INTEGER }), fc.constantFrom(1e300, 8.64e15 + 1));
    // Past every count's limit: frames per minute at most 240 x 60, fail time at most 60,000 ms.
    const outOfRange = fc.oneof(fc.integer({ min: -1e9, max: -1 }), fc.integer({ min: 60_001, max: 1e12 }), fc.constantFrom(-0.5, 1e300));
    fc.assert(
      fc.property(
        fc.oneof(
          fc.tuple(fc.constantFrom(...timePaths), future),
          fc.tuple(fc.constantFrom(...countPaths), outOfRange),
        ),
        ([path, value]) => {
          const outcome = outcomeOf(mutated(path, 'replace', '', value)!);
          checkOutcome(outcome);
          if ('parsed' in outcome) expect(outcome.parsed.invalid.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('refuses every strict prefix of a valid file, saying it was cut off', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: VALID_JSON.length - 1 }), (length) => {
        const outcome = outcomeOf(VALID_JSON.slice(0, length));
        expect(outcome).toHaveProperty('refused');
        expect((outcome as { refused: string }).refused).toContain('cut off (truncated)');
      }),
      { numRuns: 500 },
    );
  });

  it('never parses a file over the size limit, whatever it holds', () => {
    const parse = vi.spyOn(JSON, 'parse');
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2000 }), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 300 }), (maxBytes, filler) => {
        const text = filler.repeat(Math.ceil((maxBytes + 1) / filler.length) + 1);
        const outcome = outcomeOf(text, maxBytes);
        expect(outcome).toHaveProperty('refused');
        expect((outcome as { refused: string }).refused).toContain('The file is too large');
      }),
      { numRuns: 300 },
    );
    expect(parse).not.toHaveBeenCalled();
  });
});
