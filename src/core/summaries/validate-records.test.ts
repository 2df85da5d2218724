import { describe, expect, it } from 'vitest';
import { DAY_MS } from './records';
import { atLocal, counts, fail, makeCheck, makeMinute, pass, TEST_NOW_MS, testUuid, unknown } from './test-records';
import {
  isCheckRecord,
  isMinuteRecord,
  isStationSettings,
  validateCheckRecord,
  validateMinuteRecord,
  validateStationSettings,
} from './validate-records';

const opts = { nowMs: TEST_NOW_MS };
const check = makeCheck(1, 'counter-1', '2026-03-10', {
  'posture.upright': pass({ headFromVerticalDeg: 12.5 }),
  'dress.badge_visible': unknown('badge hidden by an arm'),
  'dress.no_sunglasses': fail({ eyeDarkness: 0.8 }),
});
const minute = makeMinute('counter-1', '2026-03-10', 9, 30, { 'posture.upright': counts(800, 50, 50, 3000) }, [
  { ruleId: 'posture.upright', startMs: atLocal('2026-03-10', 9, 30) + 1000, endMs: atLocal('2026-03-10', 9, 30) + 4000 },
]);

/** A copy of a record with some fields replaced (JSON-safe records only). */
const withFields = (record: object, fields: Record<string, unknown>): unknown => ({ ...structuredClone(record), ...fields });

describe('validateCheckRecord', () => {
  it('accepts a valid self-check', () => {
    expect(validateCheckRecord(check, opts)).toBeNull();
    expect(isCheckRecord(check, TEST_NOW_MS)).toBe(true);
  });

  it.each([
    ['not an object', 'x', 'check: not an object'],
    ['an array', [], 'check: not an object'],
    ['a wrong id', withFields(check, { id: 'abc' }), 'id: not a lower-case UUID'],
    ['another version', withFields(check, { version: 2 }), 'version: not 1'],
    ['a number station', withFields(check, { stationId: 7 }), 'stationId: not a string'],
    ['an empty station', withFields(check, { stationId: '' }), 'stationId: empty'],
    ['a long station', withFields(check, { stationId: 'x'.repeat(65) }), 'stationId: 65 characters, more than 64'],
    ['a reserved station', withFields(check, { stationId: 'other stations' }), 'reserved'],
    ['a control character', withFields(check, { stationId: 'a\nb' }), 'stationId: contains control characters'],
    ['NaN time', withFields(check, { startedAtMs: Number.NaN }), 'startedAtMs: not a finite number'],
    ['a string time', withFields(check, { startedAtMs: '1' }), 'startedAtMs: not a finite number'],
    ['a time before 2020', withFields(check, { startedAtMs: Date.UTC(2019, 11, 31) }), 'startedAtMs: a date before 2020'],
    ['a far-future time', withFields(check, { startedAtMs: TEST_NOW_MS + 2 * DAY_MS }), 'startedAtMs: a date in the future'],
    ['an end before the start', withFields(check, { finishedAtMs: check.startedAtMs - 1 }), 'finishedAtMs:'],
    ['a malformed day', withFields(check, { day: '2026-02-30' }), 'day: not a date'],
    ['a day far from the time', withFields(check, { day: '2026-03-01' }), 'does not match'],
    ['an unknown field', withFields(check, { name: 'Alice' }), 'check: unknown field "name"'],
    ['a missing field', (({ verdicts: _v, ...rest }) => rest)(check), 'check: missing field "verdicts"'],
    ['a bad rule id', withFields(check, { verdicts: { Upright: pass() } }), 'verdicts: not a rule id: "Upright"'],
    ['an unknown status', withFields(check, { verdicts: { 'posture.upright': { status: 'maybe', measures: {} } } }), 'status: not one of'],
    ['an infinite measure', withFields(check, { verdicts: { 'posture.upright': { status: 'pass', measures: { a: 1e400 } } } }), 'not a finite number'],
    ['a huge measure', withFields(check, { verdicts: { 'posture.upright': { status: 'pass', measures: { a: 1e12 } } } }), 'out of range'],
    ['a constructor measure', withFields(check, { verdicts: { 'posture.upright': { status: 'pass', measures: { constructor: 1 } } } }), 'forbidden key "constructor"'],
    ['a long reason', withFields(check, { verdicts: { 'posture.upright': { ...fail(), reason: 'r'.repeat(201) } } }), 'reason: 201 characters'],
    ['a string thumbnail', withFields(check, { thumbnail: 'data:image/png;base64,AAAA' }), 'thumbnail: not an image Blob'],
  ])('rejects %s', (_name, value, problem) => {
    expect(validateCheckRecord(value, opts)).toContain(problem);
    expect(isCheckRecord(value, TEST_NOW_MS)).toBe(false);
  });

  it('rejects __proto__ keys as JSON.parse makes them (own properties)', () => {
    const hostile = JSON.parse(JSON.stringify(check).replace('"verdicts":{', '"verdicts":{"__proto__":{"polluted":1},'));
    expect(validateCheckRecord(hostile, opts)).toBe('verdicts: forbidden key "__proto__"');
    const topLevel = JSON.parse(`{"__proto__":{"x":1},${JSON.stringify(check).slice(1)}`);
    expect(validateCheckRecord(topLevel, opts)).toBe('check: forbidden key "__proto__"');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('accepts an opted-in image thumbnail and refuses other blobs', () => {
    const image = new Blob([new Uint8Array(100)], { type: 'image/jpeg' });
    expect(validateCheckRecord({ ...check, thumbnail: image }, opts)).toBeNull();
    expect(validateCheckRecord({ ...check, thumbnail: new Blob(['<p>'], { type: 'text/html' }) }, opts)).toContain('not an image type');
    const big = new Blob([new Uint8Array(300 * 1024)], { type: 'image/png' });
    expect(validateCheckRecord({ ...check, thumbnail: big }, opts)).toContain('more than');
  });

  it('keeps HTML in strings as plain text: it is valid data, never markup', () => {
    expect(validateCheckRecord(withFields(check, { stationId: '<img src=x onerror=alert(1)>' }), opts)).toBeNull();
  });
});

describe('validateMinuteRecord', () => {
  it('accepts a valid minute, with or without events', () => {
    expect(validateMinuteRecord(minute, opts)).toBeNull();
    expect(isMinuteRecord(makeMinute('counter-1', '2026-03-10', 9, 31, {}), TEST_NOW_MS)).toBe(true);
  });

  it.each([
    ['an id not made of station and minute', withFields(minute, { id: 'counter-1:1' }), 'id: not'],
    ['a start inside a minute', withFields(minute, { minuteStartMs: minute.minuteStartMs + 1, id: `counter-1:${minute.minuteStartMs + 1}` }), 'not the start of a minute'],
    ['negative frames', withFields(minute, { rules: { 'posture.upright': counts(-1, 0, 0, 0) } }), 'rules.posture.upright.pass: -1 is out of range'],
    ['fractional frames', withFields(minute, { rules: { 'posture.upright': counts(1.5, 0, 0, 0) } }), 'not a whole number'],
    ['fail time over a minute', withFields(minute, { rules: { 'posture.upright': counts(1, 0, 0, 60_001) } }), 'failMs: 60001 is out of range'],
    ['too many frames', withFields(minute, { rules: { 'posture.upright': counts(1e6, 0, 0, 0) } }), 'out of range'],
    ['events not a list', withFields(minute, { events: {} }), 'events: not a list'],
    ['an event outside its minute', withFields(minute, { events: [{ ruleId: 'posture.upright', startMs: minute.minuteStartMs - 1, endMs: minute.minuteStartMs }] }), 'events[0].startMs'],
    ['an event ending before it starts', withFields(minute, { events: [{ ruleId: 'posture.upright', startMs: minute.minuteStartMs + 10, endMs: minute.minuteStartMs }] }), 'events[0].endMs'],
    ['an event in the far future', withFields(minute, { events: [{ ruleId: 'posture.upright', startMs: minute.minuteStartMs, endMs: 8e15 }] }), 'a date in the future'],
    ['a __proto__ rule', JSON.parse(JSON.stringify(minute).replace('"rules":{', '"rules":{"__proto__":{},')), 'rules: forbidden key "__proto__"'],
  ])('rejects %s', (_name, value, problem) => {
    expect(validateMinuteRecord(value, opts)).toContain(problem);
  });
});

describe('validateStationSettings', () => {
  const settings = { version: 1, stationId: 'counter-1', updatedAtMs: TEST_NOW_MS, keepThumbnails: false };

  it('accepts settings with or without a rule list', () => {
    expect(isStationSettings(settings, TEST_NOW_MS)).toBe(true);
    expect(validateStationSettings({ ...settings, enabledRuleIds: ['posture.upright'] }, opts)).toBeNull();
  });

  it('rejects a non-boolean, a repeated rule and a bad rule id', () => {
    expect(validateStationSettings({ ...settings, keepThumbnails: 'yes' }, opts)).toContain('keepThumbnails');
    expect(validateStationSettings({ ...settings, enabledRuleIds: ['posture.upright', 'posture.upright'] }, opts)).toContain('twice');
    expect(validateStationSettings({ ...settings, enabledRuleIds: ['constructor'] }, opts)).toContain('not a rule id');
  });

  it('accepts monitoring rates within range and rejects them outside it or as text', () => {
    expect(validateStationSettings({ ...settings, monitorFps: 2, monitorObjectsEveryMs: 3000 }, opts)).toBeNull();
    expect(validateStationSettings({ ...settings, monitorFps: 0 }, opts)).toContain('monitorFps');
    expect(validateStationSettings({ ...settings, monitorFps: '2' }, opts)).toContain('monitorFps');
    expect(validateStationSettings({ ...settings, monitorObjectsEveryMs: 50 }, opts)).toContain('monitorObjectsEveryMs');
  });
});

it('uses a valid lower-case UUID in the test builders', () => {
  expect(testUuid(255)).toBe('00000000-0000-4000-8000-0000000000ff');
});
