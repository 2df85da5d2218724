import { expect } from 'vitest';
import type { ConductEvent, ConductTimeRule, ConductVerdict } from './conduct-rule';
import type { ConductSignals } from './conduct-signals';

/** A present person facing the camera, face seen, smiling, eyes open, hands away from the face, nothing held: passes every rule. */
export const NEUTRAL_SIGNALS: ConductSignals = Object.freeze({
  timestampMs: 0,
  personPresent: true,
  faceFound: true,
  faceTooDark: false,
  smileScore: 0.5,
  eyesClosedScore: 0.1,
  lidGapIrisDiameters: 0.8,
  eyesClosed: false,
  headYawDeg: null,
  headPitchDeg: null,
  gazeAwayScore: 0.1,
  facingCustomer: true,
  faceLocated: true,
  handAt: null,
  handCovering: null,
  handToFaceFaceHeights: 1.5,
  objectsChecked: true,
  phoneInHand: false,
  phoneAtFace: false,
  phoneScore: null,
  eatingOrDrinking: false,
  eatingItem: null,
  jawOpenScore: 0.05,
});

/** Nobody at the counter: every face and hand measure unknown. */
export const EMPTY_COUNTER_SIGNALS: ConductSignals = Object.freeze({
  ...NEUTRAL_SIGNALS,
  personPresent: false,
  faceFound: false,
  smileScore: null,
  eyesClosedScore: null,
  lidGapIrisDiameters: null,
  eyesClosed: null,
  gazeAwayScore: null,
  facingCustomer: null,
  faceLocated: false,
  handToFaceFaceHeights: null,
  phoneInHand: false,
  phoneAtFace: false,
  eatingOrDrinking: null,
  jawOpenScore: null,
});

export const withSignals = (timestampMs: number, changes: Partial<ConductSignals> = {}): ConductSignals => ({
  ...NEUTRAL_SIGNALS,
  timestampMs,
  ...changes,
});

/** A small deterministic PRNG (mulberry32), 0..1. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Frame timestamps from `startMs` (inclusive) to `endMs` (exclusive) at `fps`, each interval jittered by
 * up to ±`jitter` of its nominal length (deterministic for a seed).
 */
export function frameTimes(startMs: number, endMs: number, fps: number, jitter = 0, seed = 1): number[] {
  const random = seededRandom(seed);
  const stepMs = 1000 / fps;
  const times: number[] = [];
  for (let t = startMs; t < endMs; t += stepMs * (1 + jitter * (2 * random() - 1))) times.push(Math.round(t * 10) / 10);
  return times;
}

/** Feeds one rule a stream; returns the verdict after each frame. */
export function runRule(
  rule: ConductTimeRule,
  times: readonly number[],
  signalsAt: (timestampMs: number) => Partial<ConductSignals>,
): ConductVerdict[] {
  return times.map((t) => rule.update(withSignals(t, signalsAt(t)), t));
}

/** What is wrong with a verdict's shape: a status outside pass/fail/unknown, a non-finite number, no reason. */
export function verdictProblems(verdict: ConductVerdict): string[] {
  const problems: string[] = [];
  if (!['pass', 'fail', 'unknown'].includes(verdict.status)) problems.push(`status ${verdict.status}`);
  const { measures, thresholds, confidence, reason } = verdict.evidence;
  for (const [key, value] of [...Object.entries(measures), ...Object.entries(thresholds), ['confidence', confidence] as const]) {
    if (typeof value !== 'number' || !Number.isFinite(value)) problems.push(`${key} = ${String(value)}`);
  }
  if (!(confidence >= 0 && confidence <= 1)) problems.push(`confidence ${confidence}`);
  if (!reason) problems.push('no reason');
  return problems.map((problem) => `${verdict.ruleId}: ${problem}`);
}

/** Plain JSON with finite numbers only, confidence in 0..1, a reason always, a status of pass/fail/unknown. */
export function expectWellFormedVerdict(verdict: ConductVerdict): void {
  expect(verdictProblems(verdict)).toEqual([]);
  expect(JSON.parse(JSON.stringify(verdict))).toEqual(verdict);
}

/** `expectWellFormedVerdict` for a whole stream, quickly: one JSON check, one problem list. */
export function expectWellFormedVerdicts(verdicts: readonly ConductVerdict[]): void {
  expect(verdicts.flatMap(verdictProblems)).toEqual([]);
  if (verdicts.length > 0) expect(JSON.parse(JSON.stringify(verdicts.at(-1)))).toEqual(verdicts.at(-1));
}

export function expectWellFormedEvent(event: ConductEvent): void {
  expect(event.startMs).toBeLessThanOrEqual(event.endMs);
  expect(Number.isFinite(event.startMs) && Number.isFinite(event.endMs)).toBe(true);
  for (const value of Object.values(event.peak)) expect(Number.isFinite(value)).toBe(true);
  expect(JSON.parse(JSON.stringify(event))).toEqual(event);
}
