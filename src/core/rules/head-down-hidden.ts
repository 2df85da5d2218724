import type { Observations } from '../types';
import { clampUnit, finiteEntries } from './judge';
import type { RuleId, Verdict } from './rule';

/**
 * A person whose landmarks cannot be found the usual way because the head is down: a body found
 * only with the frame turned sideways (lying on the side), or a person the object detector sees while
 * neither the body nor the face landmarks are found (head down on the counter, face hidden).
 * Returns the failing verdict, or null when the landmarks were found normally (or the detection's score
 * is not a number: nothing to go on). Evidence keeps only finite numbers.
 */
export function headDownHiddenVerdict(ruleId: RuleId, o: Observations, personScoreMin: number): Verdict | null {
  if (o.bodyFoundOnlySideways) {
    return {
      ruleId,
      status: 'fail',
      evidence: {
        measures: { bodyFoundOnlySideways: 1 },
        thresholds: {},
        confidence: 0.8,
        decidingMeasure: 'bodyFoundOnlySideways',
        reason: 'the body was found only with the frame turned sideways: lying on the counter',
      },
    };
  }
  const person = o.personWithoutLandmarks;
  if (!person || !Number.isFinite(person.score)) return null;
  return {
    ruleId,
    status: 'fail',
    evidence: {
      measures: finiteEntries({ personScore: person.score, personBoxTopY: person.box.y, personBoxHeightRatio: person.box.height }),
      thresholds: finiteEntries({ personScoreMin }),
      confidence: clampUnit(person.score),
      decidingMeasure: 'personScore',
      reason: 'a person is at the counter but neither face nor body landmarks can be seen: head down on the counter',
    },
  };
}
