import { DEFAULT_OBSERVATION_CONFIG } from '../config';
import { judgeAllOf, meanVisibility, missingPartsReason } from './judge';
import type { RuleDefinition, RuleInput, Verdict } from './rule';

/*
 * Source (RULES.md): 004 不要双手交叉抱在胸前 (do not fold the arms across the chest).
 *
 * Arms are folded when both wrists have crossed the body midline and each lies near the other arm's
 * elbow. Hands clasped on the counter cross the midline but stay far from the elbows; one arm reaching
 * across crosses with one wrist only. Both elbows and wrists must be seen, else unknown: folded arms
 * may hide the hands, and the rule never guesses.
 */

const RULE_ID = 'posture.no_arms_crossed';

function evaluate({ observations: o, config, landmarkVisibilityMin }: RuleInput): Verdict {
  const crossing = o.armsCrossing;
  return judgeAllOf(
    RULE_ID,
    [
      {
        measure: 'wristToOppositeElbowRatio',
        value: crossing?.wristToOppositeElbowRatio ?? null,
        threshold: 'crossedWristToElbowMaxRatio',
        limit: config.armsCrossedWristToElbowMaxRatio,
        bound: 'max',
        scale: 0.2,
      },
      {
        measure: 'wristPastMidlineRatio',
        value: crossing?.wristPastMidlineRatio ?? null,
        threshold: 'crossedWristPastMidlineMinRatio',
        limit: config.armsCrossedWristPastMidlineMinRatio,
        bound: 'min',
        scale: 0.1,
      },
    ],
    {
      visibility: meanVisibility(o, ['shoulders', 'elbows', 'wrists']),
      failReason: 'arms folded across the chest',
      unknownReason: missingPartsReason(
        o,
        ['shoulders', 'elbows', 'wrists'],
        landmarkVisibilityMin ?? DEFAULT_OBSERVATION_CONFIG.landmarkVisibilityMin,
        'arms not measured',
      ),
    },
  );
}

export const postureNoArmsCrossed: RuleDefinition = {
  id: RULE_ID,
  title: { zh: '不双手交叉抱在胸前', en: 'Do not fold the arms across the chest' },
  source: { zh: '004 不要双手交叉抱在胸前', en: '004 Do not fold the arms across the chest', refs: ['004'] },
  evaluate,
};
