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
 * Source (RULES.md): 000 發型自然,不染異色 (a natural hairstyle, no hair dyed an odd colour); 002 不準…染顏色
 * 鮮艷的頭髮 (no hair dyed a bright colour); 004 不应漂染艳丽彩发 (no bleached or brightly dyed hair).
 * Black, brown, auburn, ginger, blond, grey and white pass.
 *
 * From measureHair: the share of the crown's hair pixels in a colour hair does not have naturally
 * (saturated green, blue, purple, pink, vivid red; after removing the light's cast with the cheeks as
 * reference). Dyed hair shows its colour at the temples too; a coloured crown over naturally coloured
 * temples is a hat, so the rule answers unknown then and leaves it to dress.no_hat. A coloured hat that
 * also covers the temples (a beanie, a hood) reads as dyed hair and fails here.
 * Ombré tips below the crown and dark dyes (burgundy, dark purple) are not seen.
 */

const RULE_ID = 'grooming.hair_color_natural';
/** How far past the limit, in share, counts as clear-cut. */
const SHARE_SCALE = 0.15;

function evaluate({ appearance, config }: AppearanceRuleInput): AppearanceVerdict {
  const m = appearance.hair;
  const thresholds = {
    hairUnnaturalColorShareMax: config.hairUnnaturalColorShareMax,
    hairSideUnnaturalColorShareMin: config.hairSideUnnaturalColorShareMin,
    hairPixelShareMin: config.hairPixelShareMin,
    crownInFrameShareMin: config.crownInFrameShareMin,
    headInterocularMinPx: config.headInterocularMinPx,
  };
  const faceReason = faceConditionReason(appearance, config, m);
  if (faceReason) return appearanceUnknown(RULE_ID, faceReason, { ...m }, thresholds);
  if (!m) return appearanceUnknown(RULE_ID, 'face regions out of frame', {}, thresholds);
  const measures = { ...m };
  if (m.interocularPx < config.headInterocularMinPx) {
    return appearanceUnknown(RULE_ID, 'face too small to see the hair', measures, thresholds);
  }
  if (m.crownInFrameShare < config.crownInFrameShareMin) {
    return appearanceUnknown(RULE_ID, 'top of the head out of frame', measures, thresholds);
  }
  if (m.hairPixelShare < config.hairPixelShareMin) {
    return appearanceUnknown(RULE_ID, 'too little hair visible', measures, thresholds);
  }
  const coloured = m.hairUnnaturalColorShare > config.hairUnnaturalColorShareMax;
  if (coloured && m.sideUnnaturalColorShare < config.hairSideUnnaturalColorShareMin) {
    return appearanceUnknown(RULE_ID, 'crown covered by something not hair-coloured (a hat?)', measures, thresholds);
  }
  const confidence = coloured
    ? Math.min(
        limitConfidence(m.hairUnnaturalColorShare, config.hairUnnaturalColorShareMax, SHARE_SCALE),
        limitConfidence(m.sideUnnaturalColorShare, config.hairSideUnnaturalColorShareMin, SHARE_SCALE),
      )
    : limitConfidence(m.hairUnnaturalColorShare, config.hairUnnaturalColorShareMax, SHARE_SCALE);
  return appearanceVerdict(
    RULE_ID,
    coloured,
    confidence,
    measures,
    thresholds,
    `hair (or a hat over it) in an unnatural colour: hairUnnaturalColorShare ` +
      `${m.hairUnnaturalColorShare.toFixed(2)} > ${config.hairUnnaturalColorShareMax} (hue ${m.hairHueDeg.toFixed(0)} deg)`,
  );
}

export const groomingHairColorNatural: AppearanceRuleDefinition = {
  id: RULE_ID,
  title: { zh: '发色自然, 不染艳丽彩发', en: 'Natural hair colour, no bright dyes' },
  source: {
    zh: '000 發型自然,不染異色; 002 不準…染顏色鮮艷的頭髮; 004 不应漂染艳丽彩发',
    en:
      '000 A natural hairstyle, no hair dyed an odd colour; 002 No hair dyed a bright colour; ' +
      '004 No bleached or brightly dyed hair',
    refs: ['000', '002', '004'],
  },
  evaluate,
};
