import { expect } from 'vitest';
import { DEFAULT_APPEARANCE_RULES_CONFIG } from './appearance-config';
import type { AppearanceRuleDefinition, AppearanceVerdict } from './appearance-rule';
import { type AppearanceObservations, computeAppearance } from './compute-appearance';
import { type TestFacePaint, makeTestFace, paintTestFace } from './test-face';

/** Appearance measures of a painted test face; the landmarks follow the same layout. */
export function appearanceOf(paint: TestFacePaint = {}): AppearanceObservations {
  return computeAppearance(paintTestFace(paint), makeTestFace(paint));
}

/** Evidence is plain JSON with finite numbers only, confidence in 0..1, and a reason for unknown and fail. */
export function expectWellFormed(verdict: AppearanceVerdict): void {
  const { measures, thresholds, confidence } = verdict.evidence;
  for (const value of [...Object.values(measures), ...Object.values(thresholds), confidence]) {
    expect(Number.isFinite(value)).toBe(true);
  }
  expect(confidence).toBeGreaterThanOrEqual(0);
  expect(confidence).toBeLessThanOrEqual(1);
  expect(['pass', 'fail', 'unknown', 'off']).toContain(verdict.status);
  expect(JSON.parse(JSON.stringify(verdict))).toEqual(verdict);
  if (verdict.status === 'unknown' || verdict.status === 'fail') expect(verdict.evidence.reason).toBeTruthy();
}

/** A rule's well-formed verdict on appearance measures, with the default config. */
export function judgeWith(
  rule: AppearanceRuleDefinition,
  appearance: AppearanceObservations,
  config = DEFAULT_APPEARANCE_RULES_CONFIG,
): AppearanceVerdict {
  const verdict = rule.evaluate({ appearance, config });
  expectWellFormed(verdict);
  expect(verdict.ruleId).toBe(rule.id);
  return verdict;
}

export const BROWN: readonly [number, number, number] = [90, 60, 40];
export const BLACK: readonly [number, number, number] = [30, 25, 25];
export const GREY: readonly [number, number, number] = [150, 150, 150];
export const BLOND: readonly [number, number, number] = [215, 185, 125];
export const BLUE: readonly [number, number, number] = [40, 70, 200];
export const PINK: readonly [number, number, number] = [230, 80, 170];
export const GREEN: readonly [number, number, number] = [40, 180, 60];
export const LENS: readonly [number, number, number] = [25, 25, 28];
