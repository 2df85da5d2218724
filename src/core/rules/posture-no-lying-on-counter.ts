import { DEFAULT_OBSERVATION_CONFIG } from '../config';
import { headSideTiltCheck } from './head-side-tilt-check';
import { headDownHiddenVerdict } from './head-down-hidden';
import { type Check, judge, meanVisibility, missingPartsReason } from './judge';
import type { RuleDefinition, RuleInput, Verdict } from './rule';

/*
 * Sources (RULES.md):
 *   000 可以將手臂放在櫃臺上,但不允許趴在櫃臺上 (arms may rest on the counter, but no lying on it);
 *   003 不得趴在窗口 (no lying on the service window)
 * and 004 不允许趴在柜台上.
 *
 * Fails when the head is down: the shoulder-to-ear line lies nearer horizontal than vertical (forward
 * onto the counter or sideways onto an arm), the face lies on its side (this one works from the face
 * alone when the pose model finds no body), the ears are down at the shoulder line, the face is below
 * it, the head is at or below the station's marked counter line, or the torso lies over the counter
 * (side views). Arms resting on the counter change none of these, so they pass while the head is up.
 * A face hidden in the arms still leaves shoulders and ears, which is all this rule needs.
 */

const RULE_ID = 'posture.no_lying_on_counter';
const ANGLE_SCALE_DEG = 15;
const RATIO_SCALE = 0.15;
const IMAGE_Y_SCALE = 0.05;

function evaluate({ observations: o, calibration, config, landmarkVisibilityMin, personDetectionScoreMin }: RuleInput): Verdict {
  const headDown = headDownHiddenVerdict(
    RULE_ID,
    o,
    personDetectionScoreMin ?? DEFAULT_OBSERVATION_CONFIG.personDetectionScoreMin,
  );
  if (headDown) return headDown;
  const trunkSeen = o.bodyYawDeg !== null && Math.abs(o.bodyYawDeg) >= config.trunkLeanBodyYawMinDeg;
  const counterLineY = calibration?.counterLineY;
  const checks: Check[] = [
    {
      measure: 'headFromVerticalDeg',
      value: o.headFromVerticalDeg,
      threshold: 'headFromVerticalMaxDeg',
      limit: config.lyingHeadFromVerticalDeg,
      bound: 'max',
      scale: ANGLE_SCALE_DEG,
      failReason: 'head lying down',
    },
    headSideTiltCheck(o, config),
    {
      measure: 'earAboveShoulderRatio',
      value: o.earAboveShoulderRatio,
      threshold: 'earAboveShoulderMinRatio',
      limit: config.lyingEarAboveShoulderRatio,
      bound: 'min',
      scale: RATIO_SCALE,
      failReason: 'head down at the shoulder line',
    },
    {
      measure: 'noseAboveShoulderRatio',
      value: o.noseAboveShoulderRatio,
      threshold: 'noseAboveShoulderMinRatio',
      limit: config.lyingNoseAboveShoulderRatio,
      bound: 'min',
      scale: RATIO_SCALE,
      failReason: 'face below the shoulder line',
    },
    {
      measure: 'trunkLeanForwardDeg',
      value: trunkSeen ? o.trunkLeanForwardDeg : null,
      threshold: 'trunkLeanForwardMaxDeg',
      limit: config.lyingTrunkLeanForwardDeg,
      bound: 'max',
      scale: ANGLE_SCALE_DEG,
      failReason: 'torso lying over the counter',
    },
  ];
  if (counterLineY !== undefined) {
    checks.push({
      measure: 'headImageY',
      value: o.headImageY,
      threshold: 'headImageMaxY',
      limit: counterLineY,
      bound: 'max',
      scale: IMAGE_Y_SCALE,
      failReason: 'head down at the counter line',
    });
  }
  return judge(RULE_ID, checks, {
    visibility: meanVisibility(o, ['shoulders', 'ears']),
    passNeedsAnyOf: ['headFromVerticalDeg', 'earAboveShoulderRatio', 'noseAboveShoulderRatio'],
    unknownReason: missingPartsReason(
      o,
      ['shoulders', 'ears'],
      landmarkVisibilityMin ?? DEFAULT_OBSERVATION_CONFIG.landmarkVisibilityMin,
      'head not placed against the shoulders',
    ),
    measures: { bodyYawDeg: o.bodyYawDeg },
    thresholds: { trunkLeanBodyYawMinDeg: config.trunkLeanBodyYawMinDeg },
  });
}

export const postureNoLyingOnCounter: RuleDefinition = {
  id: RULE_ID,
  title: { zh: '不趴在櫃臺上', en: 'Do not lie on the counter' },
  source: {
    zh: '000 可以將手臂放在櫃臺上,但不允許趴在櫃臺上; 003 不得趴在窗口',
    en: '000 Arms may rest on the counter, but lying on the counter is not allowed; 003 Do not lie on the service window',
    refs: ['000', '003'],
  },
  evaluate,
};
