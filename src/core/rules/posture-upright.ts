import type { CalibrationBaseline } from '../calibration/station-calibration';
import { DEFAULT_OBSERVATION_CONFIG, type PostureRulesConfig } from '../config';
import type { Observations } from '../types';
import { headSideTiltCheck } from './head-side-tilt-check';
import { headDownHiddenVerdict } from './head-down-hidden';
import { type Check, judge, meanVisibility, missingPartsReason } from './judge';
import type { RuleDefinition, RuleInput, Verdict } from './rule';

/*
 * Sources (RULES.md):
 *   000 坐姿要端正…上身自然挺直; 001 坐姿端正; 002 站、坐的姿勢要端正; 003 坐姿要挺直; 004 坐姿要文雅、端庄
 * and, in the same codes: 000 與受檢者面對面坐著時,應微微前傾 (lean slightly toward the customer: a small
 * forward lean passes); 004 不得驼背含胸垂头 (no hunched back, caved chest or hanging head); 004 不要前俯后仰
 * (neither slump forward nor lean back).
 *
 * Fails when the head has dropped (shoulder-to-ear line far from vertical), when the head has sunk
 * toward the shoulders (ears low above the shoulder line), when the head lies on its side, when the
 * head or trunk leans back (reclining), or when the trunk leans far forward. With a station calibration
 * it also fails a slump against the person's own upright baseline: the ears lower above the shoulders,
 * the head further from vertical and the head sunk lower in the frame, combined into one slump index.
 * Trunk lean counts only when the body is turned enough for it to show in the image; from the front
 * a counter hides the hips and the lean is the model's guess.
 */

const RULE_ID = 'posture.upright';
const ANGLE_SCALE_DEG = 10;
const RATIO_SCALE = 0.1;
const SLUMP_INDEX_SCALE = 0.5;

/**
 * How far the head sank in the frame since the baseline, in the baseline's shoulder widths (0 when it rose).
 * Null without both positions, or while the person looks nearer the camera than `baselineHeadSinkScaleMax`.
 */
function headSinkShoulderWidths(o: Observations, baseline: CalibrationBaseline, config: PostureRulesConfig): number | null {
  const baselineWidth = baseline.shoulderWidthFrameHeights ?? null;
  if (o.headImageY === null || baseline.headImageY === null || baselineWidth === null || baselineWidth <= 0) return null;
  if (o.shoulderWidthFrameHeights === null || o.shoulderWidthFrameHeights / baselineWidth > config.baselineHeadSinkScaleMax) return null;
  return Math.max(0, (o.headImageY - baseline.headImageY) / baselineWidth);
}

/**
 * How far the posture has slumped from the baseline: 0 = as upright, 1 = at the limit. Slumping lowers the
 * ears toward the shoulders, tips the head from vertical and sinks the whole head in the frame, in any mix,
 * so the three deviations (each over its limit) are combined into one distance.
 */
function slumpFromBaseline(o: Observations, baseline: CalibrationBaseline | null, config: PostureRulesConfig) {
  const baselineEar = baseline?.earAboveShoulderRatio ?? null;
  const baselineHead = baseline?.headFromVerticalDeg ?? null;
  const earHeightDropFraction =
    baselineEar !== null && baselineEar > 0 && o.earAboveShoulderRatio !== null
      ? Math.max(0, (baselineEar - o.earAboveShoulderRatio) / baselineEar)
      : null;
  const headFromVerticalIncreaseDeg =
    baselineHead !== null && o.headFromVerticalDeg !== null ? Math.max(0, o.headFromVerticalDeg - baselineHead) : null;
  const headSink = baseline ? headSinkShoulderWidths(o, baseline, config) : null;
  const slumpIndex =
    earHeightDropFraction === null && headFromVerticalIncreaseDeg === null
      ? null
      : Math.hypot(
          (earHeightDropFraction ?? 0) / config.baselineEarHeightDropMaxFraction,
          (headFromVerticalIncreaseDeg ?? 0) / config.baselineHeadFromVerticalMarginDeg,
          (headSink ?? 0) / config.baselineHeadSinkMaxShoulderWidths,
        );
  return { earHeightDropFraction, headFromVerticalIncreaseDeg, headSinkShoulderWidths: headSink, slumpIndex };
}

function evaluate({ observations: o, calibration, config, landmarkVisibilityMin, personDetectionScoreMin }: RuleInput): Verdict {
  const headDown = headDownHiddenVerdict(
    RULE_ID,
    o,
    personDetectionScoreMin ?? DEFAULT_OBSERVATION_CONFIG.personDetectionScoreMin,
  );
  if (headDown) return headDown;
  const baseline = calibration?.baseline ?? null;
  const slump = slumpFromBaseline(o, baseline, config);
  const trunkSeen = o.bodyYawDeg !== null && Math.abs(o.bodyYawDeg) >= config.trunkLeanBodyYawMinDeg;
  const trunkLean = trunkSeen ? o.trunkLeanForwardDeg : null;

  const checks: Check[] = [
    {
      measure: 'headFromVerticalDeg',
      value: o.headFromVerticalDeg,
      threshold: 'headFromVerticalMaxDeg',
      limit: config.headFromVerticalMaxDeg,
      bound: 'max',
      scale: ANGLE_SCALE_DEG,
      failReason: 'head dropped',
    },
    {
      measure: 'earAboveShoulderRatio',
      value: o.earAboveShoulderRatio,
      threshold: 'earAboveShoulderMinRatio',
      limit: config.earAboveShoulderMinRatio,
      bound: 'min',
      scale: RATIO_SCALE,
      failReason: 'head sunk toward the shoulders',
    },
    {
      measure: 'slumpIndex',
      value: slump.slumpIndex,
      threshold: 'slumpIndexMax',
      limit: 1,
      bound: 'max',
      scale: SLUMP_INDEX_SCALE,
      failReason: 'slumped from the upright baseline',
    },
    headSideTiltCheck(o, config),
    {
      measure: 'headForwardLeanDeg',
      value: o.headForwardLeanDeg,
      threshold: 'headForwardLeanMinDeg',
      limit: -config.headBackLeanMaxDeg,
      bound: 'min',
      scale: ANGLE_SCALE_DEG,
      failReason: 'head leaning back',
    },
    {
      measure: 'trunkLeanForwardDeg',
      value: trunkLean,
      threshold: 'trunkLeanForwardMaxDeg',
      limit: config.trunkLeanForwardMaxDeg,
      bound: 'max',
      scale: ANGLE_SCALE_DEG,
      failReason: 'trunk leaning far forward',
    },
    {
      measure: 'trunkLeanForwardDeg',
      value: trunkLean,
      threshold: 'trunkLeanForwardMinDeg',
      limit: -config.trunkReclineMaxDeg,
      bound: 'min',
      scale: ANGLE_SCALE_DEG,
      failReason: 'reclining',
    },
  ];
  const parts = trunkLean !== null ? (['shoulders', 'ears', 'hips'] as const) : (['shoulders', 'ears'] as const);
  return judge(RULE_ID, checks, {
    visibility: meanVisibility(o, parts),
    passNeedsAnyOf: ['headFromVerticalDeg', 'earAboveShoulderRatio'],
    unknownReason: missingPartsReason(
      o,
      ['shoulders', 'ears'],
      landmarkVisibilityMin ?? DEFAULT_OBSERVATION_CONFIG.landmarkVisibilityMin,
      'head not placed against the shoulders',
    ),
    measures: {
      bodyYawDeg: o.bodyYawDeg,
      noseAboveShoulderRatio: o.noseAboveShoulderRatio,
      earHeightDropFraction: slump.earHeightDropFraction,
      headFromVerticalIncreaseDeg: slump.headFromVerticalIncreaseDeg,
      headSinkShoulderWidths: slump.headSinkShoulderWidths,
    },
    thresholds: {
      baselineHeadFromVerticalDeg: baseline?.headFromVerticalDeg,
      baselineEarAboveShoulderRatio: baseline?.earAboveShoulderRatio,
      earHeightDropMaxFraction: baseline ? config.baselineEarHeightDropMaxFraction : null,
      headFromVerticalIncreaseMaxDeg: baseline ? config.baselineHeadFromVerticalMarginDeg : null,
      headSinkMaxShoulderWidths: baseline ? config.baselineHeadSinkMaxShoulderWidths : null,
      trunkLeanBodyYawMinDeg: config.trunkLeanBodyYawMinDeg,
    },
  });
}

export const postureUpright: RuleDefinition = {
  id: RULE_ID,
  title: { zh: '坐姿端正', en: 'Sit upright' },
  source: {
    zh: '000 坐姿要端正…上身自然挺直; 001 坐姿端正; 002 站、坐的姿勢要端正; 003 坐姿要挺直; 004 坐姿要文雅、端庄',
    en: '000 Sit properly… the upper body naturally straight; 001 Sit properly; 002 Stand and sit properly; 003 Sit up straight; 004 Sit gracefully and with dignity',
    refs: ['000', '001', '002', '003', '004'],
  },
  evaluate,
};
