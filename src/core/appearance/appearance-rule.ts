import { finiteEntries, marginConfidence } from '../rules/judge';
import type { Evidence } from '../rules/rule';
import type { VerdictStatus } from '../types';
import type { AppearanceRulesConfig } from './appearance-config';
import type { AppearanceObservations } from './compute-appearance';

/** Grooming and dress rules judged from a still's pixels and the face mesh. */
export type AppearanceRuleId =
  | 'dress.no_sunglasses'
  | 'dress.no_hat'
  | 'grooming.hair_color_natural'
  | 'grooming.bangs_above_brows';

/** Same shape as `Verdict` in rules/rule.ts, with an appearance rule id. */
export interface AppearanceVerdict {
  readonly ruleId: AppearanceRuleId;
  readonly status: VerdictStatus;
  readonly evidence: Evidence;
}

export interface AppearanceRuleInput {
  readonly appearance: AppearanceObservations;
  readonly config: AppearanceRulesConfig;
}

export interface AppearanceRuleDefinition {
  readonly id: AppearanceRuleId;
  /** Shown to users. */
  readonly title: { readonly zh: string; readonly en: string };
  /** The source sentences in the conduct codes (`seeds/`), and the codes' numbers. */
  readonly source: { readonly zh: string; readonly en: string; readonly refs: readonly string[] };
  /** Pure: the verdict for one still's appearance measures. */
  evaluate(input: AppearanceRuleInput): AppearanceVerdict;
}

type NumberRecord = Record<string, number | null | undefined>;

export function appearanceUnknown(
  ruleId: AppearanceRuleId,
  reason: string,
  measures: NumberRecord = {},
  thresholds: NumberRecord = {},
): AppearanceVerdict {
  return {
    ruleId,
    status: 'unknown',
    evidence: { measures: finiteEntries(measures), thresholds: finiteEntries(thresholds), confidence: 0, reason },
  };
}

const clampUnit = (value: number): number => (Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0);

/** A pass or fail verdict; `confidence` is clamped to 0..1, `reason` kept for a fail. */
export function appearanceVerdict(
  ruleId: AppearanceRuleId,
  failed: boolean,
  confidence: number,
  measures: NumberRecord,
  thresholds: NumberRecord,
  failReason: string,
): AppearanceVerdict {
  const evidence: Evidence = {
    measures: finiteEntries(measures),
    thresholds: finiteEntries(thresholds),
    confidence: clampUnit(confidence),
    ...(failed ? { reason: failReason } : {}),
  };
  return { ruleId, status: failed ? 'fail' : 'pass', evidence };
}

/** 0.5 at the limit, rising to 1 one `scale` away from it (see rules/judge.ts). */
export const limitConfidence = (value: number, limit: number, scale: number): number =>
  marginConfidence(value - limit, scale);

/**
 * Why a face cannot be judged from its geometry and light, or null when it can: no face, turned or
 * tilted too far, too dark. Shared by the appearance rules.
 */
export function faceConditionReason(
  appearance: AppearanceObservations,
  config: AppearanceRulesConfig,
  face: { readonly faceYawAsymmetry: number; readonly faceRollDeg: number; readonly cheekLuminance: number } | null,
): string | null {
  if (!appearance.faceFound) return 'no face found';
  if (!face) return null;
  if (Math.abs(face.faceYawAsymmetry) > config.faceYawAsymmetryMax) return 'face turned too far from the camera';
  if (Math.abs(face.faceRollDeg) > config.faceRollMaxDeg) return 'head tilted too far to the side';
  if (face.cheekLuminance < config.cheekLuminanceMin) return 'face too dark to see';
  return null;
}
