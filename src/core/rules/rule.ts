import type { AppearanceRulesConfig } from '../appearance/appearance-config';
import type { AppearanceRuleId } from '../appearance/appearance-rule';
import type { AppearanceObservations } from '../appearance/compute-appearance';
import type { BadgeObservation } from '../badge/badge-observation';
import type { EnrolledBadgeObservation } from '../badge/badge-matcher';
import type { StationCalibration } from '../calibration/station-calibration';
import type { PostureRulesConfig } from '../config';
import type { ObjectDetection, Observations, VerdictStatus } from '../types';

/** Posture rules: pose landmarks, judged over time. */
export type PostureRuleId =
  | 'posture.upright'
  | 'posture.no_lying_on_counter'
  | 'posture.shoulders_level'
  | 'posture.no_arms_crossed'
  | 'posture.no_chin_resting';

/** Counter rules: objects on the counter, from the object detector. */
export type CounterRuleId = 'counter.no_personal_items';

/** Every rule judged per frame: posture, dress/grooming from the face's pixels and the chest badge, the counter's objects. */
export type RuleId = PostureRuleId | AppearanceRuleId | 'dress.badge_visible' | CounterRuleId;

/** What decided a verdict. Plain, JSON-safe data: every number finite, every key naming its unit. */
export interface Evidence {
  /** The measured values, e.g. `{ headFromVerticalDeg: 52.1, earAboveShoulderRatio: 0.41 }`. */
  readonly measures: Record<string, number>;
  /**
   * The limits they were held to, e.g. `{ headFromVerticalMaxDeg: 45 }`: a `*Max*` must not be exceeded and a
   * `*Min*` must be reached to pass, except under a prefix naming the forbidden pose they describe
   * (`crossed*`, `resting*`), where reaching them all fails.
   */
  readonly thresholds: Record<string, number>;
  /** 0..1: how sure the verdict is, from landmark visibility and the distance from the threshold. */
  readonly confidence: number;
  /** A short English why, always given for `unknown` and `fail` (e.g. 'shoulders not visible or out of frame'). */
  readonly reason?: string;
  /** The key in `measures` that decided the verdict (the failing one, or the closest to its limit on a pass). */
  readonly decidingMeasure?: string;
}

export interface Verdict {
  readonly ruleId: RuleId;
  readonly status: VerdictStatus;
  readonly evidence: Evidence;
}

export interface RuleInput {
  readonly observations: Observations;
  readonly calibration: StationCalibration | null;
  readonly config: PostureRulesConfig;
  /** The visibility the observations were measured with (config.observations), for reasons. Default 0.5. */
  readonly landmarkVisibilityMin?: number;
  /** The score a 'person' box needed (config.observations), for evidence. Default 0.5. */
  readonly personDetectionScoreMin?: number;
  /** Pixel measures of the face region (dress and grooming rules); absent = not measured. */
  readonly appearance?: AppearanceObservations;
  readonly appearanceConfig?: AppearanceRulesConfig;
  /** The object detector's findings on this frame; null or absent when it did not run. */
  readonly objects?: readonly ObjectDetection[] | null;
  /** The chest badge measures (`dress.badge_visible`); absent = not measured. */
  readonly badge?: BadgeObservation | null;
  /** The station's enrolled badge searched on the chest (`dress.badge_visible`); absent = none enrolled. */
  readonly enrolledBadge?: EnrolledBadgeObservation | null;
}

export interface RuleDefinition {
  readonly id: RuleId;
  /** Shown to users. */
  readonly title: { readonly zh: string; readonly en: string };
  /** The source sentences in the conduct codes (`seeds/`), and the codes' numbers. */
  readonly source: { readonly zh: string; readonly en: string; readonly refs: readonly string[] };
  /** How long a changed verdict must hold before it counts; absent = the posture default from config. */
  readonly holdMs?: number;
  /**
   * Present = the rule is off unless a station turns it on by name (its `enabled` set): it is not yet accurate
   * enough to raise violations by default. The text says why, for the settings and the docs.
   */
  readonly defaultOff?: { readonly zh: string; readonly en: string };
  /** Pure: the verdict for one frame's observations. */
  evaluate(input: RuleInput): Verdict;
}
