import {
  type AppearanceRuleDefinition,
  type AppearanceRuleInput,
  type AppearanceVerdict,
  appearanceUnknown,
  appearanceVerdict,
  faceConditionReason,
  limitConfidence,
} from '../appearance/appearance-rule';

/*
 * Source (RULES.md): 000 禁止戴帽子 (wearing a hat is forbidden).
 *
 * From measureHeadTop: a crown in a colour hair does not have (blue, green, purple, pink, vivid red) over
 * temples that show natural hair colour is matter on top of the hair: a hat, cap or hood. A hat in a hair
 * colour (black, brown, beige, grey, white) gives no colour cue and passes, so a pass carries a low
 * confidence: it says no coloured hat was seen. Unknown when the top of the head is out of frame, and when
 * the temples show the crown's colour too (dyed hair, or a beanie or hood over the temples: colour alone
 * cannot tell them apart; grooming.hair_color_natural fails it either way).
 */

const RULE_ID = 'dress.no_hat';
const SHARE_SCALE = 0.15;
/** Most confidence of a pass: hats in hair colours are not seen. */
const PASS_CONFIDENCE_MAX = 0.6;

function evaluate({ appearance, config }: AppearanceRuleInput): AppearanceVerdict {
  const m = appearance.headTop;
  const thresholds = {
    hatCrownUnnaturalColorShareMin: config.hatCrownUnnaturalColorShareMin,
    hatSideUnnaturalColorShareMax: config.hatSideUnnaturalColorShareMax,
    crownInFrameShareMin: config.crownInFrameShareMin,
    headInterocularMinPx: config.headInterocularMinPx,
  };
  const faceReason = faceConditionReason(appearance, config, m);
  if (faceReason) return appearanceUnknown(RULE_ID, faceReason, { ...m }, thresholds);
  if (!m) return appearanceUnknown(RULE_ID, 'face regions out of frame', {}, thresholds);
  const measures = { ...m };
  if (m.interocularPx < config.headInterocularMinPx) {
    return appearanceUnknown(RULE_ID, 'face too small to see the head', measures, thresholds);
  }
  if (m.crownInFrameShare < config.crownInFrameShareMin) {
    return appearanceUnknown(RULE_ID, 'top of the head out of frame', measures, thresholds);
  }
  const colouredCrown = m.crownUnnaturalColorShare >= config.hatCrownUnnaturalColorShareMin;
  const naturalSides = m.sideUnnaturalColorShare <= config.hatSideUnnaturalColorShareMax;
  if (colouredCrown && !naturalSides) {
    const reason = 'crown and temples in one unnatural colour: dyed hair or a hat over the temples';
    return appearanceUnknown(RULE_ID, reason, measures, thresholds);
  }
  const failed = colouredCrown;
  const confidence = failed
    ? Math.min(
        limitConfidence(m.crownUnnaturalColorShare, config.hatCrownUnnaturalColorShareMin, SHARE_SCALE),
        limitConfidence(config.hatSideUnnaturalColorShareMax, m.sideUnnaturalColorShare, SHARE_SCALE),
      )
    : Math.min(
        PASS_CONFIDENCE_MAX,
        limitConfidence(config.hatCrownUnnaturalColorShareMin, m.crownUnnaturalColorShare, SHARE_SCALE),
      );
  return appearanceVerdict(
    RULE_ID,
    failed,
    confidence,
    measures,
    thresholds,
    `crown covered in a colour the hair at the temples lacks (a hat): crownUnnaturalColorShare ` +
      `${m.crownUnnaturalColorShare.toFixed(2)} >= ${config.hatCrownUnnaturalColorShareMin}, sideUnnaturalColorShare ` +
      `${m.sideUnnaturalColorShare.toFixed(2)} <= ${config.hatSideUnnaturalColorShareMax}`,
  );
}

export const dressNoHat: AppearanceRuleDefinition = {
  id: RULE_ID,
  title: { zh: '禁止戴帽子', en: 'No hats' },
  source: { zh: '000 禁止戴帽子', en: '000 Wearing a hat is forbidden', refs: ['000'] },
  evaluate,
};
