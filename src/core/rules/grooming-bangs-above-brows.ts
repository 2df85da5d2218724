import {
  type AppearanceRuleDefinition,
  type AppearanceRuleInput,
  type AppearanceVerdict,
  appearanceUnknown,
  appearanceVerdict,
  faceConditionReason,
  limitConfidence,
} from '../appearance/appearance-rule';
import { sunglassesScore } from '../appearance/sunglasses-score';

/*
 * Source (RULES.md): 000 劉海要留在眉毛以上 (bangs must stay above the eyebrows).
 *
 * From measureBrowCover: each pixel of the strip just above the brows, and of the forehead above it, is
 * given to the nearer of the hair colour (seen on the crown or at the temples) and the skin colour (the
 * cheeks). Bangs down to the brows fill both with hair; spectacle rims and brow shadows reach only the
 * strip. Sunglasses rims sit on the brows, so with sunglasses on the rule is unknown. A hat brim low on
 * the forehead reads like bangs.
 */

const RULE_ID = 'grooming.bangs_above_brows';
const SHARE_SCALE = 0.2;

function evaluate({ appearance, config }: AppearanceRuleInput): AppearanceVerdict {
  const m = appearance.browCover;
  const thresholds = {
    bangsAboveBrowHairLikeShareMax: config.bangsAboveBrowHairLikeShareMax,
    bangsMidForeheadHairLikeShareMax: config.bangsMidForeheadHairLikeShareMax,
    bangsHairToSkinColorContrastMin: config.bangsHairToSkinColorContrastMin,
    bangsInterocularMinPx: config.bangsInterocularMinPx,
  };
  const faceReason = faceConditionReason(appearance, config, m);
  if (faceReason) return appearanceUnknown(RULE_ID, faceReason, { ...m }, thresholds);
  if (!m) {
    return appearanceUnknown(RULE_ID, 'no hair seen to compare the brows with, or brows out of frame', {}, thresholds);
  }
  const measures = { ...m };
  if (m.interocularPx < config.bangsInterocularMinPx) {
    return appearanceUnknown(RULE_ID, 'face too small to see the brows', measures, thresholds);
  }
  if (m.hairToSkinColorContrast < config.bangsHairToSkinColorContrastMin) {
    return appearanceUnknown(RULE_ID, 'hair and skin colours too alike to tell apart', measures, thresholds);
  }
  const sunglasses = appearance.sunglasses;
  if (sunglasses && sunglassesScore(sunglasses, config) >= config.sunglassesScoreFailMin) {
    return appearanceUnknown(RULE_ID, 'brows hidden behind sunglasses', measures, thresholds);
  }
  const stripCovered = m.aboveBrowHairLikeShare > config.bangsAboveBrowHairLikeShareMax;
  const foreheadCovered = m.midForeheadHairLikeShare > config.bangsMidForeheadHairLikeShareMax;
  const failed = stripCovered && foreheadCovered;
  const stripConfidence = limitConfidence(m.aboveBrowHairLikeShare, config.bangsAboveBrowHairLikeShareMax, SHARE_SCALE);
  const foreheadConfidence = limitConfidence(
    m.midForeheadHairLikeShare,
    config.bangsMidForeheadHairLikeShareMax,
    SHARE_SCALE,
  );
  // A fail needs both: its confidence is the weaker one. A pass needs either to be clear: the stronger one.
  const confidence = failed
    ? Math.min(stripConfidence, foreheadConfidence)
    : Math.max(stripCovered ? 0 : stripConfidence, foreheadCovered ? 0 : foreheadConfidence);
  return appearanceVerdict(
    RULE_ID,
    failed,
    confidence,
    measures,
    thresholds,
    `hair covers the brows: aboveBrowHairLikeShare ${m.aboveBrowHairLikeShare.toFixed(2)} > ` +
      `${config.bangsAboveBrowHairLikeShareMax}, midForeheadHairLikeShare ` +
      `${m.midForeheadHairLikeShare.toFixed(2)} > ${config.bangsMidForeheadHairLikeShareMax}`,
  );
}

export const groomingBangsAboveBrows: AppearanceRuleDefinition = {
  id: RULE_ID,
  title: { zh: '刘海留在眉毛以上', en: 'Bangs above the eyebrows' },
  source: { zh: '000 劉海要留在眉毛以上', en: '000 Bangs must stay above the eyebrows', refs: ['000'] },
  evaluate,
};
