import {
  FACE,
  FACE_LANDMARK_COUNT,
  type FaceLandmarkName,
  POSE,
  POSE_LANDMARK_COUNT,
  type PoseLandmarkName,
} from '../landmarks';
import type { FaceDetection, NormalizedLandmark, PoseDetection, WorldLandmark } from '../types';

type Point = { x: number; y: number; z: number; visibility?: number };

/**
 * Builds a pose from named points for tests; unnamed landmarks are invisible.
 * The same points serve as normalized and world landmarks unless `world` is given.
 */
export function makePose(
  points: Partial<Record<PoseLandmarkName, Point>>,
  world: Partial<Record<PoseLandmarkName, Point>> = points,
): PoseDetection {
  const build = (named: Partial<Record<PoseLandmarkName, Point>>) => {
    const landmarks: NormalizedLandmark[] = Array.from({ length: POSE_LANDMARK_COUNT }, () => ({
      x: 0,
      y: 0,
      z: 0,
      visibility: 0,
    }));
    for (const [name, point] of Object.entries(named) as [PoseLandmarkName, Point][]) {
      landmarks[POSE[name]] = { visibility: 1, ...point };
    }
    return landmarks;
  };
  return { landmarks: build(points), worldLandmarks: build(world) as WorldLandmark[] };
}

/** A person sitting straight, in world metres (y down, origin between the hips). */
export const UPRIGHT_WORLD = {
  leftHip: { x: 0.1, y: 0, z: 0 },
  rightHip: { x: -0.1, y: 0, z: 0 },
  leftShoulder: { x: 0.18, y: -0.5, z: 0 },
  rightShoulder: { x: -0.18, y: -0.5, z: 0 },
  leftEar: { x: 0.07, y: -0.7, z: 0 },
  rightEar: { x: -0.07, y: -0.7, z: 0 },
  nose: { x: 0, y: -0.68, z: -0.1 },
} satisfies Partial<Record<PoseLandmarkName, Point>>;

/**
 * Frame used by `makeSeatedPose`: 640 x 480, shoulders centred at (0.5, 0.75), 192 px apart when square
 * to the camera (and 192 px times cos(yaw) when turned).
 */
export const SEATED_FRAME = { widthPx: 640, heightPx: 480 } as const;
export const SEATED_SHOULDER_WIDTH_PX = 192;
const SHOULDER_CENTRE = { x: 0.5, y: 0.75 } as const;

export interface SeatedPoseOptions {
  /** Image: ear centre height above the shoulder centre, in shoulder widths (square on). Default 0.55. */
  readonly earAboveShoulderRatio?: number;
  /** Image: nose height above the shoulder centre, in shoulder widths. Default 0.5. */
  readonly noseAboveShoulderRatio?: number;
  /** Image: shoulder line tilt, + = the person's left (image right) shoulder lower. Default 0. */
  readonly shoulderTiltDeg?: number;
  /** World: shoulder-to-ear line from vertical, forward. Default 15 (what the model reads for a head held up). */
  readonly headLeanDeg?: number;
  /** World: shoulder-to-ear line tilted sideways, toward the person's left. Default 0. */
  readonly headSideLeanDeg?: number;
  /** World: hip-to-shoulder line from vertical, + forward, - reclining. Default 0. */
  readonly trunkLeanDeg?: number;
  /** World: body rotation, + = left shoulder toward the camera. Default 0. */
  readonly bodyYawDeg?: number;
  /** Hips visible inside the frame (else below it, invisible, as behind a counter). Default false. */
  readonly hipsInFrame?: boolean;
  /** Extra or replaced normalized points (arms, hands), e.g. for crossed arms. */
  readonly image?: Partial<Record<PoseLandmarkName, Point>>;
}

const rad = (deg: number) => (deg * Math.PI) / 180;

/**
 * A seated person facing a level camera, with image and world landmarks that agree: the image side
 * sets the ratios, the world side the angles. Hand points are not visible unless `image` adds them.
 */
export function makeSeatedPose(options: SeatedPoseOptions = {}): PoseDetection {
  const {
    earAboveShoulderRatio = 0.55,
    noseAboveShoulderRatio = 0.5,
    shoulderTiltDeg = 0,
    headLeanDeg = 15,
    headSideLeanDeg = 0,
    trunkLeanDeg = 0,
    bodyYawDeg = 0,
    hipsInFrame = false,
  } = options;
  const { widthPx, heightPx } = SEATED_FRAME;
  // A turned body shows a shoulder line foreshortened by cos(yaw); heights keep the true width's scale.
  const seenWidthPx = SEATED_SHOULDER_WIDTH_PX * Math.abs(Math.cos(rad(bodyYawDeg)));
  const halfDyPx = (Math.tan(rad(shoulderTiltDeg)) * seenWidthPx) / 2;
  const halfWidth = seenWidthPx / 2 / widthPx;
  const above = (ratio: number) => SHOULDER_CENTRE.y - (ratio * SEATED_SHOULDER_WIDTH_PX) / heightPx;
  const hipY = hipsInFrame ? 0.98 : 1.4;
  const image: Partial<Record<PoseLandmarkName, Point>> = {
    leftShoulder: { x: SHOULDER_CENTRE.x + halfWidth, y: SHOULDER_CENTRE.y + halfDyPx / heightPx, z: 0 },
    rightShoulder: { x: SHOULDER_CENTRE.x - halfWidth, y: SHOULDER_CENTRE.y - halfDyPx / heightPx, z: 0 },
    leftEar: { x: SHOULDER_CENTRE.x + 0.06, y: above(earAboveShoulderRatio), z: 0 },
    rightEar: { x: SHOULDER_CENTRE.x - 0.06, y: above(earAboveShoulderRatio), z: 0 },
    nose: { x: SHOULDER_CENTRE.x, y: above(noseAboveShoulderRatio), z: -0.1 },
    leftHip: { x: 0.56, y: hipY, z: 0, visibility: hipsInFrame ? 1 : 0.1 },
    rightHip: { x: 0.44, y: hipY, z: 0, visibility: hipsInFrame ? 1 : 0.1 },
    ...options.image,
  };

  // World, before yaw: facing the camera (forward = -z), y down, origin between the hips.
  const trunk = rad(trunkLeanDeg);
  const shoulderMid = { x: 0, y: -0.5 * Math.cos(trunk), z: -0.5 * Math.sin(trunk) };
  const head = rad(headLeanDeg);
  const side = rad(headSideLeanDeg);
  const neck = 0.2;
  const earMid = {
    x: shoulderMid.x + neck * Math.sin(side),
    y: shoulderMid.y - neck * Math.cos(head) * Math.cos(side),
    z: shoulderMid.z - neck * Math.sin(head) * Math.cos(side),
  };
  const yaw = rad(bodyYawDeg);
  // Rotation about the vertical taking the person's left (+x) toward the camera (-z) for + yaw.
  const turn = (p: Point): Point => ({
    ...p,
    x: p.x * Math.cos(yaw) + p.z * Math.sin(yaw),
    z: -p.x * Math.sin(yaw) + p.z * Math.cos(yaw),
  });
  const world: Partial<Record<PoseLandmarkName, Point>> = {
    leftShoulder: turn({ x: shoulderMid.x + 0.18, y: shoulderMid.y, z: shoulderMid.z }),
    rightShoulder: turn({ x: shoulderMid.x - 0.18, y: shoulderMid.y, z: shoulderMid.z }),
    leftEar: turn({ x: earMid.x + 0.07, y: earMid.y, z: earMid.z }),
    rightEar: turn({ x: earMid.x - 0.07, y: earMid.y, z: earMid.z }),
    nose: turn({ x: earMid.x, y: earMid.y + 0.02, z: earMid.z - 0.1 }),
    leftHip: turn({ x: 0.1, y: 0, z: 0 }),
    rightHip: turn({ x: -0.1, y: 0, z: 0 }),
  };
  for (const name of Object.keys(options.image ?? {}) as PoseLandmarkName[]) world[name] ??= { x: 0, y: 0, z: 0 };
  // One model output: a point's visibility is the same in both spaces.
  for (const name of Object.keys(world) as PoseLandmarkName[]) {
    const visibility = image[name]?.visibility;
    if (visibility !== undefined) world[name] = { ...world[name]!, visibility };
  }
  return makePose(image, world);
}

/** Arms folded across the chest, for `makeSeatedPose({ image })`: each wrist at the other elbow. */
export const ARMS_FOLDED: Partial<Record<PoseLandmarkName, Point>> = {
  leftElbow: { x: 0.66, y: 0.95, z: 0 },
  rightElbow: { x: 0.34, y: 0.95, z: 0 },
  leftWrist: { x: 0.37, y: 0.92, z: 0 },
  rightWrist: { x: 0.63, y: 0.92, z: 0 },
};

/** Forearms resting on the counter, hands together in front: wrists meet at the midline, elbows out. */
export const HANDS_CLASPED_ON_COUNTER: Partial<Record<PoseLandmarkName, Point>> = {
  leftElbow: { x: 0.7, y: 0.98, z: 0 },
  rightElbow: { x: 0.3, y: 0.98, z: 0 },
  leftWrist: { x: 0.49, y: 0.95, z: 0 },
  rightWrist: { x: 0.51, y: 0.95, z: 0 },
};

/** The chin used with `makeFace` in chin-rest fixtures: below the seated pose's nose. */
export const SEATED_CHIN = { x: 0.5, y: 0.62, z: 0 } as const;

/** The right hand under the chin, forearm standing on the counter: a propped head. */
export const CHIN_PROPPED_ON_RIGHT_HAND: Partial<Record<PoseLandmarkName, Point>> = {
  rightElbow: { x: 0.54, y: 0.95, z: 0 },
  rightWrist: { x: 0.5, y: 0.68, z: 0 },
  rightIndex: { x: 0.51, y: 0.635, z: 0 },
};

/** The right hand holding a phone at the ear: near the jaw, but the wrist is above it. */
export const PHONE_AT_RIGHT_EAR: Partial<Record<PoseLandmarkName, Point>> = {
  rightElbow: { x: 0.62, y: 0.9, z: 0 },
  rightWrist: { x: 0.58, y: 0.56, z: 0 },
  rightIndex: { x: 0.56, y: 0.53, z: 0 },
};

/** A face mesh with only the named points placed (the rest at the origin), no blendshapes or matrix unless given. */
export function makeFace(
  points: Partial<Record<FaceLandmarkName, Point>>,
  transformationMatrix: readonly number[] | null = null,
): FaceDetection {
  const landmarks: NormalizedLandmark[] = Array.from({ length: FACE_LANDMARK_COUNT }, () => ({ x: 0, y: 0, z: 0 }));
  for (const [name, point] of Object.entries(points) as [FaceLandmarkName, Point][]) landmarks[FACE[name]] = point;
  return { landmarks, blendshapes: {}, transformationMatrix };
}

/** A column-major 4x4 facial transformation rotated by `rollDeg` about the camera axis (head tilted sideways). */
export function rolledFaceMatrix(rollDeg: number): number[] {
  const a = rad(rollDeg);
  return [Math.cos(a), Math.sin(a), 0, 0, -Math.sin(a), Math.cos(a), 0, 0, 0, 0, 1, 0, 0, 0, -40, 1];
}
