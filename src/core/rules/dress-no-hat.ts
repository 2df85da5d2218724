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
 *
 * With a person mask from the segmenter (see head-pixels.ts), the crown and temples are read on the person
 * only (a coloured background no longer reads as a hat), so smaller faces can be judged
 * (`hatInterocularMinPxWithPersonMask`). A coloured crown fails even when the top of the head is cut off, as
 * long as `hatCrownVisibleShareMin` of the crown band shows; a pass needs the whole crown in frame. The head's
 * outline (height above the forehead, width at the brim) is reported as evidence but does not decide: on the
 * 150 photos outside the labelled hat and hair rows, bare heads reached 0.4..2.3 IOD above the mesh top and
 * 1.8..4.9 IOD wide (hair volume, raised hands, people behind), which covers the 1.7..2.5 and 4.2..5.9 of the
 * hats in LABELS.tsv whose outline was measured. The colour difference between the crown and the temples
 * overlapped too: 0.1..6.4 units for bare heads (0..4.2 in chromaticity alone), while a white cap over blond
 * hair differs by 0.2. So did the share of unnatural colour in all the person's matter over the forehead up
 * to the outline (a cap worn above the crown band): up to 0.39 on bare heads (other people, clothes behind).
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
    hatCrownVisibleShareMin: config.hatCrownVisibleShareMin,
    headInterocularMinPx: m?.personMaskUsed ? config.hatInterocularMinPxWithPersonMask : config.headInterocularMinPx,
  };
  const faceReason = faceConditionReason(appearance, config, m);
  if (faceReason) return appearanceUnknown(RULE_ID, faceReason, { ...m }, thresholds);
  if (!m) return appearanceUnknown(RULE_ID, 'face regions out of frame', {}, thresholds);
  const measures = { ...m };
  if (m.interocularPx < thresholds.headInterocularMinPx) {
    return appearanceUnknown(RULE_ID, 'face too small to see the head', measures, thresholds);
  }
  if (m.crownInFrameShare < config.hatCrownVisibleShareMin) {
    return appearanceUnknown(RULE_ID, 'top of the head out of frame', measures, thresholds);
  }
  const colouredCrown = m.crownUnnaturalColorShare >= config.hatCrownUnnaturalColorShareMin;
  const naturalSides = m.sideUnnaturalColorShare <= config.hatSideUnnaturalColorShareMax;
  if (colouredCrown && !naturalSides) {
    const reason = 'crown and temples in one unnatural colour: dyed hair or a hat over the temples';
    return appearanceUnknown(RULE_ID, reason, measures, thresholds);
  }
  // A coloured crown is seen in part of it; no hat needs all of it.
  if (!colouredCrown && m.crownInFrameShare < config.crownInFrameShareMin) {
    return appearanceUnknown(RULE_ID, 'top of the head out of frame', measures, thresholds);
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
