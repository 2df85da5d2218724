import { DEFAULT_OBSERVATION_CONFIG } from '../config';
import { judge, meanVisibility, missingPartsReason, unknownVerdict } from './judge';
import type { RuleDefinition, RuleInput, Verdict } from './rule';

/*
 * Source (RULES.md): 004 双肩平直 (shoulders level and straight); also 004 上身挺直,双肩平正.
 *
 * The shoulder line's tilt in the image, against the station's baseline tilt when calibrated (which
 * cancels a rolled camera), else against horizontal. Not judged when the body is turned far from the
 * camera: the foreshortened shoulder line exaggerates any height difference.
 */

const RULE_ID = 'posture.shoulders_level';
const ANGLE_SCALE_DEG = 5;

function evaluate({ observations: o, calibration, config, landmarkVisibilityMin }: RuleInput): Verdict {
  const baselineTiltDeg = calibration?.baseline.shoulderTiltDeg ?? null;
  const thresholds = {
    shoulderTiltMaxDeg: config.shoulderTiltMaxDeg,
    bodyYawMaxDeg: config.shoulderTiltBodyYawMaxDeg,
    baselineShoulderTiltDeg: baselineTiltDeg,
  };
  if (o.bodyYawDeg !== null && Math.abs(o.bodyYawDeg) > config.shoulderTiltBodyYawMaxDeg) {
    return unknownVerdict(RULE_ID, 'body turned too far from the camera', { bodyYawDeg: o.bodyYawDeg }, thresholds);
  }
  const visibilityMin = landmarkVisibilityMin ?? DEFAULT_OBSERVATION_CONFIG.landmarkVisibilityMin;
  // The tilt is measured from visible shoulders; judge it only when both are also inside the frame.
  const shouldersInFrame = (o.poseVisibility?.shoulders ?? 0) >= visibilityMin;
  const offsetDeg =
    o.shoulderTiltDeg === null || !shouldersInFrame ? null : Math.abs(o.shoulderTiltDeg - (baselineTiltDeg ?? 0));
  return judge(
    RULE_ID,
    [
      {
        measure: 'shoulderTiltOffsetDeg',
        value: offsetDeg,
        threshold: 'shoulderTiltMaxDeg',
        limit: config.shoulderTiltMaxDeg,
        bound: 'max',
        scale: ANGLE_SCALE_DEG,
        failReason: baselineTiltDeg !== null ? 'shoulders tilted from the baseline' : 'shoulders tilted',
      },
    ],
    {
      visibility: meanVisibility(o, ['shoulders']),
      unknownReason: missingPartsReason(o, ['shoulders'], visibilityMin, 'shoulder line not measured'),
      measures: { shoulderTiltDeg: o.shoulderTiltDeg, bodyYawDeg: o.bodyYawDeg },
      thresholds,
    },
  );
}

export const postureShouldersLevel: RuleDefinition = {
  id: RULE_ID,
  title: { zh: '双肩平直', en: 'Keep the shoulders level' },
  source: { zh: '004 双肩平直', en: '004 Shoulders level and straight', refs: ['004'] },
  evaluate,
};
