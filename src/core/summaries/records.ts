import type { MonitorRates, SetupLanguage, ThresholdOverrides } from '../station-setup/station-setup';
import type { VerdictStatus } from '../types';
import type { EnrolledBadge } from '../badge/enrolled-badge';
import type { ConductTimes } from '../conduct/conduct-config';

/**
 * The records CounterCheck keeps in the browser (IndexedDB) and moves in export files. Plain,
 * versioned, JSON-safe data (apart from an opted-in thumbnail Blob): no names, no images unless the
 * user opted in, no free text. A station is a pseudonym (e.g. 'counter-3'), never a person's name.
 *
 * Rule ids are plain strings here, not the `RuleId` union: records outlive code, and a record
 * written by a later version (a dress or conduct rule) must still load. They are checked by shape
 * (`RULE_ID_PATTERN`) in `validate-records.ts`.
 */

/** A rule id as stored, e.g. 'posture.upright'. */
export type StoredRuleId = string;

/** A local calendar date, 'YYYY-MM-DD'. */
export type LocalDay = string;

/** One rule's result in a morning self-check. */
export interface CheckVerdict {
  readonly status: VerdictStatus;
  /** The numbers that decided it, named with their units (`Evidence.measures`). */
  readonly measures: Readonly<Record<string, number>>;
  /** The rule's short English why (`Evidence.reason`): a fixed phrase from the rule, never user text. */
  readonly reason?: string;
}

/** One morning self-check at one station. */
export interface CheckRecord {
  /** A random UUID. */
  readonly id: string;
  readonly version: 1;
  /** The station's pseudonym. */
  readonly stationId: string;
  readonly startedAtMs: number;
  readonly finishedAtMs: number;
  /** The local date the check started on. */
  readonly day: LocalDay;
  readonly verdicts: Readonly<Record<StoredRuleId, CheckVerdict>>;
  /** A small image of the check, only when the user opted in. Never exported. */
  readonly thumbnail?: Blob;
}

/** One rule's frames over one monitored minute. */
export interface MinuteRuleCounts {
  /** Frame counts by verdict. */
  readonly pass: number;
  readonly fail: number;
  readonly unknown: number;
  /** Time the (smoothed) verdict was 'fail' within the minute, 0..60000 ms. */
  readonly failMs: number;
}

/**
 * A violation span: the smoothed verdict of `ruleId` was 'fail' from `startMs` to `endMs`. It is stored
 * once, in the minute it started in; `endMs` may run past that minute.
 */
export interface MinuteEvent {
  readonly ruleId: StoredRuleId;
  readonly startMs: number;
  readonly endMs: number;
}

/** The per-minute aggregate of monitoring at one station. */
export interface MinuteRecord {
  /** Deterministic: `${stationId}:${minuteStartMs}` (`minuteRecordId`), so writing a minute twice replaces it. */
  readonly id: string;
  readonly version: 1;
  readonly stationId: string;
  /** Start of the minute, a whole minute in epoch ms. */
  readonly minuteStartMs: number;
  /** The local date of `minuteStartMs`. */
  readonly day: LocalDay;
  readonly rules: Readonly<Record<StoredRuleId, MinuteRuleCounts>>;
  readonly events?: readonly MinuteEvent[];
}

/** Per-station settings, keyed by station id; with the monitoring rates its setup sets. */
export interface StationSettings extends MonitorRates {
  readonly version: 1;
  readonly stationId: string;
  readonly updatedAtMs: number;
  /** Keep a thumbnail with each self-check. Default false: no images are kept. */
  readonly keepThumbnails: boolean;
  /** The rules this station checks; absent = all. The rest answer 'off'. */
  readonly enabledRuleIds?: readonly StoredRuleId[];
  /** The language of instructions and checklists; absent = both Chinese and English. */
  readonly language?: SetupLanguage;
  /** Thresholds set away from their defaults (see config.ts); absent = none. */
  readonly thresholds?: ThresholdOverrides;
  /** This station's enrolled badge (numbers only, no image); absent = none. It turns `dress.badge_visible` on. */
  readonly enrolledBadge?: EnrolledBadge;
  /** When conduct counts while monitoring, set away from the defaults (see conduct-config.ts); absent = none. */
  readonly conductTimes?: ConductTimes;
}

export const RECORD_VERSION = 1;
export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

/** The id of the minute aggregate of `stationId` starting at `minuteStartMs`. */
export const minuteRecordId = (stationId: string, minuteStartMs: number): string => `${stationId}:${minuteStartMs}`;
