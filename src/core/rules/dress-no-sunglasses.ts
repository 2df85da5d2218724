import {
  type AppearanceRuleDefinition,
  type AppearanceRuleInput,
  type AppearanceVerdict,
  appearanceUnknown,
  appearanceVerdict,
  faceConditionReason,
  limitConfidence,
} from '../appearance/appearance-rule';
import { sunglassesScore, underEyeRatioAtLimit } from '../appearance/sunglasses-score';

/*
 * Source (RULES.md): 000 上班不戴有色眼鏡 (no tinted glasses at work); 002 不准…戴墨鏡 (no sunglasses);
 * 004 办公时不戴墨镜或有色眼镜, 不得配各类有色镜片 (no sunglasses or tinted glasses at work, no tinted lenses
 * of any kind); 004 只允许员工因矫正视力的需要而戴眼镜 (glasses are allowed only to correct vision).
 *
 * Two measures from measureEyeRegions, both against the person's own cheeks:
 * - underEyeToCheekLuminanceRatio: the skin under the eye seen through a dark lens is far darker than the
 *   cheeks below the lens (0.1..0.45); bare or behind a clear lens it is 0.6..1.0;
 * - eyeSkinLikeShare: through a tinted or mirrored lens almost nothing around the eye has the cheeks'
 *   colour (< 0.1); bare or behind a clear lens, 0.15..0.9 of the lens region does.
 * They combine in a two-weight logistic score (config: sunglassesScore*). The weights were fitted by logistic
 * regression on the 185 judgeable development photos (55 from LABELS.tsv plus 130 hand-labelled stills of the
 * shared image set, 28 with sunglasses) and rounded. Leave-one-out the fit scored precision 0.92, recall 0.86
 * (F1 0.89) there, and F1 0.97 on the LABELS.tsv photos alone; its misses are light or gradient tints, mirrored
 * lenses in shade and bare eyes in deep shadow. The score maps to the luminance ratio a face must reach to
 * pass at its measured skin share, reported as `underEyeToCheekLuminanceRatioMin`.
 * Mirrored lenses reflect the room and read brighter than the cheeks, where the score sees bare skin: they
 * fail on their own check, an eye region far brighter than the cheeks (config: mirroredLens*) with almost
 * no skin colour in it.
 * Faces too small, too dark, turned or tilted too far are unknown, never fail.
 */

const RULE_ID = 'dress.no_sunglasses';
/** How far past the mirror's luminance ratio a verdict is clear-cut. */
const MIRROR_RATIO_SCALE = 0.5;

function evaluate({ appearance, config }: AppearanceRuleInput): AppearanceVerdict {
  const m = appearance.sunglasses;
  const thresholds = {
    sunglassesScoreFailMin: config.sunglassesScoreFailMin,
    sunglassesEyeWidthMinPx: config.sunglassesEyeWidthMinPx,
    cheekLuminanceMin: config.cheekLuminanceMin,
    faceYawAsymmetryMax: config.faceYawAsymmetryMax,
    faceRollMaxDeg: config.faceRollMaxDeg,
  };
  const faceReason = faceConditionReason(appearance, config, m);
  if (faceReason) return appearanceUnknown(RULE_ID, faceReason, { ...m }, thresholds);
  if (!m) return appearanceUnknown(RULE_ID, 'eyes or cheeks out of frame, or too few pixels to measure', {}, thresholds);
  if (m.eyeWidthPx < config.sunglassesEyeWidthMinPx) {
    return appearanceUnknown(RULE_ID, 'face too small to see the eyes', { ...m }, thresholds);
  }
  const score = sunglassesScore(m, config);
  const failMin = config.sunglassesScoreFailMin;
  const ratioMin = underEyeRatioAtLimit(m.eyeSkinLikeShare, config);
  const mirrorThresholds = {
    mirroredLensLuminanceRatioMin: config.mirroredLensLuminanceRatioMin,
    mirroredLensSkinLikeShareMax: config.mirroredLensSkinLikeShareMax,
  };
  const measures = { ...m, sunglassesScore: score };
  if (
    m.underEyeToCheekLuminanceRatio >= config.mirroredLensLuminanceRatioMin &&
    m.eyeSkinLikeShare <= config.mirroredLensSkinLikeShareMax
  ) {
    return appearanceVerdict(
      RULE_ID,
      true,
      limitConfidence(m.underEyeToCheekLuminanceRatio, config.mirroredLensLuminanceRatioMin, MIRROR_RATIO_SCALE),
      measures,
      { ...thresholds, ...mirrorThresholds },
      `eye region far brighter than the cheeks and unlike skin (mirrored lenses): underEyeToCheekLuminanceRatio ` +
        `${m.underEyeToCheekLuminanceRatio.toFixed(2)} >= ${config.mirroredLensLuminanceRatioMin}, ` +
        `eyeSkinLikeShare ${m.eyeSkinLikeShare.toFixed(2)} <= ${config.mirroredLensSkinLikeShareMax}`,
    );
  }
  const failed = score >= failMin;
  // 0.5 at the limit, 1 at a score of 0 or 1.
  const confidence = 0.5 + Math.abs(score - failMin) / (2 * (failed ? 1 - failMin || 1 : failMin || 1));
  return appearanceVerdict(
    RULE_ID,
    failed,
    confidence,
    measures,
    { ...thresholds, underEyeToCheekLuminanceRatioMin: ratioMin },
    `eye region dark and unlike skin (tinted lenses): sunglassesScore ${score.toFixed(2)} >= ${failMin}, ` +
      `underEyeToCheekLuminanceRatio ${m.underEyeToCheekLuminanceRatio.toFixed(2)}, ` +
      `eyeSkinLikeShare ${m.eyeSkinLikeShare.toFixed(2)}`,
  );
}

export const dressNoSunglasses: AppearanceRuleDefinition = {
  id: RULE_ID,
  title: { zh: '不戴墨镜或有色眼镜', en: 'No sunglasses or tinted glasses' },
  source: {
    zh:
      '000 上班不戴有色眼鏡; 002 不准…戴墨鏡; 004 办公时不戴墨镜或有色眼镜, 不得配各类有色镜片 ' +
      '(只允许员工因矫正视力的需要而戴眼镜)',
    en:
      '000 No tinted glasses at work; 002 No sunglasses; 004 No sunglasses or tinted glasses at work, ' +
      'no tinted lenses of any kind (glasses only to correct vision)',
    refs: ['000', '002', '004'],
  },
  evaluate,
};
