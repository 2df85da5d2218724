import { type PixelPoint, pixelDistance, toPixel } from '../observations/image-space';
import { inFrameLandmark } from '../observations/pose-points';
import type { FaceDetection, FrameSize, HandDetection, ObjectDetection, Observations, PoseDetection } from '../types';
import { type Degrees, degrees } from '../units';
import type { ConductSignalConfig } from './conduct-config';
import { CONDUCT_BLENDSHAPES, FOOD_AND_DRINK_LABELS, PHONE_LABELS } from './conduct-landmarks';
import { lidGapIrisDiameters } from './eye-opening';
import { handCoveredTarget, nearestHandTarget } from './hand-cover';
import { type FaceTargets, faceTargets, type HandTarget, handPoints, type PixelBox } from './face-targets';

export interface ConductSignalsInput {
  readonly timestampMs: number;
  readonly pose: PoseDetection | null;
  readonly face: FaceDetection | null;
  /** The object detector's findings; null when it did not run on this frame. */
  readonly objects: readonly ObjectDetection[] | null;
  readonly frame: FrameSize;
  readonly observations: Observations;
  /** Median cheek luma of the face, 0..255 (`AppearanceObservations.sunglasses.cheekLuminance`); absent or null: not measured. */
  readonly faceLuminance?: number | null;
  /** Hands the hand landmark model found near the face; absent or null: it did not run on this frame. */
  readonly hands?: readonly HandDetection[] | null;
}

/**
 * One frame's conduct measures, plain JSON-safe data. A measure is null when it could not be taken on this
 * frame (no face, no hands seen, the object detector did not run): time rules count that as unknown time.
 */
export interface ConductSignals {
  readonly timestampMs: number;
  /** Someone is at the counter (pose, face or a 'person' box; `Observations.personPresent`). */
  readonly personPresent: boolean;
  readonly faceFound: boolean;
  /**
   * The face was found but is too dark to read (low light, a bright window behind): its blendshape
   * measures (smile, eyes closed, gaze) are null then.
   */
  readonly faceTooDark: boolean;
  /** Mean mouthSmileLeft/Right blendshape, 0..1. */
  readonly smileScore: number | null;
  /** Mean eyeBlinkLeft/Right blendshape, 0..1. */
  readonly eyesClosedScore: number | null;
  /** Upper to lower lid at the eyes' middle, in iris diameters, mean of both eyes (`lidGapIrisDiameters`). */
  readonly lidGapIrisDiameters: number | null;
  /**
   * `eyesClosedScore` at or above `eyesClosedScoreMin`; or, without a broad smile, the lids at most
   * `lidGapClosedMaxIrisDiameters` apart with `eyesClosedScore` at least `lidGapEyeBlinkMin`.
   */
  readonly eyesClosed: boolean | null;
  /** Head yaw and pitch from the face matrix (`Observations.headPose`); pitch + = chin up. */
  readonly headYawDeg: Degrees | null;
  readonly headPitchDeg: Degrees | null;
  /** How far the eyes are turned from straight ahead: the largest of the four gaze-direction blendshape pairs, 0..1. */
  readonly gazeAwayScore: number | null;
  /** Head (and gaze, when known) toward the camera, which sits where the customer is. */
  readonly facingCustomer: boolean | null;
  /** The face (mesh, else pose head points) was placed: hands and objects can be related to it. */
  readonly faceLocated: boolean;
  /**
   * The grooming target a hand is at: a pose hand point nearest to it, else a hand-model outline covering it
   * (`handCovering`); null when no hand is at one (or the face was not placed: see `faceLocated`).
   */
  readonly handAt: HandTarget | null;
  /** The grooming target inside a hand's outline (hand landmark model, `handCoveredTarget`); null when none or the model did not run. */
  readonly handCovering: HandTarget | null;
  /** Distance from the nearest hand point to the nearest face target, in face heights; null without a face or a hand. */
  readonly handToFaceFaceHeights: number | null;
  /** The object detector ran on this frame. */
  readonly objectsChecked: boolean;
  /** A phone box near a hand point; null when objects were not checked, or a phone was seen but no hand. */
  readonly phoneInHand: boolean | null;
  /** A phone box overlapping the (widened) face region; null when objects were not checked or the face not placed. */
  readonly phoneAtFace: boolean | null;
  /** Best score of a phone in hand or at the face. */
  readonly phoneScore: number | null;
  /**
   * Food or a drink at the mouth, food or a drink in a hand at the mouth, or a hand at the mouth with the
   * jaw open (a bite). Null when the face was not placed, or no object check ran and a hand is at the mouth.
   */
  readonly eatingOrDrinking: boolean | null;
  /** The COCO label of the food or drink involved, when one was seen. */
  readonly eatingItem: string | null;
  /** jawOpen blendshape, 0..1. */
  readonly jawOpenScore: number | null;
}

/** Why a face's expressions are not read: the `faceTooDark` signal, in the rules' reasons. */
export const FACE_TOO_DARK = 'face too dark to read (low light, or a bright light behind)';

/** The face height per shoulder width (17.7 cm mesh face against a 38 cm shoulder width): the scale without a face. */
export const FACE_HEIGHT_PER_SHOULDER_WIDTH = 0.47;

const finiteOrNull = (value: number | undefined): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;

/** Mean of named blendshapes; null when any is missing. */
function meanBlendshape(blendshapes: Readonly<Record<string, number>>, names: readonly string[]): number | null {
  const values = names.map((name) => finiteOrNull(blendshapes[name]));
  if (values.length === 0 || values.some((value) => value === null)) return null;
  return (values as number[]).reduce((sum, value) => sum + value, 0) / values.length;
}

function gazeAwayScore(blendshapes: Readonly<Record<string, number>>): number | null {
  const pairs = [
    CONDUCT_BLENDSHAPES.gazeTowardPersonLeft,
    CONDUCT_BLENDSHAPES.gazeTowardPersonRight,
    CONDUCT_BLENDSHAPES.gazeUp,
    CONDUCT_BLENDSHAPES.gazeDown,
  ].map((pair) => meanBlendshape(blendshapes, pair));
  if (pairs.some((value) => value === null)) return null;
  return Math.max(...(pairs as number[]));
}

function toPixelBox(box: ObjectDetection['box'], frame: FrameSize): PixelBox {
  return {
    left: box.x * frame.widthPx,
    top: box.y * frame.heightPx,
    right: (box.x + box.width) * frame.widthPx,
    bottom: (box.y + box.height) * frame.heightPx,
  };
}

/** Distance from a point to a box, 0 inside it. */
function distanceToBox(point: PixelPoint, box: PixelBox): number {
  const dx = Math.max(box.left - point.x, 0, point.x - box.right);
  const dy = Math.max(box.top - point.y, 0, point.y - box.bottom);
  return Math.hypot(dx, dy);
}

/** Share of `box` lying inside `region`, 0..1. */
function shareInside(box: PixelBox, region: PixelBox): number {
  const area = (box.right - box.left) * (box.bottom - box.top);
  if (!(area > 0)) return 0;
  const width = Math.min(box.right, region.right) - Math.max(box.left, region.left);
  const height = Math.min(box.bottom, region.bottom) - Math.max(box.top, region.top);
  return width > 0 && height > 0 ? (width * height) / area : 0;
}

const widen = (box: PixelBox, marginPx: number): PixelBox => ({
  left: box.left - marginPx,
  top: box.top - marginPx,
  right: box.right + marginPx,
  bottom: box.bottom + marginPx,
});

/** The image scale in pixels per face height: the face when placed, else the shoulders. */
function faceHeightScalePx(
  targets: FaceTargets | null,
  pose: PoseDetection | null,
  frame: FrameSize,
  visibilityMin: number,
): number | null {
  if (targets) return targets.faceHeightPx;
  if (!pose) return null;
  const left = inFrameLandmark(pose.landmarks, 'leftShoulder', visibilityMin);
  const right = inFrameLandmark(pose.landmarks, 'rightShoulder', visibilityMin);
  if (!left || !right) return null;
  const widthPx = pixelDistance(toPixel(left, frame), toPixel(right, frame));
  return widthPx > 0 ? widthPx * FACE_HEIGHT_PER_SHOULDER_WIDTH : null;
}

const longerSide = (box: PixelBox): number => Math.max(box.right - box.left, box.bottom - box.top);

/** Object boxes with one of the labels, scored at least `scoreMin`, in pixels. */
function boxesOf(
  objects: readonly ObjectDetection[],
  labels: readonly string[],
  scoreMin: number,
  frame: FrameSize,
): { label: string; score: number; boxPx: PixelBox }[] {
  return objects
    .filter((object) => labels.includes(object.label) && object.score >= scoreMin && Number.isFinite(object.score))
    .map((object) => ({ label: object.label, score: object.score, boxPx: toPixelBox(object.box, frame) }))
    .filter(({ boxPx }) => [boxPx.left, boxPx.top, boxPx.right, boxPx.bottom].every(Number.isFinite));
}

/**
 * Whether the eyes are closed: the blink blendshapes high, or (for lids the blendshapes under-read) the
 * lids meeting while the blendshapes lean closed and no broad smile narrows the eyes; never on a grin.
 * Null when not measured.
 */
export function eyesClosedFrom(
  eyesClosedScore: number | null,
  lidGap: number | null,
  smileScore: number | null,
  config: ConductSignalConfig,
): boolean | null {
  if (eyesClosedScore === null) return null;
  if (smileScore !== null && smileScore >= config.eyesClosedSmileMax) return false;
  if (eyesClosedScore >= config.eyesClosedScoreMin) return true;
  return (
    lidGap !== null &&
    lidGap <= config.lidGapClosedMaxIrisDiameters &&
    eyesClosedScore >= config.lidGapEyeBlinkMin &&
    (smileScore === null || smileScore < config.lidGapSmileMax)
  );
}

/** Every per-frame conduct measure, from one frame's detections and observations. Pure. */
export function conductSignals(input: ConductSignalsInput, config: ConductSignalConfig): ConductSignals {
  const { face, pose, objects, frame, observations } = input;
  const visibilityMin = config.landmarkVisibilityMin;
  const blendshapes = face?.blendshapes ?? {};
  const faceLuminance = finiteOrNull(input.faceLuminance ?? undefined);
  const faceTooDark = face !== null && faceLuminance !== null && faceLuminance < config.faceLuminanceMin;
  const expressionsRead = face !== null && !faceTooDark;

  const smileScore = expressionsRead ? meanBlendshape(blendshapes, CONDUCT_BLENDSHAPES.smile) : null;
  const eyesClosedScore = expressionsRead ? meanBlendshape(blendshapes, CONDUCT_BLENDSHAPES.eyeBlink) : null;
  const lidGap = expressionsRead ? lidGapIrisDiameters(face, frame) : null;
  const jawOpenScore = expressionsRead ? finiteOrNull(blendshapes[CONDUCT_BLENDSHAPES.jawOpen]) : null;
  const gaze = expressionsRead ? gazeAwayScore(blendshapes) : null;
  const headPose = observations.headPose;
  const headYawDeg = headPose && Number.isFinite(headPose.yaw) ? headPose.yaw : null;
  const headPitchDeg = headPose && Number.isFinite(headPose.pitch) ? headPose.pitch : null;

  let facingCustomer: boolean | null = null;
  if (headYawDeg !== null && headPitchDeg !== null) {
    facingCustomer =
      Math.abs(headYawDeg) <= config.facingYawMaxDeg &&
      Math.abs(headPitchDeg - config.facingPitchCentreDeg) <= config.facingPitchMaxDeg &&
      (gaze === null || gaze <= config.gazeAwayScoreMax);
  } else if (!face && pose && observations.personPresent) {
    // No face found on a body: turned away when the body is turned far, or the back of the head is seen
    // (shoulders clear, the nose hidden). Otherwise the face model just missed: unknown.
    const bodyYaw = observations.bodyYawDeg;
    const visibility = observations.poseVisibility;
    const backOfHead = visibility !== null && visibility.shoulders >= visibilityMin && visibility.nose < visibilityMin;
    if ((bodyYaw !== null && Math.abs(bodyYaw) >= config.facingAwayBodyYawMinDeg) || backOfHead) facingCustomer = false;
  }

  const targets = faceTargets(face, pose, frame, visibilityMin);
  const hands = handPoints(pose, frame, visibilityMin);
  const { handAt: poseHandAt, distanceFaceHeights } = targets
    ? nearestHandTarget(targets, handPoints(pose, frame, visibilityMin, { attachedOnly: true }), config.handAtFaceMaxFaceHeights)
    : { handAt: null, distanceFaceHeights: null };
  const handCovering = targets && input.hands ? handCoveredTarget(input.hands, targets, frame, config.handScoreMin) : null;
  const handAt = poseHandAt ?? handCovering;
  const scalePx = faceHeightScalePx(targets, pose, frame, visibilityMin);
  const nearHand = (boxPx: PixelBox): boolean =>
    scalePx !== null && hands.some((hand) => distanceToBox(hand, boxPx) / scalePx <= config.objectInHandMaxFaceHeights);

  let phoneInHand: boolean | null = null;
  let phoneAtFace: boolean | null = null;
  let phoneScore: number | null = null;
  let eatingOrDrinking: boolean | null = null;
  let eatingItem: string | null = null;
  const biting = handAt === 'mouth' && jawOpenScore !== null && jawOpenScore >= config.eatingJawOpenMin;

  if (objects) {
    const phones = boxesOf(objects, PHONE_LABELS, config.phoneScoreMin, frame).filter(
      ({ boxPx }) => scalePx === null || longerSide(boxPx) >= config.phoneLengthMinFaceHeights * scalePx,
    );
    const inHand = phones.filter(({ boxPx }) => nearHand(boxPx));
    phoneInHand = phones.length === 0 ? false : inHand.length > 0 ? true : hands.length > 0 && scalePx !== null ? false : null;
    let atFace: typeof phones = [];
    if (phones.length === 0) phoneAtFace = false;
    else if (targets) {
      const region = widen(targets.regionPx, config.faceRegionMarginFaceHeights * targets.faceHeightPx);
      atFace = phones.filter(({ boxPx }) => shareInside(boxPx, region) >= config.phoneAtFaceOverlapMin);
      phoneAtFace = atFace.length > 0;
    }
    const counted = [...inHand, ...atFace];
    phoneScore = counted.length > 0 ? Math.max(...counted.map(({ score }) => score)) : null;

    if (targets) {
      const foods = boxesOf(objects, FOOD_AND_DRINK_LABELS, config.objectScoreMin, frame);
      const atMouth = foods.find(
        ({ boxPx }) => distanceToBox(targets.mouthPx, boxPx) / targets.faceHeightPx <= config.foodAtMouthMaxFaceHeights,
      );
      const inHandAtMouth = handAt === 'mouth' ? foods.find(({ boxPx }) => nearHand(boxPx)) : undefined;
      const item = atMouth ?? inHandAtMouth;
      eatingOrDrinking = item !== undefined || biting;
      eatingItem = item?.label ?? null;
    }
  } else if (targets) {
    // No object check: a bite shows from the hand and jaw alone; a hand at the mouth otherwise is undecided.
    eatingOrDrinking = biting ? true : handAt === 'mouth' ? null : false;
  }

  return {
    timestampMs: input.timestampMs,
    personPresent: observations.personPresent,
    faceFound: face !== null,
    faceTooDark,
    smileScore,
    eyesClosedScore,
    lidGapIrisDiameters: lidGap,
    eyesClosed: eyesClosedFrom(eyesClosedScore, lidGap, smileScore, config),
    headYawDeg: headYawDeg === null ? null : degrees(headYawDeg),
    headPitchDeg: headPitchDeg === null ? null : degrees(headPitchDeg),
    gazeAwayScore: gaze,
    facingCustomer,
    faceLocated: targets !== null,
    handAt,
    handCovering,
    handToFaceFaceHeights: distanceFaceHeights,
    objectsChecked: objects !== null,
    phoneInHand,
    phoneAtFace,
    phoneScore,
    eatingOrDrinking,
    eatingItem,
    jawOpenScore,
  };
}
