import { checkRecordFromVerdicts, minuteRecord } from '../core/summaries/build-records';
import { addDays, dayNumber } from '../core/summaries/local-day';
import type { CheckRecord, LocalDay, MinuteEvent, MinuteRecord, MinuteRuleCounts } from '../core/summaries/records';
import { MINUTE_MS } from '../core/summaries/records';
import type { RuleId, Verdict } from '../core/rules/rule';
import type { VerdictStatus } from '../core/types';

/**
 * Synthetic records for benchmarks and tests: a station's working year. Deterministic: the same
 * arguments give the same records (a seeded RNG, no clock); times are local, so the same time zone too.
 */

export interface SeedOptions {
  /** Mixed into the station's own seed. Default 1. */
  readonly seed?: number;
  /** First working day; weekends are skipped. Default '2025-01-06' (a Monday). */
  readonly firstDay?: LocalDay;
}

export interface SeededYear {
  readonly checks: readonly CheckRecord[];
  readonly minutes: readonly MinuteRecord[];
  /** First and last day seeded. */
  readonly fromDay: LocalDay;
  readonly toDay: LocalDay;
}

export const DEFAULT_SEED_FIRST_DAY = '2025-01-06';
/** Rules a seeded self-check answers. */
export const SEED_CHECK_RULES: readonly RuleId[] = Object.freeze([
  'posture.upright',
  'posture.no_lying_on_counter',
  'posture.shoulders_level',
  'posture.no_arms_crossed',
]);
/** Rules a seeded minute counts. */
export const SEED_MINUTE_RULES: readonly RuleId[] = Object.freeze(['posture.upright', 'posture.no_lying_on_counter']);

/** Frames per seeded minute (15 fps). */
const FRAMES_PER_MINUTE = 900;
/** Monitoring starts at 08:00 local; minutes must end the same day. */
const WORK_START_HOUR = 8;
const MAX_MINUTES_PER_DAY = (24 - WORK_START_HOUR) * 60;
/** Self-checks start at 07:40 local, five minutes apart. */
const CHECK_START_MINUTES = 7 * 60 + 40;
const CHECK_SPACING_MS = 5 * MINUTE_MS;

/** mulberry32: a small, fast, seeded 32-bit generator returning 0..1. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a hash of a string, 32 bits. */
function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** A version-4-shaped UUID from the generator. */
function seededUuid(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = '4';
  hex[16] = '89ab'[Math.floor(random() * 4)]!;
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

/** Local midnight of a 'YYYY-MM-DD' day plus `minutes`, epoch ms. */
function localTime(day: LocalDay, minutes: number): number {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, date, 0, minutes).getTime();
}

const isWeekend = (day: LocalDay): boolean => {
  const weekday = (dayNumber(day)! + 4) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
  return weekday === 0 || weekday === 6;
};

function seededVerdict(ruleId: RuleId, random: () => number): Verdict {
  const roll = random();
  const status: VerdictStatus = roll < 0.8 ? 'pass' : roll < 0.92 ? 'fail' : 'unknown';
  return {
    ruleId,
    status,
    evidence: {
      measures: status === 'unknown' ? {} : { headFromVerticalDeg: Math.round(random() * 600) / 10 },
      thresholds: {},
      confidence: status === 'unknown' ? 0 : 0.9,
      ...(status === 'pass' ? {} : { reason: status === 'fail' ? 'outside the limit' : 'not visible' }),
    },
  };
}

function seededMinute(stationId: string, minuteStartMs: number, random: () => number): MinuteRecord {
  const rules: Record<string, MinuteRuleCounts> = {};
  const events: MinuteEvent[] = [];
  for (const ruleId of SEED_MINUTE_RULES) {
    const unknown = random() < 0.1 ? Math.floor(random() * FRAMES_PER_MINUTE) : 0;
    const fail = random() < 0.15 ? Math.floor(random() * (FRAMES_PER_MINUTE - unknown)) : 0;
    const failMs = Math.round((fail / FRAMES_PER_MINUTE) * MINUTE_MS);
    rules[ruleId] = { pass: FRAMES_PER_MINUTE - unknown - fail, fail, unknown, failMs };
    if (failMs > 0) {
      const startMs = minuteStartMs + Math.floor(random() * (MINUTE_MS - failMs));
      events.push({ ruleId, startMs, endMs: startMs + failMs });
    }
  }
  return minuteRecord(stationId, minuteStartMs, rules, events);
}

/**
 * `days` working days of one station from `options.firstDay`: `checksPerDay` self-checks each morning
 * and `minutesPerDay` monitored minutes from 08:00 local.
 */
export function seedYear(
  stationId: string,
  days = 250,
  checksPerDay = 2,
  minutesPerDay = 480,
  options: SeedOptions = {},
): SeededYear {
  for (const [name, value, max] of [
    ['days', days, 3660],
    ['checksPerDay', checksPerDay, 4],
    ['minutesPerDay', minutesPerDay, MAX_MINUTES_PER_DAY],
  ] as const) {
    if (!Number.isInteger(value) || value < 0 || value > max) throw new RangeError(`${name} must be a whole number 0..${max}, got ${value}`);
  }
  const random = mulberry32(hashString(stationId) ^ (options.seed ?? 1));
  const checks: CheckRecord[] = [];
  const minutes: MinuteRecord[] = [];
  const workDays: LocalDay[] = [];
  for (let day = options.firstDay ?? DEFAULT_SEED_FIRST_DAY; workDays.length < days; day = addDays(day, 1)) {
    if (!isWeekend(day)) workDays.push(day);
  }
  for (const day of workDays) {
    for (let i = 0; i < checksPerDay; i++) {
      const startedAtMs = localTime(day, CHECK_START_MINUTES) + i * CHECK_SPACING_MS;
      checks.push(
        checkRecordFromVerdicts({
          id: seededUuid(random),
          stationId,
          startedAtMs,
          finishedAtMs: startedAtMs + 20_000 + Math.floor(random() * 40_000),
          verdicts: SEED_CHECK_RULES.map((ruleId) => seededVerdict(ruleId, random)),
        }),
      );
    }
    const firstMinuteMs = localTime(day, WORK_START_HOUR * 60);
    for (let i = 0; i < minutesPerDay; i++) minutes.push(seededMinute(stationId, firstMinuteMs + i * MINUTE_MS, random));
  }
  return {
    checks,
    minutes,
    fromDay: workDays[0] ?? options.firstDay ?? DEFAULT_SEED_FIRST_DAY,
    toDay: workDays[workDays.length - 1] ?? options.firstDay ?? DEFAULT_SEED_FIRST_DAY,
  };
}
