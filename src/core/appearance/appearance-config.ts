/**
 * Thresholds of the grooming and dress rules judged from pixels, each with its unit in its name.
 * Luminance ratios compare one face region's median Rec. 601 luma with the person's own cheeks, so they do
 * not depend on exposure or skin tone. `resolveAppearanceConfig` merges overrides and range-checks once.
 */
export interface AppearanceRulesConfig {
  // Shared: when a face can be judged at all.
  /**
   * Most |faceYawAsymmetry| (nose tip between the face edges, 0 frontal, ±1 profile). Default 0.7, about
   * 35..40 degrees of yaw: past it the far side of the face is foreshortened to a sliver and the near
   * cheek turns away from the light. Turned further → unknown.
   */
  readonly faceYawAsymmetryMax: number;
  /**
   * Most |faceRollDeg| (eye line from horizontal). Default 30: a head tilted further rests on a hand or
   * the counter (a self-check still is upright), and light falls across the face in ways the
   * cheek-referenced ratios do not expect. Tilted further → unknown.
   */
  readonly faceRollMaxDeg: number;
  /**
   * Least median cheek luma, 0..255. Default 40: below it, camera noise and JPEG blocks are a large part
   * of the signal and dark lenses are no darker than the skin. Darker → unknown.
   */
  readonly cheekLuminanceMin: number;

  // dress.no_sunglasses
  /**
   * Least eye width (corner to corner) in pixels. Default 7: the lens region then still holds about 50
   * pixels, and the under-eye band a few JPEG blocks. Smaller → unknown.
   */
  readonly sunglassesEyeWidthMinPx: number;
  /**
   * Logistic sunglasses score, z = bias + logRatioWeight · ln(underEyeToCheekLuminanceRatio)
   * + skinShareWeight · eyeSkinLikeShare, score = 1 / (1 + e^-z). Weights fitted on the labelled and
   * hand-labelled development photos (logistic regression, 2 measures; see the rule's notes), then rounded.
   * Default bias -1.5.
   */
  readonly sunglassesScoreBias: number;
  /** Default -3: each halving of the under-eye brightness against the cheeks adds about 2 to z. */
  readonly sunglassesLogLuminanceRatioWeight: number;
  /** Default -8: skin seen around the eye (a clear lens or none) weighs against sunglasses. */
  readonly sunglassesSkinShareWeight: number;
  /**
   * Score from which the rule fails, 0..1. Default 0.5. With the default weights this fails an eye
   * region darker than 0.61 of the cheeks when no skin shows through, darker than 0.45 at a skin share
   * of 0.1, and 0.34 at 0.2.
   */
  readonly sunglassesScoreFailMin: number;
  /**
   * A mirrored lens is the other way round from a tinted one: it reflects the bright room, so the region
   * under the eye is far brighter than the cheeks. It fails at this ratio or more when, too, at most
   * `mirroredLensSkinLikeShareMax` of the lens region looks like skin. Default 1.5: bare skin there is never
   * that much brighter than the cheeks (the brightest bare or clear-lens eye in LABELS.tsv: 1.18); a glare
   * spot on a clear lens covers a patch, not the band.
   */
  readonly mirroredLensLuminanceRatioMin: number;
  /** Default 0.05: through a mirror nothing has the cheeks' colour; a clear lens shows skin (0.15..0.9). */
  readonly mirroredLensSkinLikeShareMax: number;

  // Hair, bangs and hat: the crown band above the forehead (see head-regions.ts).
  /**
   * Least distance between the eye centres, pixels, for the hair and hat rules. Default 24: the crown band
   * (0.5 IOD high) is then 12 pixels high, a few JPEG blocks. Smaller → unknown.
   */
  readonly headInterocularMinPx: number;
  /**
   * Least share of the crown band inside the image. Default 0.8: with the top of the head cut off (a
   * tight face crop) the crown shows too little of the hair or hat. Less → unknown.
   */
  readonly crownInFrameShareMin: number;

  // grooming.hair_color_natural
  /**
   * Least share of the crown band that is not skin-coloured for the hair to be judged. Default 0.25:
   * under it the head is bald, shaved or the hair is pulled far back, and what remains may be background.
   * Less → unknown.
   */
  readonly hairPixelShareMin: number;
  /**
   * Most share of the crown's hair pixels in an unnatural colour (saturated green, blue, purple, pink, or
   * vivid red, after removing the light's cast; see hair-color.ts). Default 0.15: natural hair under
   * coloured light or beside skin reads at most about 0.12 in the development photos; dyed hair from 0.17.
   */
  readonly hairUnnaturalColorShareMax: number;
  /**
   * Least share of unnatural colour at the temples (side bands) to confirm dyed hair. Default 0.1: a
   * coloured crown over naturally coloured sides is a hat, not dyed hair (the hat rule judges it), and
   * the hair rule answers unknown.
   */
  readonly hairSideUnnaturalColorShareMin: number;

  // dress.no_hat
  /**
   * Least share of the crown's non-skin pixels in a colour hair does not have, for a hat. Default 0.2:
   * above natural hair's 0.12 under odd light, with margin.
   */
  readonly hatCrownUnnaturalColorShareMin: number;
  /**
   * Most share of unnatural colour at the temples for a coloured crown to count as a hat. Default 0.1:
   * when the sides show the same colour, it is the hair (or the light), not a hat.
   */
  readonly hatSideUnnaturalColorShareMax: number;
  /**
   * Least share of the crown band inside the image for a coloured crown to fail as a hat when the top of the
   * head is cut off. Default 0.25: a tight face crop still shows the hat's lower part over the forehead; a
   * pass still needs `crownInFrameShareMin` (an unseen crown may hold a hat). In the photos outside the
   * labelled hat rows, no cut-off head read a coloured crown over natural temples.
   */
  readonly hatCrownVisibleShareMin: number;
  /**
   * Least distance between the eye centres, pixels, for the hat rule when a person mask filtered the crown
   * (background removed). Default 16: the crown band is then 8 pixels high. On the 25 faces of 13..24 px in
   * the 150 photos outside the labelled hat and hair rows (none with a hat), the masked crown read at most
   * 0.01 of unnatural colour, but one (15 px, a bald head against a blue glass building: 0.29, its temples
   * blue as well). Without a mask, `headInterocularMinPx` applies.
   */
  readonly hatInterocularMinPxWithPersonMask: number;

  // grooming.bangs_above_brows
  /**
   * Least distance between the eye centres, pixels, for bangs. Default 30: the strip above each brow
   * (0.12 IOD) is then about 4 pixels high. Smaller → unknown.
   */
  readonly bangsInterocularMinPx: number;
  /**
   * Least difference between the hair and skin colours (units of a luma factor 1.5 or a chromaticity step
   * of 0.04). Default 1.5: nearer colours cannot be told apart pixel by pixel (fair blond hair on fair
   * skin). Less → unknown.
   */
  readonly bangsHairToSkinColorContrastMin: number;
  /**
   * Most share of the strip just above the brows that looks like hair. Default 0.7: spectacle rims and
   * brow shadow reach into the strip; bangs fill it.
   */
  readonly bangsAboveBrowHairLikeShareMax: number;
  /**
   * Most share of the forehead above that strip that looks like hair. Default 0.7: bangs reaching the
   * brows cover the forehead above them too; rims and shadows do not. Bangs fail only when both limits
   * are passed.
   */
  readonly bangsMidForeheadHairLikeShareMax: number;
}

export const DEFAULT_APPEARANCE_RULES_CONFIG: AppearanceRulesConfig = {
  faceYawAsymmetryMax: 0.7,
  faceRollMaxDeg: 30,
  cheekLuminanceMin: 40,
  sunglassesEyeWidthMinPx: 7,
  sunglassesScoreBias: -1.5,
  sunglassesLogLuminanceRatioWeight: -3,
  sunglassesSkinShareWeight: -8,
  sunglassesScoreFailMin: 0.5,
  mirroredLensLuminanceRatioMin: 1.5,
  mirroredLensSkinLikeShareMax: 0.05,
  headInterocularMinPx: 24,
  crownInFrameShareMin: 0.8,
  hairPixelShareMin: 0.25,
  hairUnnaturalColorShareMax: 0.15,
  hairSideUnnaturalColorShareMin: 0.1,
  hatCrownUnnaturalColorShareMin: 0.2,
  hatSideUnnaturalColorShareMax: 0.1,
  hatCrownVisibleShareMin: 0.25,
  hatInterocularMinPxWithPersonMask: 16,
  bangsInterocularMinPx: 30,
  bangsHairToSkinColorContrastMin: 1.5,
  bangsAboveBrowHairLikeShareMax: 0.7,
  bangsMidForeheadHairLikeShareMax: 0.7,
};

/** Allowed range per threshold: wide enough for any station, narrow enough to catch a wrong unit. */
const APPEARANCE_RULE_RANGES: { readonly [K in keyof AppearanceRulesConfig]: readonly [number, number] } = {
  faceYawAsymmetryMax: [0, 1],
  faceRollMaxDeg: [0, 180],
  cheekLuminanceMin: [0, 255],
  sunglassesEyeWidthMinPx: [1, 1000],
  sunglassesScoreBias: [-50, 50],
  sunglassesLogLuminanceRatioWeight: [-50, 0],
  sunglassesSkinShareWeight: [-100, 0],
  sunglassesScoreFailMin: [0, 1],
  mirroredLensLuminanceRatioMin: [1, 100],
  mirroredLensSkinLikeShareMax: [0, 1],
  headInterocularMinPx: [1, 2000],
  crownInFrameShareMin: [0, 1],
  hairPixelShareMin: [0, 1],
  hairUnnaturalColorShareMax: [0, 1],
  hairSideUnnaturalColorShareMin: [0, 1],
  hatCrownUnnaturalColorShareMin: [0, 1],
  hatSideUnnaturalColorShareMax: [0, 1],
  hatCrownVisibleShareMin: [0, 1],
  hatInterocularMinPxWithPersonMask: [1, 2000],
  bangsInterocularMinPx: [1, 2000],
  bangsHairToSkinColorContrastMin: [0, 100],
  bangsAboveBrowHairLikeShareMax: [0, 1],
  bangsMidForeheadHairLikeShareMax: [0, 1],
};

/** Merges overrides onto the defaults (undefined fields keep the default) and throws early on out-of-range values. */
export function resolveAppearanceConfig(overrides: Partial<AppearanceRulesConfig> = {}): AppearanceRulesConfig {
  const defined = Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined));
  const config: AppearanceRulesConfig = { ...DEFAULT_APPEARANCE_RULES_CONFIG, ...defined };
  for (const [name, [min, max]] of Object.entries(APPEARANCE_RULE_RANGES)) {
    const value = config[name as keyof AppearanceRulesConfig];
    if (!(Number.isFinite(value) && value >= min && value <= max)) {
      throw new RangeError(`appearance.${name} must be within ${min}..${max}, got ${value}`);
    }
  }
  return config;
}
