import { DEFAULT_OBSERVATION_CONFIG } from '../config';
import { clampUnit, judgeAllOf, meanVisibility, missingPartsReason } from './judge';
import type { RuleDefinition, RuleInput, Verdict } from './rule';

/*
 * Source (RULES.md): 004 坐姿要端正 (also common codes: 不得托腮, no propping the chin on a hand);
 * 004 also says 不允许手托脑袋 (do not hold the head up with a hand).
 *
 * A head propped on a hand: a hand point at the chin or jaw, that hand's wrist at or below the chin,
 * and its forearm standing up from an elbow below it. A hand passing the face, a phone at the ear
 * (wrist above the jaw) or a hand on the counter does not match all three.
 */

const RULE_ID = 'posture.no_chin_resting';

function evaluate({ observations: o, config, landmarkVisibilityMin }: RuleInput): Verdict {
  const rest = o.chinRest;
  const visibilityMin = landmarkVisibilityMin ?? DEFAULT_OBSERVATION_CONFIG.landmarkVisibilityMin;
  const visibility = meanVisibility(o, ['shoulders', 'nose']);
  const conditions = [
    {
      measure: 'handToChinRatio',
      value: rest?.handToChinRatio ?? null,
      threshold: 'restingHandToChinMaxRatio',
      limit: config.chinRestHandToChinMaxRatio,
      bound: 'max',
      scale: 0.15,
    },
    {
      measure: 'wristBelowChinRatio',
      value: rest?.wristBelowChinRatio ?? null,
      threshold: 'restingWristBelowChinMinRatio',
      limit: config.chinRestWristBelowChinMinRatio,
      bound: 'min',
      scale: 0.1,
    },
    {
      measure: 'forearmFromVerticalDeg',
      value: rest?.forearmFromVerticalDeg ?? null,
      threshold: 'restingForearmFromVerticalMaxDeg',
      limit: config.chinRestForearmFromVerticalMaxDeg,
      bound: 'max',
      scale: 15,
    },
  ] as const;
  if (rest && rest.handToChinRatio === null) {
    // The chin is placed and no hand is seen anywhere: a hand holding the head would be in front of it.
    return {
      ruleId: RULE_ID,
      status: 'pass',
      evidence: {
        measures: {},
        thresholds: Object.fromEntries(conditions.map((c) => [c.threshold, c.limit])),
        confidence: clampUnit(0.5 * visibility),
        reason: 'no hand seen near the face',
      },
    };
  }
  return judgeAllOf(RULE_ID, conditions, {
    visibility,
    failReason: 'chin resting on a hand',
    unknownReason: rest
      ? 'hand at the chin, arm not seen'
      : missingPartsReason(o, ['shoulders', 'nose'], visibilityMin, 'chin not found'),
  });
}

export const postureNoChinResting: RuleDefinition = {
  id: RULE_ID,
  title: { zh: '不托腮', en: 'Do not rest the chin on a hand' },
  source: {
    zh: '004 坐姿要端正 (常见规范: 不得托腮)',
    en: '004 Sit properly (common codes: do not prop the chin on a hand)',
    refs: ['004'],
  },
  evaluate,
};
