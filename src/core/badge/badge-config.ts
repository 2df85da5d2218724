/**
 * Tunables of `dress.badge_visible`: where the chest is, and how sure the badge detector must be.
 * Ratios are in shoulder widths (image pixels); probabilities are 0..1.
 */

/** Where a badge sits across the chest, from the person's own point of view. */
export type BadgePosition = 'left_chest' | 'sternum' | 'right_chest';

export interface ChestRegionConfig {
  /** A shoulder, hip, wrist or elbow counts only when the pose model's visibility is at least this. Default 0.5. */
  readonly landmarkVisibilityMin: number;
  /** Chest box margin added left and right of the shoulders, in shoulder widths. Default 0.1. */
  readonly sideMarginRatio: number;
  /** Chest box top above the shoulder line, in shoulder widths. Default 0.05. */
  readonly topAboveShouldersRatio: number;
  /**
   * Chest box bottom below the shoulder line as a share of the shoulder-to-hip distance, when the hips are
   * seen. Default 1.0: down to the hips (a lanyard card can hang at the waist, RULES: above the hips).
   */
  readonly bottomTorsoShare: number;
  /**
   * Chest box depth below the shoulder line in shoulder widths when the hips are not seen (sitting at a
   * counter): the torso is extrapolated downward. Default 1.35 (shoulder to hip is about 1.2..1.4 shoulder widths).
   */
  readonly extrapolatedDepthRatio: number;
  /** Least and most chest depth, in shoulder widths, whatever the hips say. Defaults 0.6 and 1.5. */
  readonly depthMinRatio: number;
  readonly depthMaxRatio: number;
  /**
   * Least shoulder width over the face height (eye centre to mouth centre, nearly unchanged when the body
   * or the head turns). Default 2.2: square on, the pose model puts the shoulders about 3..5 face heights
   * apart; at 2.2 the body is turned about 50..60 degrees away and the chest cannot be judged.
   */
  readonly shoulderToFaceHeightMinRatio: number;
  /**
   * When the face is not seen (a photo cropped at the neck), the turn is judged from the shoulders' depth
   * instead: most shoulder-line yaw, from the pose model's relative z. Default 55.
   */
  readonly shoulderDepthYawMaxDeg: number;
  /** Least share of the chest box inside the frame. Default 0.4: a webcam often cuts the lower chest, and a pocket badge sits high. */
  readonly inFrameShareMin: number;
  /** Forearm width, in shoulder widths, for the area an arm hides. Default 0.3. */
  readonly forearmWidthRatio: number;
  /**
   * The chest counts as covered by the arms when the forearms (elbow to wrist, wrist to fingers, each
   * `forearmWidthRatio` wide) hide this share of the inner chest box (the chest box shrunk by
   * `armInnerMarginShare` each side). Default 0.2: one forearm lying fully across the chest hides about 0.3,
   * a hand reaching in from the side about 0.1.
   */
  readonly armCoveredShareMin: number;
  /** Inner chest box margin, as a share of the chest box size. Default 0.12. */
  readonly armInnerMarginShare: number;
}

export interface BadgeRuleConfig {
  /** Pass when the detector's badge probability reaches this. Default 0.5. */
  readonly badgeProbabilityMin: number;
  /** Fail only when the probability is at most this; in between the verdict is `unknown`. Default 0.3. */
  readonly noBadgeProbabilityMax: number;
  /** Positions a badge is expected at (000: 徽章掛在上衣左口袋的中央; a lanyard hangs at the sternum). Default both. */
  readonly expectedPositions: readonly BadgePosition[];
  /** Half-width of the sternum band around the body midline, in shoulder widths. Default 0.15. */
  readonly sternumHalfWidthRatio: number;
}

export const DEFAULT_CHEST_REGION_CONFIG: ChestRegionConfig = {
  landmarkVisibilityMin: 0.5,
  sideMarginRatio: 0.1,
  topAboveShouldersRatio: 0.05,
  bottomTorsoShare: 1.0,
  extrapolatedDepthRatio: 1.35,
  depthMinRatio: 0.6,
  depthMaxRatio: 1.5,
  shoulderToFaceHeightMinRatio: 2.2,
  shoulderDepthYawMaxDeg: 55,
  inFrameShareMin: 0.4,
  forearmWidthRatio: 0.3,
  armCoveredShareMin: 0.2,
  armInnerMarginShare: 0.12,
};

export const DEFAULT_BADGE_RULE_CONFIG: BadgeRuleConfig = {
  badgeProbabilityMin: 0.5,
  noBadgeProbabilityMax: 0.3,
  expectedPositions: ['left_chest', 'sternum'],
  sternumHalfWidthRatio: 0.15,
};

/**
 * Tunables of the station's enrolled badge: how it is described at enrolment and searched for on the chest.
 * Shares are of the chest box width; similarities and scores are 0..1; grey levels are 0..1 of full scale.
 */
export interface EnrolledBadgeConfig {
  /** Columns of the small grey template each enrolled view is reduced to. Default 16. */
  readonly templateColumns: number;
  /** Least and most template rows (columns times the box's height over width, clamped). Defaults 6 and 32. */
  readonly templateRowsMin: number;
  readonly templateRowsMax: number;
  /** Least box side at enrolment, in camera pixels: fewer hold no detail. Default 16. */
  readonly enrolBoxSideMinPx: number;
  /**
   * Least grey standard deviation inside the box for a view to count (0..1 of full scale). Default 0.04:
   * a blank wall or a plain shirt has less; a card with its edges, print or photo has more.
   */
  readonly enrolGreyStdMin: number;
  /** Least mean template correlation between the enrolled views: below it the badge moved while captured. Default 0.5. */
  readonly enrolViewAgreementMin: number;
  /** Least and most searched window width, as shares of the chest box width. Defaults 0.08 and 0.6. */
  readonly windowWidthShareMin: number;
  readonly windowWidthShareMax: number;
  /** Ratio between successive searched window widths. Default 1.2. */
  readonly windowScaleStepRatio: number;
  /** Window positions are tried every this many template cells (the best are then refined by half a step). Default 2. */
  readonly searchStrideCells: number;
  /**
   * Grey standard deviation floor used in a window's correlation (0..1 of full scale), so a nearly flat
   * patch (a plain shirt) cannot correlate highly through its noise. Default 0.03.
   */
  readonly windowGreyStdFloor: number;
  /**
   * Tilts (degrees, clockwise on screen) the chest is searched at again when the upright search finds no
   * match: a card on a lanyard swings. The correlation holds to about 10 degrees each side of a searched
   * tilt. Default -15 and 15.
   */
  readonly searchTiltsDeg: readonly number[];
  /** Candidate windows (the best of the coarse search) checked against every view and the colours. Default 12. */
  readonly candidateCount: number;
  /**
   * The enrolled badge is found when its match score (best view's grey correlation times the colour
   * histogram similarity) reaches this. Default 0.6.
   */
  readonly matchScoreMin: number;
  /** The badge is confidently absent only when the best score over the whole, unoccluded chest is at most this. Default 0.4. */
  readonly noMatchScoreMax: number;
  /**
   * A window's colours are brought under the light of the enrolment before they are compared (the badge
   * may be enrolled by a morning window and checked under evening lamps): its channels are scaled by the
   * enrolled mean colour over its own. The overall change of light is held within these factors. Defaults
   * 0.5 and 2: a room up to twice as dim or as bright, after the webcam's own exposure took up most of a
   * change. Without it, the real enrolled card in a 0.6x dimmer copy of its photo scored 0.3: a confident
   * absence, a false fail.
   */
  readonly lightGainMin: number;
  readonly lightGainMax: number;
  /**
   * Most factor between one channel's correction and the overall one: a light's colour cast (warm lamps,
   * cool daylight) that the webcam's white balance left, not a repainting. Default 1.25: red against blue
   * may shift up to 1.56x between the enrolment and the check; the red holder of another card against an
   * enrolled blue one would need about 25x.
   */
  readonly lightCastRatioMax: number;
}

export const DEFAULT_ENROLLED_BADGE_CONFIG: EnrolledBadgeConfig = {
  templateColumns: 16,
  templateRowsMin: 6,
  templateRowsMax: 32,
  enrolBoxSideMinPx: 16,
  enrolGreyStdMin: 0.04,
  enrolViewAgreementMin: 0.5,
  windowWidthShareMin: 0.08,
  windowWidthShareMax: 0.6,
  windowScaleStepRatio: 1.2,
  searchStrideCells: 2,
  searchTiltsDeg: [-15, 15],
  windowGreyStdFloor: 0.03,
  candidateCount: 12,
  matchScoreMin: 0.6,
  noMatchScoreMax: 0.4,
  lightGainMin: 0.5,
  lightGainMax: 2,
  lightCastRatioMax: 1.25,
};
