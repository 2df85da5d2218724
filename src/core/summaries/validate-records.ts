import { daysBetween, isLocalDay, utcDay } from './local-day';
import {
  type CheckRecord,
  DAY_MS,
  MINUTE_MS,
  type MinuteRecord,
  minuteRecordId,
  RECORD_VERSION,
  type StationSettings,
} from './records';
import { conductTimesProblems, languageProblem, MONITOR_RATE_NAMES, monitorRatesProblems, thresholdProblems } from '../station-setup/station-setup';
import { RESERVED_STATION_LABELS } from './summarize-records';
import { enrolledBadgeProblem } from '../badge/enrolled-badge';

/**
 * Validation of stored and imported records. Pure: the clock comes in as `nowMs`. Each `validate*`
 * returns null for a good record, else the first problem found, naming the field
 * (e.g. 'verdicts: forbidden key "__proto__"'), written for a person reading an import report.
 * Records are strict: unknown fields, prototype-polluting keys, non-finite or out-of-range numbers,
 * over-long strings and dates before 2020 or more than a day ahead of `nowMs` are all rejected.
 */

/** Bounds every record is held to. */
export const RECORD_LIMITS = Object.freeze({
  /** Longest station pseudonym, characters. */
  stationIdMaxLength: 64,
  /** Longest rule id, characters. */
  ruleIdMaxLength: 64,
  /** Longest measure name, characters. */
  measureNameMaxLength: 64,
  /** Longest verdict reason, characters: reasons are a rule's short fixed phrase. */
  reasonMaxLength: 200,
  /** Most rules in one record. */
  rulesMax: 64,
  /** Most measures in one verdict. */
  measuresMax: 32,
  /** Largest magnitude of a measure. */
  measureAbsMax: 1e9,
  /** Most frames of one verdict in one minute (240 fps). */
  framesPerMinuteMax: 240 * 60,
  /** Most violation events stored in one minute. */
  eventsPerMinuteMax: 120,
  /** Longest violation event, ms. */
  eventDurationMaxMs: DAY_MS,
  /** Longest self-check, ms. */
  checkDurationMaxMs: 60 * MINUTE_MS,
  /** Largest opted-in thumbnail, bytes. */
  thumbnailMaxBytes: 256 * 1024,
  /** No record is older than this (2020-01-01T00:00:00Z). */
  earliestMs: Date.UTC(2020, 0, 1),
  /** How far past `nowMs` a record may be dated (clocks differ a little). */
  futureSlackMs: DAY_MS,
});

export const VERDICT_STATUSES = Object.freeze(['pass', 'fail', 'unknown', 'off'] as const);
export const THUMBNAIL_TYPES = Object.freeze(['image/jpeg', 'image/png', 'image/webp'] as const);

/** Keys that could reach an object's prototype when data is merged: never accepted anywhere. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export const RULE_ID_PATTERN = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/;
const MEASURE_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_]*$/;
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;

export interface ValidateOptions {
  /** The present time, epoch ms: records dated more than `futureSlackMs` after it are rejected. */
  readonly nowMs: number;
}

type Problem = string | null;

/** A key quoted for a message, shortened so a hostile key cannot flood the report. */
const quote = (key: string): string => JSON.stringify(key.length > 40 ? `${key.slice(0, 40)}…` : key);

const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  if (Object.prototype.toString.call(value) !== '[object Object]') return false;
  const proto: unknown = Object.getPrototypeOf(value);
  // Object.prototype of this realm or another (structured clones may come from another realm).
  return proto === null || Object.getPrototypeOf(proto) === null;
};

/** A plain object with no forbidden keys, no keys outside `allowed`, all `required` present. */
function objectShape(
  value: unknown,
  path: string,
  required: readonly string[],
  optional: readonly string[] = [],
): Problem {
  if (!isPlainObject(value)) return `${path}: not an object`;
  const keys = Object.keys(value);
  for (const key of keys) {
    if (FORBIDDEN_KEYS.has(key)) return `${path}: forbidden key ${quote(key)}`;
    if (!required.includes(key) && !optional.includes(key)) return `${path}: unknown field ${quote(key)}`;
  }
  for (const key of required) if (!Object.hasOwn(value, key)) return `${path}: missing field "${key}"`;
  return null;
}

/** A plain object used as a map: no forbidden keys, at most `maxKeys`, each key passing `checkKey`. */
function mapShape(value: unknown, path: string, maxKeys: number, checkKey: (key: string) => Problem): Problem {
  if (!isPlainObject(value)) return `${path}: not an object`;
  const keys = Object.keys(value);
  if (keys.length > maxKeys) return `${path}: ${keys.length} entries, more than ${maxKeys}`;
  for (const key of keys) {
    if (FORBIDDEN_KEYS.has(key)) return `${path}: forbidden key ${quote(key)}`;
    const problem = checkKey(key);
    if (problem) return `${path}: ${problem}`;
  }
  return null;
}

function boundedString(value: unknown, path: string, maxLength: number): Problem {
  if (typeof value !== 'string') return `${path}: not a string`;
  if (value.length === 0) return `${path}: empty`;
  if (value.length > maxLength) return `${path}: ${value.length} characters, more than ${maxLength}`;
  if (CONTROL_CHARACTERS.test(value)) return `${path}: contains control characters`;
  return null;
}

function numberIn(value: unknown, path: string, min: number, max: number, integer = false): Problem {
  if (typeof value !== 'number') return `${path}: not a number`;
  if (!Number.isFinite(value)) return `${path}: not a finite number`;
  if (integer && !Number.isInteger(value)) return `${path}: not a whole number`;
  if (value < min || value > max) return `${path}: ${value} is out of range ${min}..${max}`;
  return null;
}

/** An instant: whole epoch ms, not before 2020, not more than `futureSlackMs` past `nowMs`. */
function instant(value: unknown, path: string, nowMs: number): Problem {
  if (typeof value !== 'number' || !Number.isFinite(value)) return `${path}: not a finite number`;
  if (!Number.isInteger(value)) return `${path}: not a whole number of ms`;
  if (value < RECORD_LIMITS.earliestMs) return `${path}: a date before 2020`;
  if (value > nowMs + RECORD_LIMITS.futureSlackMs) {
    return `${path}: a date in the future (${value > 8.64e15 ? value : new Date(value).toISOString()})`;
  }
  return null;
}

/** `day` is a real date within one day of the instant's UTC date (local dates are, in every time zone). */
function dayOf(day: unknown, atMs: number, path: string): Problem {
  if (!isLocalDay(day)) return `${path}: not a date (YYYY-MM-DD)`;
  if (Math.abs(daysBetween(day, utcDay(atMs))) > 1) return `${path}: ${day} does not match the record's time`;
  return null;
}

const stationIdProblem = (value: unknown, path: string): Problem =>
  boundedString(value, path, RECORD_LIMITS.stationIdMaxLength) ??
  (RESERVED_STATION_LABELS.has(value as string) ? `${path}: ${quote(value as string)} is reserved for summaries` : null);

const ruleIdProblem = (key: string): Problem =>
  key.length > RECORD_LIMITS.ruleIdMaxLength || !RULE_ID_PATTERN.test(key) ? `not a rule id: ${quote(key)}` : null;

const measureNameProblem = (key: string): Problem =>
  key.length > RECORD_LIMITS.measureNameMaxLength || !MEASURE_NAME_PATTERN.test(key)
    ? `not a measure name: ${quote(key)}`
    : null;

function verdictProblem(value: unknown, path: string): Problem {
  const shape = objectShape(value, path, ['status', 'measures'], ['reason']);
  if (shape) return shape;
  const verdict = value as Record<string, unknown>;
  if (!(VERDICT_STATUSES as readonly unknown[]).includes(verdict.status)) {
    return `${path}.status: not one of ${VERDICT_STATUSES.join(', ')}`;
  }
  const measures = verdict.measures;
  const measuresShape = mapShape(measures, `${path}.measures`, RECORD_LIMITS.measuresMax, measureNameProblem);
  if (measuresShape) return measuresShape;
  for (const [name, measure] of Object.entries(measures as Record<string, unknown>)) {
    const problem = numberIn(measure, `${path}.measures.${name}`, -RECORD_LIMITS.measureAbsMax, RECORD_LIMITS.measureAbsMax);
    if (problem) return problem;
  }
  if (verdict.reason !== undefined) return boundedString(verdict.reason, `${path}.reason`, RECORD_LIMITS.reasonMaxLength);
  return null;
}

function thumbnailProblem(value: unknown): Problem {
  if (value === undefined) return null;
  if (typeof Blob === 'undefined' || !(value instanceof Blob)) return 'thumbnail: not an image Blob';
  if (!(THUMBNAIL_TYPES as readonly string[]).includes(value.type)) return `thumbnail: type ${quote(value.type)} is not an image type kept`;
  if (value.size > RECORD_LIMITS.thumbnailMaxBytes) return `thumbnail: ${value.size} bytes, more than ${RECORD_LIMITS.thumbnailMaxBytes}`;
  return null;
}

/** Null for a valid `CheckRecord`, else the first problem. */
export function validateCheckRecord(value: unknown, options: ValidateOptions): Problem {
  const shape = objectShape(
    value,
    'check',
    ['id', 'version', 'stationId', 'startedAtMs', 'finishedAtMs', 'day', 'verdicts'],
    ['thumbnail'],
  );
  if (shape) return shape;
  const record = value as Record<string, unknown>;
  if (typeof record.id !== 'string' || !UUID_PATTERN.test(record.id)) return 'id: not a lower-case UUID';
  if (record.version !== RECORD_VERSION) return `version: not ${RECORD_VERSION}`;
  const problem =
    stationIdProblem(record.stationId, 'stationId') ??
    instant(record.startedAtMs, 'startedAtMs', options.nowMs) ??
    numberIn(
      record.finishedAtMs,
      'finishedAtMs',
      record.startedAtMs as number,
      (record.startedAtMs as number) + RECORD_LIMITS.checkDurationMaxMs,
      true,
    ) ??
    dayOf(record.day, record.startedAtMs as number, 'day') ??
    mapShape(record.verdicts, 'verdicts', RECORD_LIMITS.rulesMax, ruleIdProblem);
  if (problem) return problem;
  for (const [ruleId, verdict] of Object.entries(record.verdicts as Record<string, unknown>)) {
    const verdictIssue = verdictProblem(verdict, `verdicts.${ruleId}`);
    if (verdictIssue) return verdictIssue;
  }
  return thumbnailProblem(record.thumbnail);
}

function ruleCountsProblem(value: unknown, path: string): Problem {
  const shape = objectShape(value, path, ['pass', 'fail', 'unknown', 'failMs']);
  if (shape) return shape;
  const counts = value as Record<string, unknown>;
  const max = RECORD_LIMITS.framesPerMinuteMax;
  return (
    numberIn(counts.pass, `${path}.pass`, 0, max, true) ??
    numberIn(counts.fail, `${path}.fail`, 0, max, true) ??
    numberIn(counts.unknown, `${path}.unknown`, 0, max, true) ??
    numberIn(counts.failMs, `${path}.failMs`, 0, MINUTE_MS)
  );
}

function eventProblem(value: unknown, path: string, minuteStartMs: number, nowMs: number): Problem {
  const shape = objectShape(value, path, ['ruleId', 'startMs', 'endMs']);
  if (shape) return shape;
  const event = value as Record<string, unknown>;
  if (typeof event.ruleId !== 'string') return `${path}.ruleId: not a string`;
  const ruleId = ruleIdProblem(event.ruleId);
  if (ruleId) return `${path}.ruleId: ${ruleId}`;
  return (
    numberIn(event.startMs, `${path}.startMs`, minuteStartMs, minuteStartMs + MINUTE_MS - 1, true) ??
    instant(event.endMs, `${path}.endMs`, nowMs) ??
    numberIn(
      event.endMs,
      `${path}.endMs`,
      event.startMs as number,
      (event.startMs as number) + RECORD_LIMITS.eventDurationMaxMs,
      true,
    )
  );
}

/** Null for a valid `MinuteRecord`, else the first problem. */
export function validateMinuteRecord(value: unknown, options: ValidateOptions): Problem {
  const shape = objectShape(value, 'minute', ['id', 'version', 'stationId', 'minuteStartMs', 'day', 'rules'], ['events']);
  if (shape) return shape;
  const record = value as Record<string, unknown>;
  if (record.version !== RECORD_VERSION) return `version: not ${RECORD_VERSION}`;
  const problem =
    stationIdProblem(record.stationId, 'stationId') ??
    instant(record.minuteStartMs, 'minuteStartMs', options.nowMs) ??
    ((record.minuteStartMs as number) % MINUTE_MS !== 0 ? 'minuteStartMs: not the start of a minute' : null) ??
    (record.id !== minuteRecordId(record.stationId as string, record.minuteStartMs as number)
      ? 'id: not "<stationId>:<minuteStartMs>"'
      : null) ??
    dayOf(record.day, record.minuteStartMs as number, 'day') ??
    mapShape(record.rules, 'rules', RECORD_LIMITS.rulesMax, ruleIdProblem);
  if (problem) return problem;
  for (const [ruleId, counts] of Object.entries(record.rules as Record<string, unknown>)) {
    const countsIssue = ruleCountsProblem(counts, `rules.${ruleId}`);
    if (countsIssue) return countsIssue;
  }
  if (record.events === undefined) return null;
  if (!Array.isArray(record.events)) return 'events: not a list';
  if (record.events.length > RECORD_LIMITS.eventsPerMinuteMax) {
    return `events: ${record.events.length} events, more than ${RECORD_LIMITS.eventsPerMinuteMax}`;
  }
  for (const [index, event] of record.events.entries()) {
    const eventIssue = eventProblem(event, `events[${index}]`, record.minuteStartMs as number, options.nowMs);
    if (eventIssue) return eventIssue;
  }
  return null;
}

/** Null for valid `StationSettings`, else the first problem. */
export function validateStationSettings(value: unknown, options: ValidateOptions): Problem {
  const shape = objectShape(value, 'settings', ['version', 'stationId', 'updatedAtMs', 'keepThumbnails'], [
    'enabledRuleIds',
    'language',
    'thresholds',
    'enrolledBadge',
    'conductTimes',
    ...MONITOR_RATE_NAMES,
  ]);
  if (shape) return shape;
  const settings = value as Record<string, unknown>;
  if (settings.version !== RECORD_VERSION) return `version: not ${RECORD_VERSION}`;
  const problem =
    stationIdProblem(settings.stationId, 'stationId') ??
    instant(settings.updatedAtMs, 'updatedAtMs', options.nowMs) ??
    (typeof settings.keepThumbnails !== 'boolean' ? 'keepThumbnails: not true or false' : null);
  if (problem) return problem;
  if (settings.language !== undefined) {
    const languageIssue = languageProblem(settings.language);
    if (languageIssue) return languageIssue;
  }
  if (settings.thresholds !== undefined) {
    const [thresholdIssue] = thresholdProblems(settings.thresholds);
    if (thresholdIssue) return thresholdIssue;
  }
  if (settings.conductTimes !== undefined) {
    const [timesIssue] = conductTimesProblems(settings.conductTimes);
    if (timesIssue) return timesIssue;
  }
  const [rateIssue] = monitorRatesProblems(settings);
  if (rateIssue) return rateIssue;
  if (settings.enrolledBadge !== undefined) {
    const badgeIssue = enrolledBadgeProblem(settings.enrolledBadge, options.nowMs);
    if (badgeIssue) return badgeIssue;
  }
  if (settings.enabledRuleIds === undefined) return null;
  const ids = settings.enabledRuleIds;
  if (!Array.isArray(ids)) return 'enabledRuleIds: not a list';
  if (ids.length > RECORD_LIMITS.rulesMax) return `enabledRuleIds: more than ${RECORD_LIMITS.rulesMax} rules`;
  for (const [index, id] of ids.entries()) {
    if (typeof id !== 'string') return `enabledRuleIds[${index}]: not a string`;
    const idIssue = ruleIdProblem(id);
    if (idIssue) return `enabledRuleIds[${index}]: ${idIssue}`;
  }
  if (new Set(ids).size !== ids.length) return 'enabledRuleIds: a rule is listed twice';
  return null;
}

export const isCheckRecord = (value: unknown, nowMs: number): value is CheckRecord =>
  validateCheckRecord(value, { nowMs }) === null;

export const isMinuteRecord = (value: unknown, nowMs: number): value is MinuteRecord =>
  validateMinuteRecord(value, { nowMs }) === null;

export const isStationSettings = (value: unknown, nowMs: number): value is StationSettings =>
  validateStationSettings(value, { nowMs }) === null;
