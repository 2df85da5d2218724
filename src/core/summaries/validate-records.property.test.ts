import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { counts, makeCheck, makeMinute, pass, TEST_NOW_MS } from './test-records';
import { validateCheckRecord, validateMinuteRecord, validateStationSettings } from './validate-records';

/**
 * Property-based: the validators behind every import and every read from IndexedDB never throw, whatever
 * they are handed (null-prototype objects, Maps, typed arrays, sparse arrays, boxed values, hostile keys),
 * and answer null or a short message naming the field.
 */

const opts = { nowMs: TEST_NOW_MS };
const VALIDATORS = {
  check: (value: unknown) => validateCheckRecord(value, opts),
  minute: (value: unknown) => validateMinuteRecord(value, opts),
  settings: (value: unknown) => validateStationSettings(value, opts),
};
const VALID = {
  check: makeCheck(1, 'counter-1', '2026-03-10', { 'posture.upright': pass({ headFromVerticalDeg: 10 }) }),
  minute: makeMinute('counter-1', '2026-03-10', 9, 0, { 'posture.upright': counts(900, 0, 0, 0) }, []),
  settings: { version: 1, stationId: 'counter-1', updatedAtMs: TEST_NOW_MS, keepThumbnails: false, enabledRuleIds: ['posture.upright'] },
};

const anything = fc.anything({
  maxDepth: 3,
  withBoxedValues: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
  withBigInt: true,
  withDate: true,
  key: fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'prototype', 'id', 'version', 'verdicts', 'rules')),
});

function checkAnswer(answer: unknown): void {
  if (answer === null) return;
  expect(typeof answer).toBe('string');
  expect((answer as string).length).toBeGreaterThan(0);
  expect((answer as string).length).toBeLessThan(300);
}

describe('record validators on arbitrary values', () => {
  for (const [name, validate] of Object.entries(VALIDATORS)) {
    it(`${name}: never throws on anything`, () => {
      fc.assert(
        fc.property(anything, (value) => checkAnswer(validate(value))),
        { numRuns: 500 },
      );
    });

    it(`${name}: a valid record with one field replaced by anything is accepted only if still valid, and never throws`, () => {
      const valid = VALID[name as keyof typeof VALID] as Record<string, unknown>;
      expect(validate(valid)).toBeNull();
      fc.assert(
        fc.property(fc.constantFrom(...Object.keys(valid), '__proto__', 'constructor', 'extra'), anything, (field, value) => {
          const copy: Record<string, unknown> = { ...valid };
          Object.defineProperty(copy, field, { value, enumerable: true, configurable: true, writable: true });
          const answer = validate(copy);
          checkAnswer(answer);
          if (['__proto__', 'constructor', 'extra'].includes(field)) expect(answer).not.toBeNull();
        }),
        { numRuns: 500 },
      );
    });
  }
});
