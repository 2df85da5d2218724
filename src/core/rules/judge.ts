import type { Observations, PoseVisibility } from '../types';
import type { Evidence, RuleId, Verdict } from './rule';

/** One measure held to one limit. A check passes when the value is within the limit, the limit itself included. */
export interface Check {
  /** Measure key with its unit, e.g. 'headFromVerticalDeg'. */
  readonly measure: string;
  readonly value: number | null;
  /** Threshold key with its unit, e.g. 'headFromVerticalMaxDeg'. */
  readonly threshold: string;
  readonly limit: number;
  /** 'max': value must be at most the limit; 'min': at least. */
  readonly bound: 'max' | 'min';
  /** How far past the limit counts as clear-cut (confidence 1), in the measure's unit. */
  readonly scale: number;
  /** Short English for a failure, e.g. 'head dropped forward'. */
  readonly failReason: string;
  /** Visibility behind this measure when it differs from the rule's (e.g. a face-mesh measure). */
  readonly visibility?: number;
}

export interface JudgeOptions {
  /** Mean visibility of the landmarks the rule used, 0..1. */
  readonly visibility: number;
  /** Why the rule is unknown when no check could be evaluated. */
  readonly unknownReason: string;
  /** A pass needs one of these measures evaluated (e.g. the head's position); else unknown. Default: any check. */
  readonly passNeedsAnyOf?: readonly string[];
  /** Context measures and thresholds reported beside the checks (e.g. the baseline, body yaw). */
  readonly measures?: Record<string, number | null | undefined>;
  readonly thresholds?: Record<string, number | null | undefined>;
}

const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** Drops null, undefined, NaN and infinities: evidence holds only finite numbers. */
export function finiteEntries(record: Record<string, number | null | undefined>): Record<string, number> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => isFiniteNumber(value))) as Record<
    string,
    number
  >;
}

/** A confidence in 0..1; anything not a finite number (NaN from a broken visibility) is 0. */
export const clampUnit = (value: number): number => (Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0);

/** Signed distance inside the limit: >= 0 passes, < 0 fails. */
const marginOf = (check: Check & { value: number }): number =>
  check.bound === 'max' ? check.limit - check.value : check.value - check.limit;

/** 0.5 at the threshold, rising to 1 one `scale` away from it on either side. */
export function marginConfidence(margin: number, scale: number): number {
  if (!(scale > 0)) return 0.5;
  return 0.5 + 0.5 * Math.min(1, Math.abs(margin) / scale);
}

export function unknownVerdict(
  ruleId: RuleId,
  reason: string,
  measures: Record<string, number | null | undefined> = {},
  thresholds: Record<string, number | null | undefined> = {},
): Verdict {
  return {
    ruleId,
    status: 'unknown',
    evidence: { measures: finiteEntries(measures), thresholds: finiteEntries(thresholds), confidence: 0, reason },
  };
}

const formatNumber = (value: number): string => String(Math.round(value * 100) / 100);

/**
 * The verdict of a list of checks: fail when any evaluated check fails (reporting the worst), pass when
 * none fails and the needed measures were evaluated, unknown otherwise. Confidence is the visibility
 * times the margin of the deciding check.
 */
export function judge(ruleId: RuleId, checks: readonly Check[], options: JudgeOptions): Verdict {
  const measures = finiteEntries({
    ...options.measures,
    ...Object.fromEntries(checks.map((check) => [check.measure, check.value])),
  });
  const thresholds = finiteEntries({
    ...options.thresholds,
    ...Object.fromEntries(checks.map((check) => [check.threshold, check.limit])),
  });
  const evaluated = checks
    .filter((check): check is Check & { value: number } => isFiniteNumber(check.value) && isFiniteNumber(check.limit))
    .map((check) => ({ check, margin: marginOf(check) }))
    .sort((a, b) => a.margin / a.check.scale - b.margin / b.check.scale);
  const visibilityOf = (check: Check) => clampUnit(check.visibility ?? options.visibility);
  const decisive = evaluated[0];
  const needed = options.passNeedsAnyOf;
  const canPass = needed ? evaluated.some(({ check }) => needed.includes(check.measure)) : evaluated.length > 0;

  if (decisive && decisive.margin < 0) {
    const { check } = decisive;
    const evidence: Evidence = {
      measures,
      thresholds,
      confidence: clampUnit(visibilityOf(check) * marginConfidence(decisive.margin, check.scale)),
      decidingMeasure: check.measure,
      reason: `${check.failReason}: ${check.measure} ${formatNumber(check.value)} ${check.bound === 'max' ? '>' : '<'} ${formatNumber(check.limit)}`,
    };
    return { ruleId, status: 'fail', evidence };
  }
  if (!decisive || !canPass) return unknownVerdict(ruleId, options.unknownReason, measures, thresholds);
  return {
    ruleId,
    status: 'pass',
    evidence: {
      measures,
      thresholds,
      confidence: clampUnit(visibilityOf(decisive.check) * marginConfidence(decisive.margin, decisive.check.scale)),
      decidingMeasure: decisive.check.measure,
    },
  };
}

/** Mean visibility of the named body parts; 0 without a pose. */
export function meanVisibility(observations: Observations, parts: readonly (keyof PoseVisibility)[]): number {
  const visibility = observations.poseVisibility;
  if (!visibility || parts.length === 0) return 0;
  return parts.reduce((sum, part) => sum + visibility[part], 0) / parts.length;
}

const PART_NAMES: Record<keyof PoseVisibility, string> = {
  nose: 'nose',
  ears: 'ears',
  shoulders: 'shoulders',
  elbows: 'elbows',
  wrists: 'wrists',
  hips: 'hips',
};

/** Why measures needing these parts are missing: the least visible of them below `visibilityMin`, else `fallback`. */
export function missingPartsReason(
  observations: Observations,
  parts: readonly (keyof PoseVisibility)[],
  visibilityMin: number,
  fallback: string,
): string {
  if (!observations.personPresent) return 'no person in frame';
  const visibility = observations.poseVisibility;
  if (!visibility) return 'no body landmarks (face only)';
  const weakest = [...parts].sort((a, b) => visibility[a] - visibility[b])[0];
  if (weakest && visibility[weakest] < visibilityMin) return `${PART_NAMES[weakest]} not visible or out of frame`;
  return fallback;
}

/** One part of a pose a rule forbids (folded arms, a propped chin): it holds when the value is within the limit, inclusive. */
export type Condition = Omit<Check, 'failReason' | 'visibility'>;

/**
 * The verdict for a forbidden pose made of several conditions that must all hold: fail when all hold,
 * pass when any evaluated one does not, unknown when the rest hold but one could not be measured.
 */
export function judgeAllOf(
  ruleId: RuleId,
  conditions: readonly Condition[],
  options: JudgeOptions & { readonly failReason: string },
): Verdict {
  const measures = finiteEntries({
    ...options.measures,
    ...Object.fromEntries(conditions.map((condition) => [condition.measure, condition.value])),
  });
  const thresholds = finiteEntries({
    ...options.thresholds,
    ...Object.fromEntries(conditions.map((condition) => [condition.threshold, condition.limit])),
  });
  const visibility = clampUnit(options.visibility);
  const evaluated = conditions
    .filter((c): c is Condition & { value: number } => isFiniteNumber(c.value) && isFiniteNumber(c.limit))
    .map((condition) => ({ condition, margin: marginOf({ ...condition, failReason: '' }) }));
  const broken = evaluated.filter(({ margin }) => margin < 0);
  if (broken.length > 0) {
    const confidence = Math.max(...broken.map(({ condition, margin }) => marginConfidence(margin, condition.scale)));
    return {
      ruleId,
      status: 'pass',
      evidence: { measures, thresholds, confidence: clampUnit(visibility * confidence) },
    };
  }
  if (evaluated.length < conditions.length || evaluated.length === 0) {
    return unknownVerdict(ruleId, options.unknownReason, measures, thresholds);
  }
  const confidence = Math.min(...evaluated.map(({ condition, margin }) => marginConfidence(margin, condition.scale)));
  return {
    ruleId,
    status: 'fail',
    evidence: { measures, thresholds, confidence: clampUnit(visibility * confidence), reason: options.failReason },
  };
}
