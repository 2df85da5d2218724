import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AppearanceObservations } from '../appearance/compute-appearance';
import { appearanceOf } from '../appearance/test-helpers';
import { BASELINE_KEYS, type StationCalibration } from '../calibration/station-calibration';
import { DEFAULT_CONFIG } from '../config';
import type { Observations } from '../types';
import { evaluateRules, FRAME_RULES, RULE_IDS } from './index';
import type { Verdict } from './rule';

/**
 * Property-based: every rule, on any observations (nulls, NaN, infinities, huge and tiny numbers, any
 * calibration and appearance measures), returns one of the four verdicts with finite, JSON-safe evidence
 * and never throws.
 */

/** Runs per property (checked once at 5,000 per rule and 4,000 for evaluateRules without a failure). */
const RUNS = 300;
/** evaluateRules judges all nine rules per run: fewer runs, a longer time limit on a shared machine. */
const ALL_RULES_RUNS = 150;

/** Any number a buggy measure could hand over, weighted towards the plausible range where rules decide. */
const anyNumber = fc.oneof(
  { weight: 3, arbitrary: fc.double({ min: -200, max: 200, noNaN: true }) },
  { weight: 1, arbitrary: fc.double({ min: -2, max: 2, noNaN: true }) },
  { weight: 1, arbitrary: fc.double() },
  {
    weight: 1,
    arbitrary: fc.constantFrom(Number.NaN, Infinity, -Infinity, -0, 0, 1e308, -1e308, Number.MIN_VALUE, -Number.MAX_VALUE, 2 ** 53 + 1),
  },
);
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: null, freq: 3 });
const nullableNumber = maybe(anyNumber);

const observationsArbitrary: fc.Arbitrary<Observations> = fc
  .record({
    personPresent: fc.boolean(),
    faceFound: fc.boolean(),
    trunkInclinationDeg: nullableNumber,
    neckFlexionDeg: nullableNumber,
    shoulderTiltDeg: nullableNumber,
    headPose: maybe(fc.record({ yaw: anyNumber, pitch: anyNumber, roll: anyNumber })),
    smileScore: nullableNumber,
    poseVisibility: maybe(
      fc.record({ nose: anyNumber, ears: anyNumber, shoulders: anyNumber, elbows: anyNumber, wrists: anyNumber, hips: anyNumber }),
    ),
    bodyYawDeg: nullableNumber,
    earAboveShoulderRatio: nullableNumber,
    noseAboveShoulderRatio: nullableNumber,
    headImageY: nullableNumber,
    headFromVerticalDeg: nullableNumber,
    headForwardLeanDeg: nullableNumber,
    trunkLeanForwardDeg: nullableNumber,
    armsCrossing: maybe(fc.record({ wristToOppositeElbowRatio: anyNumber, wristPastMidlineRatio: anyNumber })),
    chinRest: maybe(fc.record({ handToChinRatio: nullableNumber, wristBelowChinRatio: nullableNumber, forearmFromVerticalDeg: nullableNumber })),
    personWithoutLandmarks: maybe(
      fc.record({
        label: fc.oneof(fc.constantFrom('person', 'cell phone'), fc.string()),
        score: anyNumber,
        box: fc.record({ x: anyNumber, y: anyNumber, width: anyNumber, height: anyNumber }),
      }),
    ),
    bodyFoundOnlySideways: maybe(fc.boolean()),
  })
  .map((value) => value as unknown as Observations);

/** A record of the same keys as `sample`, each any number. */
const numbersLike = (sample: object) =>
  fc.record(Object.fromEntries(Object.keys(sample).map((key) => [key, anyNumber])) as Record<string, fc.Arbitrary<number>>);

const SAMPLE_APPEARANCE = appearanceOf();
const appearanceArbitrary: fc.Arbitrary<AppearanceObservations | undefined> = fc.option(
  fc
    .record({
      faceFound: fc.boolean(),
      sunglasses: maybe(numbersLike(SAMPLE_APPEARANCE.sunglasses!)),
      hair: maybe(numbersLike(SAMPLE_APPEARANCE.hair!)),
      browCover: maybe(numbersLike(SAMPLE_APPEARANCE.browCover!)),
      headTop: maybe(numbersLike(SAMPLE_APPEARANCE.headTop!)),
    })
    .map((value) => value as unknown as AppearanceObservations),
  { nil: undefined, freq: 5 },
);

const calibrationArbitrary: fc.Arbitrary<StationCalibration | null> = maybe(
  fc
    .record(
      {
        version: fc.constant(1 as const),
        capturedAtMs: anyNumber,
        sampleCount: anyNumber,
        baseline: fc.record(Object.fromEntries(BASELINE_KEYS.map((key) => [key, nullableNumber])) as Record<string, fc.Arbitrary<number | null>>),
        counterLineY: anyNumber,
      },
      { requiredKeys: ['version', 'capturedAtMs', 'sampleCount', 'baseline'] },
    )
    .map((value) => value as unknown as StationCalibration),
);

/** The value with every -0 made 0: JSON writes -0 as 0, and a sign on zero carries no evidence. */
const withoutNegativeZero = (value: unknown): unknown =>
  Object.is(value, -0)
    ? 0
    : Array.isArray(value)
      ? value.map(withoutNegativeZero)
      : typeof value === 'object' && value !== null
        ? Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, withoutNegativeZero(inner)]))
        : value;

/** The properties every verdict must have; throws (failing the property) naming the broken one. */
function checkVerdict(verdict: Verdict, ruleId: string): void {
  expect(verdict.ruleId).toBe(ruleId);
  expect(['pass', 'fail', 'unknown', 'off']).toContain(verdict.status);
  const { measures, thresholds, confidence } = verdict.evidence;
  for (const [name, value] of [...Object.entries(measures), ...Object.entries(thresholds)]) {
    expect(typeof value === 'number' && Number.isFinite(value), `${name} = ${value}`).toBe(true);
  }
  expect(Number.isFinite(confidence), `confidence = ${confidence}`).toBe(true);
  expect(confidence).toBeGreaterThanOrEqual(0);
  expect(confidence).toBeLessThanOrEqual(1);
  if (verdict.status === 'fail' || verdict.status === 'unknown') expect(verdict.evidence.reason).toBeTruthy();
  expect(JSON.parse(JSON.stringify(verdict))).toEqual(withoutNegativeZero(verdict));
}

describe('every rule, on arbitrary observations', () => {
  for (const rule of FRAME_RULES) {
    it(`${rule.id} never throws, answers one of the four verdicts, with finite evidence`, () => {
      fc.assert(
        fc.property(observationsArbitrary, calibrationArbitrary, appearanceArbitrary, (observations, calibration, appearance) => {
          const verdict = rule.evaluate({
            observations,
            calibration,
            config: DEFAULT_CONFIG.rules,
            landmarkVisibilityMin: DEFAULT_CONFIG.observations.landmarkVisibilityMin,
            personDetectionScoreMin: DEFAULT_CONFIG.observations.personDetectionScoreMin,
            appearance,
            appearanceConfig: DEFAULT_CONFIG.appearance,
          });
          checkVerdict(verdict, rule.id);
        }),
        { numRuns: RUNS },
      );
    }, 30_000);
  }

  it('evaluateRules answers every rule, off for the disabled ones, whatever it is given', () => {
    fc.assert(
      fc.property(
        observationsArbitrary,
        calibrationArbitrary,
        appearanceArbitrary,
        fc.subarray([...RULE_IDS]),
        (observations, calibration, appearance, enabledIds) => {
          const enabled = new Set(enabledIds);
          const verdicts = evaluateRules(observations, {
            calibration,
            config: DEFAULT_CONFIG,
            enabled,
            ...(appearance ? { appearance } : {}),
          });
          expect(Object.keys(verdicts).sort()).toEqual([...RULE_IDS].sort());
          for (const id of RULE_IDS) {
            checkVerdict(verdicts[id], id);
            if (!enabled.has(id)) expect(verdicts[id].status).toBe('off');
            else expect(verdicts[id].status).not.toBe('off');
          }
        },
      ),
      { numRuns: ALL_RULES_RUNS },
    );
  }, 60_000);
});
