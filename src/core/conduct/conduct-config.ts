/**
 * Thresholds and tunables for the conduct rules (RULES.md, "Conduct while serving"), in one typed place.
 * Every field carries its unit in its name; `*FaceHeights` distances are in face heights (the face mesh
 * from its forehead top to the chin, about 18 cm on an adult), so that they hold at any camera distance.
 * Stations override parts of it; `resolveConductConfig` merges and range-checks once, throwing early.
 */

/** Per-frame signal thresholds (`conductSignals`). */
export interface ConductSignalConfig {
  /** A pose landmark (hand points, head points) counts only at this visibility (0..1) or above. Default 0.5, as the posture observations. */
  readonly landmarkVisibilityMin: number;
  /**
   * Mean eyeBlinkLeft/Right at or above which the eyes count as closed. Default 0.55: MediaPipe's blink
   * blendshape reads about 0..0.3 on open eyes, 0.35..0.5 on eyes lowered to a desk, and 0.6..0.9 on closed
   * lids; PERCLOS counts lids at least 80% closed (P80), which sits above the looking-down band.
   */
  readonly eyesClosedScoreMin: number;
  /**
   * The second cue, for closed lids the blink blendshape under-reads (0.35..0.5, the looking-down band):
   * the eyes also count as closed when the lid gap (upper to lower lid at the eye's middle) is at most this
   * many iris diameters. Default 0.3: lids that meet read 0..0.3 (the mesh rounds a closed lid's gap up);
   * eyes lowered to a desk or a phone still show the lower part of the iris, 0.35..0.65; open eyes 0.45..1.
   * Measured on photos outside the eval labels (people reading, on a phone, dozing at a desk).
   */
  readonly lidGapClosedMaxIrisDiameters: number;
  /**
   * The lid-gap cue counts only with the blink blendshape at least this high, so both cues agree that the
   * lids are down (a mesh misplaced on a blurred eye can read a small gap on its own). Default 0.3.
   */
  readonly lidGapEyeBlinkMin: number;
  /**
   * The lid-gap cue does not count on a broad smile (mean mouthSmile at or above this): the cheeks push the
   * lower lids up and narrow open eyes to 0.15..0.3 iris diameters. Default 0.5.
   */
  readonly lidGapSmileMax: number;
  /**
   * The eyes count closed only below this mean mouthSmile: a grin raises the cheeks and narrows open eyes
   * until the blink blendshapes read 0.3..0.66 (the photos of ../shared/images with a smile of 0.8 or more),
   * and nobody dozes grinning, least of all at the customer the smile rule asks them to smile at. Default
   * 0.8; a yawn can read as a smile up to about 0.55, so the limit stays well above it.
   */
  readonly eyesClosedSmileMax: number;
  /**
   * A hand from the hand landmark model counts (its outline covering the mouth, nose, ear or hair) only at
   * this hand score (the landmark model's hand presence, 0..1) or above. Default 0.4: real hands at the face
   * read 0.4..1 on LABELS.tsv's photos, the box detector's false boxes on bare faces and backgrounds about 0.
   */
  readonly handScoreMin: number;
  /**
   * Most |head yaw| (face matrix) for facing the customer. Default 30: the camera sits where the customer
   * is; a head turned more than 30 degrees aims the face past a customer across a 60..80 cm counter.
   */
  readonly facingYawMaxDeg: number;
  /**
   * Most |head pitch - `facingPitchCentreDeg`| for facing the customer. Default 20: 003 目光平視 (level
   * gaze); reading a form on the counter pitches the head 25..45 degrees down.
   */
  readonly facingPitchMaxDeg: number;
  /**
   * Head pitch that counts as level at this station: the camera's own offset from the customer's eye
   * height (+ = camera below the eyes, the face is then seen pitched up). Default 0 (camera at eye height).
   */
  readonly facingPitchCentreDeg: number;
  /**
   * Most eye gaze away from straight ahead (max of the eyeLookIn/Out/Up/Down blendshape pairs, 0..1) for
   * facing the customer; skipped when the face model gives no gaze blendshapes. Default 0.6: the pairs
   * read 0..0.3 looking ahead and 0.6..0.9 with the eyes turned to a screen or a desk.
   */
  readonly gazeAwayScoreMax: number;
  /**
   * Without a face, a body turned at least this far from the camera (|body yaw|) is facing away.
   * Default 60: the face model loses faces turned more than about 60..70 degrees.
   */
  readonly facingAwayBodyYawMinDeg: number;
  /**
   * Most distance from a hand point (wrist, index, pinky, thumb) to a face target (hair, ear, nose, mouth)
   * for the hand to be at it. Default 0.3 face heights (about 5 cm): the pose's index point sits at the
   * finger ends; nose tip and mouth centre are about 0.2 face heights apart, so the nearest target decides.
   */
  readonly handAtFaceMaxFaceHeights: number;
  /** A food or drink box (cup, bottle, sandwich…) counts at this detector score or above. Default 0.35: cups and bottles held up score 0.3..0.6; the hold time filters one-frame misses. */
  readonly objectScoreMin: number;
  /**
   * A phone box counts at this detector score or above. Default 0.25: CenterNet scores a phone held in a
   * hand or to the ear low, 0.16..0.36 on the phone photos of LABELS.tsv (a thin, mostly hidden object), and
   * a hand making the "call" sign without a phone up to 0.29; at 0.35 it found 2 of 15 phones, at 0.25 7
   * with 1 false one. The 3 s hold (three checks at the monitor's one a second) filters single ones.
   */
  readonly phoneScoreMin: number;
  /**
   * Least length of a phone box's longer side, in face heights, where the face's size is known. Default 0.3
   * (about 5 cm): a 13..16 cm phone in a hand or at the face is at about the face's distance from the camera
   * (at a counter, the hands are nearer), so it spans 0.7..0.9 face heights seen flat and still 0.4 turned
   * 60° away; a box a third of that would be a phone three times further away, behind the person. The
   * detector's small "phones" are an eye, a button or an earring.
   */
  readonly phoneLengthMinFaceHeights: number;
  /**
   * Most distance from a hand point to an object box (0 inside it) for the object to be in that hand.
   * Default 0.5 face heights (about 9 cm): the pose wrist lies a palm's length from the fingers holding it.
   */
  readonly objectInHandMaxFaceHeights: number;
  /**
   * The face region (face targets' bounding box) is widened by this on each side for a phone at the face.
   * Default 0.25 face heights: a phone held to the ear lies beside the face, not on it.
   */
  readonly faceRegionMarginFaceHeights: number;
  /** Least share of a phone box inside the widened face region for a phone at the face. Default 0.3. */
  readonly phoneAtFaceOverlapMin: number;
  /** Most distance from the mouth centre to a food or drink box (0 inside it) for it to be at the mouth. Default 0.25 face heights (about 4.5 cm, the lip-to-chin height). */
  readonly foodAtMouthMaxFaceHeights: number;
  /** Least jawOpen blendshape with a hand at the mouth for biting or drinking without a detected object. Default 0.2: closed 0..0.05, speech 0.1..0.4, a bite 0.3+. */
  readonly eatingJawOpenMin: number;
  /**
   * Least median cheek luma (0..255) for the face's blendshapes (smile, eyes closed, gaze) to count. Default
   * 40, as the appearance rules' `cheekLuminanceMin`: in low light or against a bright window the face model
   * still places a mesh, but its expressions are guesses. Darker → those measures are unknown, never a fail.
   */
  readonly faceLuminanceMin: number;
}

/** Timing shared by every time rule. */
export interface ConductTimingConfig {
  /**
   * A gap between frames longer than this is unknown time (a hidden tab, a stalled detector), not
   * continued state: windows do not count it, held signals restart after it. Default 2000 ms: detection
   * runs at 5..30 fps, so 2 s is ten dropped frames at the slowest rate.
   */
  readonly maxFrameGapMs: number;
  /**
   * A share rule (smile, face_customer, awake) is judged only when at least this share of its window was
   * measured; else unknown. Default 0.5 (30 s of a 60 s window).
   */
  readonly windowMeasuredMinFraction: number;
  /** A failing span of a share rule ends once the rule has not failed for this long (no split spans around the threshold). Default 5000 ms. */
  readonly failSpanEndGapMs: number;
}

/** conduct.smile */
export interface SmileConfig {
  /** Sliding window the smile share is taken over. Default 60000 ms: long enough to span a short service exchange. */
  readonly windowMs: number;
  /** Mean mouthSmileLeft/Right at or above which the face counts as smiling. Default 0.35: neutral faces read 0..0.2, a polite closed-mouth smile 0.35..0.6. */
  readonly smileScoreMin: number;
  /** Least share of measured time smiling. Default 0.3: the codes ask for 面带微笑 while serving, not a fixed grin; a third of the time is a lenient floor. */
  readonly smileShareMin: number;
}

/** conduct.face_customer */
export interface FaceCustomerConfig {
  /** Default 60000 ms. */
  readonly windowMs: number;
  /** Least share of measured time facing the customer. Default 0.5: serving takes the eyes to the screen and the forms too; under half the time is looking away. */
  readonly facingShareMin: number;
}

/** conduct.awake */
export interface AwakeConfig {
  /** PERCLOS window. Default 60000 ms (the one-minute PERCLOS of the drowsiness literature). */
  readonly windowMs: number;
  /**
   * Most share of measured time with the eyes closed (PERCLOS). Default 0.15: Wierwille et al. and the
   * FHWA PERCLOS studies treat 0.15 as drowsy; blinking alone is about 0.03..0.06.
   */
  readonly perclosMax: number;
  /**
   * Eyes closed without a break for this long is dozing off, whatever the window's PERCLOS. Default
   * 3000 ms: a blink lasts 0.1..0.4 s and a drowsy slow blink about 1 s; PERCLOS alone needs 9 s closed
   * in a minute, so it missed every 4 s closure in eval's event sequence. Eyes lowered to read can read
   * as closed (3 of the 105 normal-work photos in LABELS.tsv): raise it where staff read long forms
   * (station setup → Monitoring rate and times, or `?eyesClosedMaxMs=` on the monitor's address).
   */
  readonly eyesClosedMaxMs: number;
  /** Least head pitch drop below its running baseline for a nod. Default 15 degrees: conversational nods are 5..10. */
  readonly nodPitchDropDeg: number;
  /** A drop lasting longer than this is looking down (reading), not a nod. Default 4000 ms: a head falling asleep drops and jerks back in 0.5..3 s. */
  readonly nodMaxDurationMs: number;
  /** Least share of a drop's frames with the eyes closed for it to count as a nod. Default 0.5: looking down at the counter keeps the eyes open. 0 counts any quick drop. */
  readonly nodEyesClosedShareMin: number;
  /** Time constant of the running pitch baseline. Default 10000 ms: follows a changed sitting posture, not a nod. */
  readonly nodBaselineTimeConstantMs: number;
  /** This many nods within the window fail the rule. Default 2: one nod can be a start; repeated nodding is dozing (打瞌睡). */
  readonly nodCountMin: number;
}

/** An event rule: a signal that must hold for a moment (no_grooming_in_public, no_phone, no_eating). */
export interface HeldEventConfig {
  /** The signal must hold this long before an event starts (the event then starts where the signal began). */
  readonly holdMs: number;
  /** An event ends once the signal has been absent this long, so that flicker does not split it. Default 1000 ms. */
  readonly endGapMs: number;
}

/** conduct.at_post */
export interface AtPostConfig {
  /** An absence longer than this, outside a marked break, fails. Default 60000 ms: long enough to fetch a form from the back office. */
  readonly allowedAbsenceMs: number;
  /** An absence ends only when a person has been back this long, so one false detection does not split it. Default 2000 ms. */
  readonly returnHoldMs: number;
}

export interface ConductConfig {
  readonly signals: ConductSignalConfig;
  readonly timing: ConductTimingConfig;
  readonly smile: SmileConfig;
  readonly faceCustomer: FaceCustomerConfig;
  readonly awake: AwakeConfig;
  /** Default hold 3000 ms: touching the face in passing is not grooming (整理头发, 挖鼻孔). */
  readonly grooming: HeldEventConfig;
  /**
   * Default hold 3000 ms, as grooming: a phone in hand for longer is an event (issue 7 asks for every event
   * over 3 s). Where staff read codes on customers' phones, raise it (station setup → Monitoring rate and times).
   */
  readonly phone: HeldEventConfig;
  /** Default hold 3000 ms: a sip or a bite takes 2..5 s at the mouth. */
  readonly eating: HeldEventConfig;
  readonly atPost: AtPostConfig;
}

export type ConductConfigOverrides = { readonly [K in keyof ConductConfig]?: Partial<ConductConfig[K]> };

/**
 * The times that decide when conduct counts, by the names the monitor's address and the CLI give them:
 * the allowed absence, each event's hold, the longest eye closure. Absent ones keep the defaults.
 */
export interface ConductTimes {
  readonly allowedAbsenceMs?: number;
  readonly groomingHoldMs?: number;
  readonly phoneHoldMs?: number;
  readonly eatingHoldMs?: number;
  readonly eyesClosedMaxMs?: number;
}

export const CONDUCT_TIME_NAMES: readonly (keyof ConductTimes)[] = ['allowedAbsenceMs', 'groomingHoldMs', 'phoneHoldMs', 'eatingHoldMs', 'eyesClosedMaxMs'];

/** A config's `ConductTimes`, every one of them (e.g. the defaults, to show beside a station's). */
export const conductTimesOf = (config: ConductConfig): Required<ConductTimes> => ({
  allowedAbsenceMs: config.atPost.allowedAbsenceMs,
  groomingHoldMs: config.grooming.holdMs,
  phoneHoldMs: config.phone.holdMs,
  eatingHoldMs: config.eating.holdMs,
  eyesClosedMaxMs: config.awake.eyesClosedMaxMs,
});

/** `ConductTimes` as overrides of the conduct config (`resolveConductConfig` range-checks them). */
export const conductTimeOverrides = (times: ConductTimes): ConductConfigOverrides => ({
  atPost: { allowedAbsenceMs: times.allowedAbsenceMs },
  grooming: { holdMs: times.groomingHoldMs },
  phone: { holdMs: times.phoneHoldMs },
  eating: { holdMs: times.eatingHoldMs },
  awake: { eyesClosedMaxMs: times.eyesClosedMaxMs },
});

export const DEFAULT_CONDUCT_SIGNAL_CONFIG: ConductSignalConfig = {
  landmarkVisibilityMin: 0.5,
  eyesClosedScoreMin: 0.55,
  lidGapClosedMaxIrisDiameters: 0.3,
  lidGapEyeBlinkMin: 0.3,
  lidGapSmileMax: 0.5,
  eyesClosedSmileMax: 0.8,
  handScoreMin: 0.4,
  facingYawMaxDeg: 30,
  facingPitchMaxDeg: 20,
  facingPitchCentreDeg: 0,
  gazeAwayScoreMax: 0.6,
  facingAwayBodyYawMinDeg: 60,
  handAtFaceMaxFaceHeights: 0.3,
  objectScoreMin: 0.35,
  phoneScoreMin: 0.25,
  phoneLengthMinFaceHeights: 0.3,
  objectInHandMaxFaceHeights: 0.5,
  faceRegionMarginFaceHeights: 0.25,
  phoneAtFaceOverlapMin: 0.3,
  foodAtMouthMaxFaceHeights: 0.25,
  eatingJawOpenMin: 0.2,
  faceLuminanceMin: 40,
};

export const DEFAULT_CONDUCT_TIMING_CONFIG: ConductTimingConfig = {
  maxFrameGapMs: 2000,
  windowMeasuredMinFraction: 0.5,
  failSpanEndGapMs: 5000,
};

export const DEFAULT_EVENT_END_GAP_MS = 1000;

export const DEFAULT_CONDUCT_CONFIG: ConductConfig = {
  signals: DEFAULT_CONDUCT_SIGNAL_CONFIG,
  timing: DEFAULT_CONDUCT_TIMING_CONFIG,
  smile: { windowMs: 60_000, smileScoreMin: 0.35, smileShareMin: 0.3 },
  faceCustomer: { windowMs: 60_000, facingShareMin: 0.5 },
  awake: {
    windowMs: 60_000,
    perclosMax: 0.15,
    eyesClosedMaxMs: 3000,
    nodPitchDropDeg: 15,
    nodMaxDurationMs: 4000,
    nodEyesClosedShareMin: 0.5,
    nodBaselineTimeConstantMs: 10_000,
    nodCountMin: 2,
  },
  grooming: { holdMs: 3000, endGapMs: DEFAULT_EVENT_END_GAP_MS },
  phone: { holdMs: 3000, endGapMs: DEFAULT_EVENT_END_GAP_MS },
  eating: { holdMs: 3000, endGapMs: DEFAULT_EVENT_END_GAP_MS },
  atPost: { allowedAbsenceMs: 60_000, returnHoldMs: 2000 },
};

type Ranges<T> = { readonly [K in keyof T]: readonly [number, number] };

const HOUR_MS = 3_600_000;
const HELD_EVENT_RANGES: Ranges<HeldEventConfig> = { holdMs: [0, 600_000], endGapMs: [0, 60_000] };

/** Allowed range per field: wide enough for any station, narrow enough to catch a wrong unit (seconds for ms). */
const CONDUCT_RANGES: { readonly [K in keyof ConductConfig]: Ranges<ConductConfig[K]> } = {
  signals: {
    landmarkVisibilityMin: [0, 1],
    eyesClosedScoreMin: [0.05, 1],
    lidGapClosedMaxIrisDiameters: [0, 2],
    lidGapEyeBlinkMin: [0, 1],
    lidGapSmileMax: [0, 1],
    eyesClosedSmileMax: [0, 1],
    handScoreMin: [0, 1],
    facingYawMaxDeg: [0, 90],
    facingPitchMaxDeg: [0, 90],
    facingPitchCentreDeg: [-60, 60],
    gazeAwayScoreMax: [0, 1],
    facingAwayBodyYawMinDeg: [0, 180],
    handAtFaceMaxFaceHeights: [0.01, 3],
    objectScoreMin: [0, 1],
    phoneScoreMin: [0, 1],
    phoneLengthMinFaceHeights: [0, 3],
    objectInHandMaxFaceHeights: [0, 5],
    faceRegionMarginFaceHeights: [0, 3],
    phoneAtFaceOverlapMin: [0.01, 1],
    foodAtMouthMaxFaceHeights: [0, 3],
    eatingJawOpenMin: [0, 1],
    faceLuminanceMin: [0, 255],
  },
  timing: {
    maxFrameGapMs: [100, 600_000],
    windowMeasuredMinFraction: [0, 1],
    failSpanEndGapMs: [0, 600_000],
  },
  smile: { windowMs: [1000, HOUR_MS], smileScoreMin: [0.01, 1], smileShareMin: [0, 1] },
  faceCustomer: { windowMs: [1000, HOUR_MS], facingShareMin: [0, 1] },
  awake: {
    windowMs: [1000, HOUR_MS],
    perclosMax: [0, 1],
    eyesClosedMaxMs: [100, 600_000],
    nodPitchDropDeg: [1, 90],
    nodMaxDurationMs: [100, 60_000],
    nodEyesClosedShareMin: [0, 1],
    nodBaselineTimeConstantMs: [100, 600_000],
    nodCountMin: [1, 1000],
  },
  grooming: HELD_EVENT_RANGES,
  phone: HELD_EVENT_RANGES,
  eating: HELD_EVENT_RANGES,
  atPost: { allowedAbsenceMs: [0, 8 * HOUR_MS], returnHoldMs: [0, 600_000] },
};

/** The fields of an override that are set: `{ x: undefined }` keeps the default instead of erasing it. */
function definedOnly<T extends object>(section: Partial<T> | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(section ?? {}).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/** Merges overrides onto the defaults and throws a RangeError early on an out-of-range or non-finite value. */
export function resolveConductConfig(overrides: ConductConfigOverrides = {}): ConductConfig {
  for (const section of Object.keys(overrides)) {
    if (!(section in DEFAULT_CONDUCT_CONFIG)) throw new RangeError(`conduct.${section} is not a conduct config section`);
  }
  const merged: Record<string, Record<string, number>> = {};
  for (const section of Object.keys(DEFAULT_CONDUCT_CONFIG) as (keyof ConductConfig)[]) {
    const ranges = CONDUCT_RANGES[section] as Record<string, readonly [number, number]>;
    const override = definedOnly<object>(overrides[section]);
    for (const name of Object.keys(override)) {
      if (!(name in ranges)) throw new RangeError(`conduct.${section}.${name} is not a conduct setting`);
    }
    const values = { ...DEFAULT_CONDUCT_CONFIG[section], ...override } as Record<string, number>;
    for (const [name, [min, max]] of Object.entries(ranges)) {
      const value = values[name];
      if (!(typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max)) {
        throw new RangeError(`conduct.${section}.${name} must be within ${min}..${max}, got ${String(value)}`);
      }
    }
    merged[section] = values;
  }
  const config = merged as unknown as ConductConfig;
  if (config.awake.nodCountMin !== Math.round(config.awake.nodCountMin)) {
    throw new RangeError(`conduct.awake.nodCountMin must be a whole number, got ${config.awake.nodCountMin}`);
  }
  return config;
}
