import { type AppearanceRulesConfig, DEFAULT_APPEARANCE_RULES_CONFIG, resolveAppearanceConfig } from './appearance/appearance-config';
/**
 * Thresholds and tunables, in one typed place. Every field carries its unit in its name.
 * Stations override parts of it; `resolveConfig` merges and range-checks once.
 */
export interface ObservationConfig {
  /** A pose landmark counts only when the model's visibility is at least this (0..1). Default 0.5. */
  readonly landmarkVisibilityMin: number;
  /** A 'person' box from the object detector counts at this score (0..1) or above. Default 0.3, the detector's usual cut-off: it scores people seen only from behind and above low. */
  readonly personDetectionScoreMin: number;
  /**
   * With several people in frame and a calibrated position, a person is judged only when their head is within
   * this many shoulder widths of where the station's person sat at calibration. Default 1.5: slumping onto the
   * counter moves the head about one shoulder width; a customer or colleague beside the post is further.
   */
  readonly personMaxOffsetShoulderWidths: number;
  /**
   * Without a calibrated position, when only a face was found, a confident person box at least this many
   * times the area of that face's own box (and not holding it) is someone nearer the camera whose landmarks
   * are hidden: the one at the post, head down on the counter. Default 2: a nearer person's box grows with
   * the square of the nearness. On the 231 photos of LABELS.tsv, other people's boxes measured at most 0.9
   * times the judged person's own; the one photo of a head down in front of a face further back, 4.7.
   */
  readonly hiddenNearerPersonAreaRatioMin: number;
  /**
   * With a calibrated position and no body or face found at it, a confident person box whose top centre is
   * below the calibrated head and within `personMaxOffsetShoulderWidths` of it, holding no head that was
   * found, and at least this many calibrated shoulder widths wide is the person at the post, head down on
   * the counter, not an absence. Default 1: arms and shoulders on the counter span 1.5..2.5 shoulder widths;
   * the detector's partial boxes (an arm, a torso cut by the frame's edge) are narrower.
   */
  readonly hiddenPersonWidthMinShoulderWidths: number;
}

/**
 * Posture rule thresholds. `*Ratio` values are in shoulder widths (image space, yaw-corrected; see
 * `Observations.earAboveShoulderRatio`); angles are in degrees from vertical. Absolute limits always
 * apply; with a station calibration the `baseline*` limits add a tighter check against the person's
 * own upright posture at that station, which also cancels the camera's height and tilt.
 */
export interface PostureRulesConfig {
  /** A posture verdict must hold this long before the smoothed verdict changes. Default 2000 ms. */
  readonly postureHoldMs: number;

  // posture.upright
  /**
   * Most the shoulder-to-ear line may lean from vertical (any direction). Default 45: a head halfway
   * to horizontal has dropped, not nodded. The pose model reads a head held up at about 10..25 degrees
   * (ears sit a little forward of the shoulder joints), and RULA scores neck flexion past 20 degrees
   * as its worst band; 45 leaves room for reading papers on the counter.
   */
  readonly headFromVerticalMaxDeg: number;
  /**
   * Most the head may lean back behind the shoulders in the sagittal plane. Default 10: with the
   * model's forward offset this is some 25..35 degrees behind a head held up: reclining (004: 不要前俯后仰).
   */
  readonly headBackLeanMaxDeg: number;
  /**
   * Least height of the ears above the shoulder line, in shoulder widths. Default 0.30: sitting up the
   * ears stand about 0.5..0.65 shoulder widths above it (ear to acromion about 20 cm against a 38 cm
   * shoulder width); under 0.30 the head has sunk halfway to the shoulders.
   */
  readonly earAboveShoulderMinRatio: number;
  /**
   * Most forward trunk lean from vertical. Default 45: 000 asks for a slight lean toward the customer
   * (微微前傾); RULA treats 20..60 degrees of trunk flexion as one band, and 45 is the point where the
   * chest is nearer the counter than upright. Checked only when the trunk is seen from the side enough
   * (`trunkLeanBodyYawMinDeg`): from the front the lean is a guess in depth.
   */
  readonly trunkLeanForwardMaxDeg: number;
  /**
   * Most backward trunk lean (recline) from vertical. Default 20: a backrest at 100..110 degrees to the
   * thighs counts as sitting up in office ergonomics; past 20 degrees the person reclines (后仰).
   */
  readonly trunkReclineMaxDeg: number;
  /**
   * Trunk lean limits apply only when the body is turned at least this far from the camera, so that
   * the lean shows in the image and not only in the model's depth guess. Default 30 (sin 30 = 0.5:
   * half of a lean shows as sideways motion in the image).
   */
  readonly trunkLeanBodyYawMinDeg: number;
  /**
   * With a calibration: most the head may lean further from vertical than in the baseline. Default 12:
   * well above the frame-to-frame jitter of the pose model (about 3..5 degrees) and the nods of
   * normal conversation.
   */
  readonly baselineHeadFromVerticalMarginDeg: number;
  /**
   * With a calibration: most the ears' height above the shoulders may drop, as a share of the baseline
   * height. Default 0.12: upright frames of one sitting vary by about 5%; slumping sinks the head by
   * 3..5 cm of its 20 cm, 15..25%.
   * Slumping moves the head down and forward at once, so the two baseline deviations are combined:
   * the slump index hypot(drop / this, lean increase / `baselineHeadFromVerticalMarginDeg`) must stay
   * at most 1. Either deviation alone at its limit gives 1.
   */
  readonly baselineEarHeightDropMaxFraction: number;
  /**
   * With a calibration: most the head may sink lower in the frame than in the baseline, in the baseline's
   * shoulder widths, joining the slump index as its third deviation. Default 0.15 (about 6 cm): sinking back
   * or down in the chair lowers the whole head by 10..15 cm while the neck can stay straight; upright frames
   * of one sitting move it by under 0.05.
   */
  readonly baselineHeadSinkMaxShoulderWidths: number;
  /**
   * The head sink counts only while the person looks at most this much bigger than in the baseline: coming
   * nearer to a camera above eye level also moves the head down in the frame, without any slump (a lean
   * toward the customer is judged by the lean limits instead). Default 1.15.
   */
  readonly baselineHeadSinkScaleMax: number;

  // posture.no_lying_on_counter
  /**
   * Sideways tilt of the face (|roll| from the face matrix) past which the head lies on its side, on
   * an arm or the counter. Default 45: the neck's own lateral flexion stops at about 45 degrees, so
   * more means the trunk has gone down too. Fails both upright and lying; works from the face alone
   * when the pose model finds no body.
   */
  readonly lyingHeadRollDeg: number;
  /**
   * Head lean from vertical past which the head is lying down (on the counter or an arm).
   * Default 60: closer to horizontal than to vertical, with 15 degrees to spare for the model's
   * forward offset. Active cervical flexion alone stops at about 45..50 degrees.
   */
  readonly lyingHeadFromVerticalDeg: number;
  /** Ears lower than this above the shoulder line mean the head is down at shoulder level. Default 0.15 (about 6 cm). */
  readonly lyingEarAboveShoulderRatio: number;
  /** Nose lower than this above the shoulder line: the face is below the shoulders. Default 0. */
  readonly lyingNoseAboveShoulderRatio: number;
  /**
   * Forward trunk lean past which the torso is lying over the counter. Default 60 (nearer horizontal
   * than vertical); side views only, as for `trunkLeanForwardMaxDeg`.
   */
  readonly lyingTrunkLeanForwardDeg: number;

  // posture.shoulders_level
  /**
   * Most tilt of the shoulder line from horizontal (or from the baseline tilt, which cancels camera
   * roll, when calibrated). Default 8: standing asymmetry of 1..2 cm reads as 2..3 degrees, the model
   * jitters by about 2; leaning on one elbow reads 10..15.
   */
  readonly shoulderTiltMaxDeg: number;
  /** Shoulder tilt is not judged when the body is turned further than this from the camera. Default 45. */
  readonly shoulderTiltBodyYawMaxDeg: number;

  // posture.no_arms_crossed
  /**
   * Most distance from each wrist to the opposite elbow for folded arms, in shoulder widths.
   * Default 0.5 (about 19 cm): a forearm is about 0.65 shoulder widths long, so a folded arm puts
   * the wrist on the other arm near its elbow.
   */
  readonly armsCrossedWristToElbowMaxRatio: number;
  /** Least distance both wrists must lie past the body midline, in shoulder widths. Default 0.1 (about 4 cm). */
  readonly armsCrossedWristPastMidlineMinRatio: number;

  // posture.no_chin_resting
  /**
   * Most distance from the chin to a hand point for a hand holding the head, in shoulder widths.
   * Default 0.3 (about 11 cm, half a hand length): the chin or jaw lies in the hand.
   */
  readonly chinRestHandToChinMaxRatio: number;
  /** Least drop of that hand's wrist below the chin, in shoulder widths. Default -0.1: the wrist is at or below the jaw, not at the ear or eyes. */
  readonly chinRestWristBelowChinMinRatio: number;
  /** Most lean of the forearm from vertical for it to prop the head. Default 45: the elbow sits under the hand. */
  readonly chinRestForearmFromVerticalMaxDeg: number;
}

export interface CounterCheckConfig {
  readonly observations: ObservationConfig;
  readonly rules: PostureRulesConfig;
  /** Dress and grooming thresholds (sunglasses, hat, hair colour, bangs): see appearance-config.ts. */
  readonly appearance: AppearanceRulesConfig;
}

export type ConfigOverrides = { readonly [K in keyof CounterCheckConfig]?: Partial<CounterCheckConfig[K]> };

export const DEFAULT_OBSERVATION_CONFIG: ObservationConfig = {
  landmarkVisibilityMin: 0.5,
  personDetectionScoreMin: 0.3,
  personMaxOffsetShoulderWidths: 1.5,
  hiddenNearerPersonAreaRatioMin: 2,
  hiddenPersonWidthMinShoulderWidths: 1,
};

export const DEFAULT_POSTURE_HOLD_MS = 2000;

export const DEFAULT_POSTURE_RULES_CONFIG: PostureRulesConfig = {
  postureHoldMs: DEFAULT_POSTURE_HOLD_MS,
  headFromVerticalMaxDeg: 45,
  headBackLeanMaxDeg: 10,
  earAboveShoulderMinRatio: 0.3,
  trunkLeanForwardMaxDeg: 45,
  trunkReclineMaxDeg: 20,
  trunkLeanBodyYawMinDeg: 30,
  baselineHeadFromVerticalMarginDeg: 12,
  baselineEarHeightDropMaxFraction: 0.12,
  baselineHeadSinkMaxShoulderWidths: 0.15,
  baselineHeadSinkScaleMax: 1.15,
  lyingHeadRollDeg: 45,
  lyingHeadFromVerticalDeg: 60,
  lyingEarAboveShoulderRatio: 0.15,
  lyingNoseAboveShoulderRatio: 0,
  lyingTrunkLeanForwardDeg: 60,
  shoulderTiltMaxDeg: 8,
  shoulderTiltBodyYawMaxDeg: 45,
  armsCrossedWristToElbowMaxRatio: 0.5,
  armsCrossedWristPastMidlineMinRatio: 0.1,
  chinRestHandToChinMaxRatio: 0.3,
  chinRestWristBelowChinMinRatio: -0.1,
  chinRestForearmFromVerticalMaxDeg: 45,
};

export const DEFAULT_CONFIG: CounterCheckConfig = {
  observations: DEFAULT_OBSERVATION_CONFIG,
  rules: DEFAULT_POSTURE_RULES_CONFIG,
  appearance: DEFAULT_APPEARANCE_RULES_CONFIG,
};

function checkRange(name: string, value: number, min: number, max: number): void {
  if (!(Number.isFinite(value) && value >= min && value <= max)) {
    throw new RangeError(`${name} must be within ${min}..${max}, got ${value}`);
  }
}

function checkUnitInterval(name: string, value: number): void {
  if (!(value >= 0 && value <= 1)) throw new RangeError(`${name} must be within 0..1, got ${value}`);
}

/** Allowed range per posture threshold: wide enough for any station, narrow enough to catch a wrong unit. */
const POSTURE_RULE_RANGES: { readonly [K in keyof PostureRulesConfig]: readonly [number, number] } = {
  postureHoldMs: [0, 60_000],
  headFromVerticalMaxDeg: [0, 90],
  headBackLeanMaxDeg: [0, 90],
  earAboveShoulderMinRatio: [-1, 2],
  trunkLeanForwardMaxDeg: [0, 90],
  trunkReclineMaxDeg: [0, 90],
  trunkLeanBodyYawMinDeg: [0, 90],
  baselineHeadFromVerticalMarginDeg: [0.5, 90],
  baselineEarHeightDropMaxFraction: [0.01, 1],
  baselineHeadSinkMaxShoulderWidths: [0.01, 2],
  baselineHeadSinkScaleMax: [1, 3],
  lyingHeadRollDeg: [0, 180],
  lyingHeadFromVerticalDeg: [0, 180],
  lyingEarAboveShoulderRatio: [-1, 2],
  lyingNoseAboveShoulderRatio: [-1, 2],
  lyingTrunkLeanForwardDeg: [0, 90],
  shoulderTiltMaxDeg: [0, 90],
  shoulderTiltBodyYawMaxDeg: [0, 90],
  armsCrossedWristToElbowMaxRatio: [0, 3],
  armsCrossedWristPastMidlineMinRatio: [-1, 1],
  chinRestHandToChinMaxRatio: [0, 3],
  chinRestWristBelowChinMinRatio: [-2, 2],
  chinRestForearmFromVerticalMaxDeg: [0, 180],
};

/** The fields of an override that are set: `{ x: undefined }` keeps the default instead of erasing it. */
function definedOnly<T extends object>(section: Partial<T> | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(section ?? {}).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/** Merges overrides onto the defaults and throws early on out-of-range values. */
export function resolveConfig(overrides: ConfigOverrides = {}): CounterCheckConfig {
  const config: CounterCheckConfig = {
    observations: { ...DEFAULT_OBSERVATION_CONFIG, ...definedOnly(overrides.observations) },
    rules: { ...DEFAULT_POSTURE_RULES_CONFIG, ...definedOnly(overrides.rules) },
    appearance: resolveAppearanceConfig(definedOnly(overrides.appearance)),
  };
  checkUnitInterval('observations.landmarkVisibilityMin', config.observations.landmarkVisibilityMin);
  checkUnitInterval('observations.personDetectionScoreMin', config.observations.personDetectionScoreMin);
  checkRange('observations.personMaxOffsetShoulderWidths', config.observations.personMaxOffsetShoulderWidths, 0.1, 10);
  checkRange('observations.hiddenNearerPersonAreaRatioMin', config.observations.hiddenNearerPersonAreaRatioMin, 1, 20);
  checkRange('observations.hiddenPersonWidthMinShoulderWidths', config.observations.hiddenPersonWidthMinShoulderWidths, 0.1, 10);
  for (const [name, [min, max]] of Object.entries(POSTURE_RULE_RANGES)) {
    checkRange(`rules.${name}`, config.rules[name as keyof PostureRulesConfig], min, max);
  }
  if (config.rules.lyingHeadFromVerticalDeg < config.rules.headFromVerticalMaxDeg) {
    throw new RangeError('rules.lyingHeadFromVerticalDeg must not be below rules.headFromVerticalMaxDeg');
  }
  return config;
}
