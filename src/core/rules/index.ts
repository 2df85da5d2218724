import type { StationCalibration } from '../calibration/station-calibration';
import type { CounterCheckConfig } from '../config';
import type { Observations } from '../types';
import { postureNoArmsCrossed } from './posture-no-arms-crossed';
import { postureNoChinResting } from './posture-no-chin-resting';
import { postureNoLyingOnCounter } from './posture-no-lying-on-counter';
import { postureShouldersLevel } from './posture-shoulders-level';
import { postureUpright } from './posture-upright';
import type { RuleDefinition, RuleId, Verdict } from './rule';
import type { AppearanceRuleDefinition } from '../appearance/appearance-rule';
import { EMPTY_APPEARANCE, type AppearanceObservations } from '../appearance/compute-appearance';
import { DEFAULT_BADGE_RULE_CONFIG } from '../badge/badge-config';
import type { BadgeObservation } from '../badge/badge-observation';
import type { EnrolledBadgeObservation } from '../badge/badge-matcher';
import { dressBadgeVisible } from './dress-badge-visible';
import { dressNoHat } from './dress-no-hat';
import { dressNoSunglasses } from './dress-no-sunglasses';
import { groomingBangsAboveBrows } from './grooming-bangs-above-brows';
import { groomingHairColorNatural } from './grooming-hair-color-natural';
import { counterNoPersonalItems } from './counter-no-personal-items';
import type { ObjectDetection } from '../types';

export type { CounterRuleId, Evidence, PostureRuleId, RuleDefinition, RuleId, RuleInput, Verdict } from './rule';

/** The posture rules, the design card's first ones first. */
export const POSTURE_RULES: readonly RuleDefinition[] = Object.freeze([
  postureUpright,
  postureNoLyingOnCounter,
  postureShouldersLevel,
  postureNoArmsCrossed,
  postureNoChinResting,
]);

/** A dress or grooming rule, judged from the face's pixel measures, in the shape every rule shares. */
const fromAppearance = (rule: AppearanceRuleDefinition): RuleDefinition => ({
  id: rule.id,
  title: rule.title,
  source: rule.source,
  evaluate: ({ appearance, appearanceConfig }) =>
    rule.evaluate({ appearance: appearance ?? EMPTY_APPEARANCE, config: appearanceConfig! }),
});

/** `dress.badge_visible`, judged from the chest crop's badge detector. See BADGE_DEFAULT_OFF for why it is off by default. */
const badgeRule: RuleDefinition = {
  id: dressBadgeVisible.id,
  title: dressBadgeVisible.title,
  source: dressBadgeVisible.source,
  defaultOff: dressBadgeVisible.defaultOff,
  evaluate: ({ badge, enrolledBadge }) =>
    dressBadgeVisible.evaluate({ badge: badge ?? null, config: DEFAULT_BADGE_RULE_CONFIG, enrolled: enrolledBadge ?? null }),
};

/** Dress and grooming rules, checked in the morning self-check; no sunglasses first (the design card's), the badge last. */
export const APPEARANCE_RULES: readonly RuleDefinition[] = Object.freeze([
  ...[dressNoSunglasses, dressNoHat, groomingHairColorNatural, groomingBangsAboveBrows].map(fromAppearance),
  badgeRule,
]);

/** Counter rules, checked in the morning self-check: what lies on the counter. */
export const COUNTER_RULES: readonly RuleDefinition[] = Object.freeze([counterNoPersonalItems]);

/** Every rule judged per frame. */
export const FRAME_RULES: readonly RuleDefinition[] = Object.freeze([...POSTURE_RULES, ...APPEARANCE_RULES, ...COUNTER_RULES]);

export const RULE_IDS: readonly RuleId[] = Object.freeze(FRAME_RULES.map((rule) => rule.id));

export function ruleById(id: RuleId): RuleDefinition {
  const rule = FRAME_RULES.find((candidate) => candidate.id === id);
  if (!rule) throw new RangeError(`unknown rule id ${id}`);
  return rule;
}

/** How long a changed verdict of this rule must hold: its own `holdMs`, else the posture default. */
export const ruleHoldMs = (rule: RuleDefinition, config: CounterCheckConfig): number =>
  rule.holdMs ?? config.rules.postureHoldMs;

export interface EvaluateRulesOptions {
  readonly calibration: StationCalibration | null;
  readonly config: CounterCheckConfig;
  /** The rules this station checks; absent = all but the `defaultOff` ones. The rest answer 'off'. */
  readonly enabled?: ReadonlySet<RuleId>;
  /** The face's pixel measures for the dress and grooming rules; absent = not measured (unknown). */
  readonly appearance?: AppearanceObservations;
  /** The object detector's findings for the counter rules; null or absent = it did not run (unknown). */
  readonly objects?: readonly ObjectDetection[] | null;
  /** The chest badge measures; absent = not measured (unknown). */
  readonly badge?: BadgeObservation | null;
  /** The station's enrolled badge searched on the chest; absent = none enrolled. */
  readonly enrolledBadge?: EnrolledBadgeObservation | null;
}

/** Whether a station with this `enabled` set (absent = defaults) checks the rule. */
export const isRuleOn = (rule: RuleDefinition, enabled: ReadonlySet<RuleId> | undefined): boolean =>
  enabled ? enabled.has(rule.id) : !rule.defaultOff;

/** Every rule's verdict for one frame. Disabled rules are 'off'; with nobody in frame the rest are 'unknown'. */
export function evaluateRules(observations: Observations, options: EvaluateRulesOptions): Record<RuleId, Verdict> {
  const { calibration, config, enabled, appearance, objects, badge, enrolledBadge } = options;
  const verdicts = {} as Record<RuleId, Verdict>;
  for (const rule of FRAME_RULES) {
    if (!isRuleOn(rule, enabled)) {
      verdicts[rule.id] = {
        ruleId: rule.id,
        status: 'off',
        evidence: { measures: {}, thresholds: {}, confidence: 1, reason: enabled ? 'rule off for this station' : 'rule off by default' },
      };
    } else if (!observations.personPresent) {
      verdicts[rule.id] = {
        ruleId: rule.id,
        status: 'unknown',
        evidence: { measures: {}, thresholds: {}, confidence: 0, reason: 'no person in frame' },
      };
    } else {
      verdicts[rule.id] = rule.evaluate({
        observations,
        calibration,
        config: config.rules,
        landmarkVisibilityMin: config.observations.landmarkVisibilityMin,
        personDetectionScoreMin: config.observations.personDetectionScoreMin,
        appearance,
        appearanceConfig: config.appearance,
        objects,
        badge,
        enrolledBadge,
      });
    }
  }
  return verdicts;
}
