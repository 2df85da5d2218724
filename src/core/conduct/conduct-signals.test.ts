import { describe, expect, it } from 'vitest';
import type { PoseLandmarkName } from '../landmarks';
import { EMPTY_OBSERVATIONS } from '../observations/empty-observations';
import { makePose } from '../observations/test-poses';
import type { FaceDetection, HandDetection, NormalizedLandmark, ObjectDetection, Observations } from '../types';
import { degrees } from '../units';
import { DEFAULT_CONDUCT_SIGNAL_CONFIG } from './conduct-config';
import { CONDUCT_FACE_MESH, type ConductFaceMeshName } from './conduct-landmarks';
import { conductSignals, type ConductSignalsInput, eyesClosedFrom } from './conduct-signals';

/*
 * A 640 x 480 frame with a face 120 px tall (forehead top to chin) and 100 px wide at the face edges,
 * chin at (0.5, 0.5); points placed by canonical-model proportions (see conduct-landmarks.ts).
 */
const FRAME = { widthPx: 640, heightPx: 480 } as const;
const FACE_HEIGHT_PX = 120;
const FACE_WIDTH_PX = 100;
const CHIN = { x: 0.5, y: 0.5 } as const;

type Point = { x: number; y: number; z: number };

/** A point `acrossWidths` face widths to the image right of the midline and `upHeights` face heights above the chin. */
const onFace = (acrossWidths: number, upHeights: number): Point => ({
  x: CHIN.x + (acrossWidths * FACE_WIDTH_PX) / FRAME.widthPx,
  y: CHIN.y - (upHeights * FACE_HEIGHT_PX) / FRAME.heightPx,
  z: 0,
});

/** `point` moved by face heights (x right, y down). */
const moved = (point: Point, rightHeights: number, downHeights: number): Point => ({
  x: point.x + (rightHeights * FACE_HEIGHT_PX) / FRAME.widthPx,
  y: point.y + (downHeights * FACE_HEIGHT_PX) / FRAME.heightPx,
  z: 0,
});

const FACE_POINTS: Record<ConductFaceMeshName, Point> = {
  foreheadTop: onFace(0, 1),
  rightTemple: onFace(-0.33, 0.9),
  leftTemple: onFace(0.33, 0.9),
  rightFaceEdge: onFace(-0.5, 0.56),
  leftFaceEdge: onFace(0.5, 0.56),
  noseTip: onFace(0, 0.48),
  rightCheek: onFace(-0.18, 0.45),
  leftCheek: onFace(0.18, 0.45),
  upperLipInner: onFace(0, 0.315),
  lowerLipInner: onFace(0, 0.305),
  chin: onFace(0, 0),
};
const MOUTH = onFace(0, 0.31);

function makeConductFace(blendshapes: Record<string, number> = {}): FaceDetection {
  const landmarks: NormalizedLandmark[] = Array.from({ length: 478 }, () => onFace(0, 0.5));
  for (const [name, point] of Object.entries(FACE_POINTS) as [ConductFaceMeshName, Point][]) {
    landmarks[CONDUCT_FACE_MESH[name]] = point;
  }
  return { landmarks, blendshapes, transformationMatrix: null };
}

/** Shoulders and head points of the pose for the same face. */
const POSE_HEAD: Partial<Record<PoseLandmarkName, Point>> = {
  nose: onFace(0, 0.48),
  leftEye: onFace(0.2, 0.68),
  rightEye: onFace(-0.2, 0.68),
  mouthLeft: onFace(0.12, 0.31),
  mouthRight: onFace(-0.12, 0.31),
  leftEar: onFace(0.5, 0.56),
  rightEar: onFace(-0.5, 0.56),
  leftShoulder: { x: 0.65, y: 0.8, z: 0 },
  rightShoulder: { x: 0.35, y: 0.8, z: 0 },
};

/** The right hand with its index finger at `point` (a little to the image left) and its wrist below and outward. */
const rightHandAt = (point: Point): Partial<Record<PoseLandmarkName, Point>> => ({
  rightIndex: moved(point, -0.05, 0.02),
  rightThumb: moved(point, -0.15, 0.15),
  rightWrist: moved(point, -0.5, 0.8),
  rightElbow: { x: 0.3, y: 0.95, z: 0 },
});

const HANDS_ON_COUNTER: Partial<Record<PoseLandmarkName, Point>> = {
  rightWrist: { x: 0.4, y: 0.92, z: 0 },
  rightIndex: { x: 0.42, y: 0.9, z: 0 },
  leftWrist: { x: 0.6, y: 0.92, z: 0 },
  leftIndex: { x: 0.58, y: 0.9, z: 0 },
};

const OBSERVED: Observations = {
  ...EMPTY_OBSERVATIONS,
  personPresent: true,
  faceFound: true,
  headPose: { yaw: degrees(0), pitch: degrees(0), roll: degrees(0) },
};

function signalsFor(input: Partial<ConductSignalsInput>) {
  return conductSignals(
    {
      timestampMs: 1000,
      pose: makePose({ ...POSE_HEAD, ...HANDS_ON_COUNTER }),
      face: makeConductFace(),
      objects: [],
      frame: FRAME,
      observations: OBSERVED,
      ...input,
    },
    DEFAULT_CONDUCT_SIGNAL_CONFIG,
  );
}

const box = (label: string, x: number, y: number, width: number, height: number, score = 0.8): ObjectDetection => ({
  label,
  score,
  box: { x, y, width, height },
});

describe('conductSignals: hands at the face', () => {
  it.each([
    ['nose', FACE_POINTS.noseTip],
    ['mouth', MOUTH],
    ['ear', moved(FACE_POINTS.rightFaceEdge, -0.05, 0)],
    ['hair', moved(FACE_POINTS.foreheadTop, 0, -0.15)],
    ['hair', moved(FACE_POINTS.rightTemple, -0.05, -0.05)],
  ] as const)('finds a hand at the %s', (target, point) => {
    const signals = signalsFor({ pose: makePose({ ...POSE_HEAD, ...rightHandAt(point) }) });
    expect(signals.faceLocated).toBe(true);
    expect(signals.handAt).toBe(target);
    expect(signals.handToFaceFaceHeights).toBeLessThan(0.2);
  });

  it('reads a hand under the chin or on the cheek as resting, not grooming', () => {
    expect(signalsFor({ pose: makePose({ ...POSE_HEAD, ...rightHandAt(moved(FACE_POINTS.chin, 0.05, 0.02)) }) }).handAt).toBeNull();
    expect(signalsFor({ pose: makePose({ ...POSE_HEAD, ...rightHandAt(FACE_POINTS.rightCheek) }) }).handAt).toBeNull();
  });

  it('does not take a pose hand at the hair whose shoulder is out of frame (a face close-up); an arm in frame still counts', () => {
    const closeUp = makePose({ ...POSE_HEAD, rightShoulder: { x: -0.3, y: 1.2, z: 0 }, ...rightHandAt(moved(FACE_POINTS.foreheadTop, 0, -0.15)) });
    expect(signalsFor({ pose: closeUp }).handAt).toBeNull();
    const leftArmInFrame = makePose({ ...POSE_HEAD, rightShoulder: { x: -0.3, y: 1.2, z: 0 }, leftIndex: FACE_POINTS.noseTip });
    expect(signalsFor({ pose: leftArmInFrame }).handAt).toBe('nose');
  });

  it('finds no hand at the face with the hands on the counter or out of sight', () => {
    const onCounter = signalsFor({});
    expect(onCounter.handAt).toBeNull();
    expect(onCounter.handToFaceFaceHeights).toBeGreaterThan(1);
    const hidden = signalsFor({ pose: makePose(POSE_HEAD) });
    expect(hidden.handAt).toBeNull();
    expect(hidden.handToFaceFaceHeights).toBeNull();
    expect(hidden.faceLocated).toBe(true);
  });

  it('places the face from the pose head points when there is no face mesh', () => {
    const signals = signalsFor({ face: null, pose: makePose({ ...POSE_HEAD, ...rightHandAt(FACE_POINTS.noseTip) }) });
    expect(signals.faceLocated).toBe(true);
    expect(signals.handAt).toBe('nose');
    expect(signalsFor({ face: null, pose: makePose({ ...POSE_HEAD, ...rightHandAt(moved(FACE_POINTS.rightFaceEdge, -0.05, 0)) }) }).handAt).toBe('ear');
  });

  it('is not measurable without a face mesh or head points', () => {
    const signals = signalsFor({ face: null, pose: makePose(HANDS_ON_COUNTER) });
    expect(signals.faceLocated).toBe(false);
    expect(signals.handAt).toBeNull();
    expect(signals.eatingOrDrinking).toBeNull();
  });
});

describe('conductSignals: phones', () => {
  it('finds a phone box held in a hand on the counter', () => {
    const signals = signalsFor({ objects: [box('cell phone', 0.4, 0.86, 0.06, 0.08, 0.7)] });
    expect(signals.phoneInHand).toBe(true);
    expect(signals.phoneAtFace).toBe(false);
    expect(signals.phoneScore).toBe(0.7);
  });

  it('finds a phone held at the ear', () => {
    const ear = moved(FACE_POINTS.rightFaceEdge, -0.1, 0);
    const signals = signalsFor({
      pose: makePose({ ...POSE_HEAD, ...rightHandAt(ear) }),
      objects: [box('cell phone', ear.x - 0.04, ear.y - 0.08, 0.05, 0.14)],
    });
    expect(signals.phoneAtFace).toBe(true);
    expect(signals.phoneInHand).toBe(true);
  });

  it('passes a phone lying on the counter away from the hands, and a low-scored box', () => {
    const far = signalsFor({ objects: [box('cell phone', 0.8, 0.85, 0.06, 0.08)] });
    expect(far.phoneInHand).toBe(false);
    expect(far.phoneAtFace).toBe(false);
    expect(far.phoneScore).toBeNull();
    expect(signalsFor({ objects: [box('cell phone', 0.4, 0.86, 0.06, 0.08, 0.2)] }).phoneInHand).toBe(false);
  });

  it('takes no box far too small for a phone at the face’s distance (an eye, an earring) for one', () => {
    // 0.03 x 0.015 of the frame: 19 x 7 px against a 120 px face, 0.16 face heights long
    const eye = onFace(0.2, 0.6);
    const tiny = signalsFor({ objects: [box('cell phone', eye.x - 0.015, eye.y - 0.0075, 0.03, 0.015, 0.5)] });
    expect(tiny.phoneAtFace).toBe(false);
    expect(tiny.phoneScore).toBeNull();
    // the same place, phone-sized (0.09 of the frame wide: 58 px, 0.48 face heights): at the face
    expect(signalsFor({ objects: [box('cell phone', eye.x - 0.045, eye.y - 0.02, 0.09, 0.04, 0.5)] }).phoneAtFace).toBe(true);
  });

  it('is unknown when the object detector did not run', () => {
    const signals = signalsFor({ objects: null });
    expect(signals.objectsChecked).toBe(false);
    expect(signals.phoneInHand).toBeNull();
    expect(signals.phoneAtFace).toBeNull();
  });
});

describe('conductSignals: eating and drinking', () => {
  it('finds a cup at the mouth', () => {
    const signals = signalsFor({
      pose: makePose({ ...POSE_HEAD, ...rightHandAt(moved(MOUTH, 0, 0.3)) }),
      objects: [box('cup', 0.46, MOUTH.y + 0.01, 0.08, 0.12)],
    });
    expect(signals.eatingOrDrinking).toBe(true);
    expect(signals.eatingItem).toBe('cup');
  });

  it('finds a bite: a hand at the mouth with the jaw open, even without an object check', () => {
    const pose = makePose({ ...POSE_HEAD, ...rightHandAt(MOUTH) });
    const signals = signalsFor({ pose, face: makeConductFace({ jawOpen: 0.4 }), objects: null });
    expect(signals.handAt).toBe('mouth');
    expect(signals.eatingOrDrinking).toBe(true);
    expect(signals.eatingItem).toBeNull();
    expect(signalsFor({ pose, face: makeConductFace({ jawOpen: 0.02 }), objects: null }).eatingOrDrinking).toBeNull();
    expect(signalsFor({ pose, face: makeConductFace({ jawOpen: 0.02 }), objects: [] }).eatingOrDrinking).toBe(false);
  });

  it('passes a cup standing on the counter', () => {
    const signals = signalsFor({ objects: [box('cup', 0.7, 0.85, 0.06, 0.1)] });
    expect(signals.eatingOrDrinking).toBe(false);
    expect(signals.eatingItem).toBeNull();
  });
});

describe('conductSignals: face measures', () => {
  it('reads smile, eyes and jaw from the blendshapes', () => {
    const signals = signalsFor({
      face: makeConductFace({
        mouthSmileLeft: 0.6,
        mouthSmileRight: 0.4,
        eyeBlinkLeft: 0.7,
        eyeBlinkRight: 0.9,
        jawOpen: 0.1,
      }),
    });
    expect(signals.smileScore).toBeCloseTo(0.5);
    expect(signals.eyesClosedScore).toBeCloseTo(0.8);
    expect(signals.eyesClosed).toBe(true);
    expect(signals.jawOpenScore).toBe(0.1);
    expect(signals.gazeAwayScore).toBeNull();
    expect(signals.facingCustomer).toBe(true);
  });

  it('does not read expressions on a face too dark to see, and says so', () => {
    const face = makeConductFace({ mouthSmileLeft: 0.1, mouthSmileRight: 0.1, eyeBlinkLeft: 0.9, eyeBlinkRight: 0.9, jawOpen: 0.5 });
    const dark = signalsFor({ face, faceLuminance: 25 });
    expect(dark.faceTooDark).toBe(true);
    expect([dark.smileScore, dark.eyesClosedScore, dark.eyesClosed, dark.jawOpenScore, dark.gazeAwayScore]).toEqual([null, null, null, null, null]);
    expect(dark.facingCustomer).toBe(true); // the head's direction is geometry, still measured
    const lit = signalsFor({ face, faceLuminance: 120 });
    expect(lit.faceTooDark).toBe(false);
    expect(lit.eyesClosed).toBe(true);
    expect(signalsFor({ face }).faceTooDark).toBe(false); // light not measured: not blamed
    expect(signalsFor({ face: null, faceLuminance: 5 }).faceTooDark).toBe(false);
  });

  it('faces the customer only with the head and the gaze toward the camera', () => {
    const pose = (yaw: number, pitch: number): Observations => ({
      ...OBSERVED,
      headPose: { yaw: degrees(yaw), pitch: degrees(pitch), roll: degrees(0) },
    });
    expect(signalsFor({ observations: pose(40, 0) }).facingCustomer).toBe(false);
    expect(signalsFor({ observations: pose(-10, -30) }).facingCustomer).toBe(false);
    expect(signalsFor({ observations: pose(10, -10) }).facingCustomer).toBe(true);
    const gaze = (down: number) => ({
      eyeLookDownLeft: down,
      eyeLookDownRight: down,
      eyeLookUpLeft: 0,
      eyeLookUpRight: 0,
      eyeLookInLeft: 0.1,
      eyeLookInRight: 0.1,
      eyeLookOutLeft: 0.1,
      eyeLookOutRight: 0.1,
    });
    const lookingDown = signalsFor({ face: makeConductFace(gaze(0.8)) });
    expect(lookingDown.gazeAwayScore).toBeCloseTo(0.8);
    expect(lookingDown.facingCustomer).toBe(false);
    expect(signalsFor({ face: makeConductFace(gaze(0.1)) }).facingCustomer).toBe(true);
  });

  it('reads the back of a head (body, no face, nose hidden) as facing away, and no person as unknown', () => {
    const backOfHead = signalsFor({
      face: null,
      observations: {
        ...OBSERVED,
        faceFound: false,
        headPose: null,
        poseVisibility: { nose: 0.1, ears: 0.6, shoulders: 0.95, elbows: 0.8, wrists: 0.5, hips: 0 },
      },
    });
    expect(backOfHead.facingCustomer).toBe(false);
    const nobody = signalsFor({ face: null, pose: null, objects: null, observations: EMPTY_OBSERVATIONS });
    expect(nobody.personPresent).toBe(false);
    expect(nobody.facingCustomer).toBeNull();
    expect(nobody.smileScore).toBeNull();
    expect(nobody.eyesClosed).toBeNull();
    expect(nobody.faceLocated).toBe(false);
    expect(JSON.parse(JSON.stringify(nobody))).toEqual(nobody);
  });
});

describe('eyesClosedFrom', () => {
  const config = DEFAULT_CONDUCT_SIGNAL_CONFIG;
  it('counts closed eyes by the blink blendshapes alone when they are high', () => {
    expect(eyesClosedFrom(0.7, null, null, config)).toBe(true);
    expect(eyesClosedFrom(0.7, 0.8, 0.6, config)).toBe(true); // a smile, a yawn read as one
  });

  it('never on a grin, which narrows open eyes until the blendshapes read them closed', () => {
    expect(eyesClosedFrom(0.66, 0.0, 0.92, config)).toBe(false);
    expect(eyesClosedFrom(0.66, 0.0, config.eyesClosedSmileMax - 0.01, config)).toBe(true);
  });

  it('counts lids that meet while the blendshapes read the looking-down band', () => {
    expect(eyesClosedFrom(0.45, 0.2, 0.1, config)).toBe(true);
    expect(eyesClosedFrom(0.45, 0.45, 0.1, config)).toBe(false); // eyes lowered: the iris still shows
    expect(eyesClosedFrom(0.45, null, 0.1, config)).toBe(false);
  });

  it('needs both cues, and no broad smile narrowing the eyes', () => {
    expect(eyesClosedFrom(0.1, 0.1, 0.1, config)).toBe(false);
    expect(eyesClosedFrom(0.45, 0.2, 0.8, config)).toBe(false);
  });

  it('is unknown without the blendshapes', () => {
    expect(eyesClosedFrom(null, 0.1, null, config)).toBeNull();
  });
});

/** A hand of 21 points spread over a square `halfHeights` face heights around `centre` (an open palm seen flat). */
function handOver(centre: Point, halfHeights: number, score = 0.95): HandDetection {
  const landmarks = Array.from({ length: 21 }, (_, i) => {
    const angle = (i / 21) * 2 * Math.PI;
    return moved(centre, halfHeights * Math.cos(angle), halfHeights * Math.sin(angle));
  });
  return { score, landmarks };
}

describe('conductSignals: hands outlined by the hand model', () => {
  it('finds a hand over the mouth that the pose puts on the counter', () => {
    const signals = signalsFor({ hands: [handOver(MOUTH, 0.2)] });
    expect(signals.handCovering).toBe('mouth');
    expect(signals.handAt).toBe('mouth');
  });

  it('keeps the pose’s answer first, and ignores doubtful hands and hands beside the face', () => {
    // below handScoreMin (0.4): the box detector's false boxes read about 0
    expect(signalsFor({ hands: [handOver(MOUTH, 0.2, 0.39)] }).handAt).toBeNull();
    expect(signalsFor({ hands: [handOver(MOUTH, 0.2, 0.4)] }).handAt).toBe('mouth');
    expect(signalsFor({ hands: [handOver(moved(FACE_POINTS.rightFaceEdge, -0.6, 0), 0.2)] }).handAt).toBeNull();
    expect(signalsFor({ hands: null }).handCovering).toBeNull();
    // a hand on the chin (the rest target) covers neither the mouth nor the nose
    expect(signalsFor({ hands: [handOver(moved(FACE_POINTS.chin, 0, 0.1), 0.15)] }).handAt).toBeNull();
  });
});
