import { expect } from 'vitest';
import { DEFAULT_CONFIG } from '../config';
import { computeObservations } from '../observations/compute-observations';
import { EMPTY_OBSERVATIONS } from '../observations/empty-observations';
import { SEATED_FRAME } from '../observations/test-poses';
import type { FaceDetection, Observations, PoseDetection, PoseVisibility } from '../types';
import type { RuleInput, Verdict } from './rule';

/** Observations of one frame of the seated test scene. */
export const observe = (pose: PoseDetection | null, face: FaceDetection | null = null): Observations =>
  computeObservations({ frame: SEATED_FRAME, pose, face }, DEFAULT_CONFIG.observations);

export const ALL_VISIBLE: PoseVisibility = { nose: 1, ears: 1, shoulders: 1, elbows: 1, wrists: 1, hips: 1 };

/** Hand-set observations: a present, fully visible person with only the given measures. */
export const observed = (measures: Partial<Observations>): Observations => ({
  ...EMPTY_OBSERVATIONS,
  personPresent: true,
  poseVisibility: ALL_VISIBLE,
  ...measures,
});

export const input = (observations: Observations, extra: Partial<RuleInput> = {}): RuleInput => ({
  observations,
  calibration: null,
  config: DEFAULT_CONFIG.rules,
  ...extra,
});

/** Evidence is plain JSON with finite numbers only, and confidence in 0..1. */
export function expectWellFormed(verdict: Verdict): void {
  const { measures, thresholds, confidence } = verdict.evidence;
  for (const value of [...Object.values(measures), ...Object.values(thresholds), confidence]) {
    expect(Number.isFinite(value)).toBe(true);
  }
  expect(confidence).toBeGreaterThanOrEqual(0);
  expect(confidence).toBeLessThanOrEqual(1);
  expect(JSON.parse(JSON.stringify(verdict))).toEqual(verdict);
  if (verdict.status === 'unknown' || verdict.status === 'fail') expect(verdict.evidence.reason).toBeTruthy();
}
