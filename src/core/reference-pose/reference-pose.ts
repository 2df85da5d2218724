import { angleBetween, midpoint, subtract, type Vec3, vec3 } from '../geometry/vector';
import { POSE, type PoseLandmarkName } from '../landmarks';
import type { PoseDetection } from '../types';
import { type Degrees, degrees } from '../units';

/**
 * A trainer's reference pose ("this is correct") and how far a live pose is from it. Pure: plain
 * landmarks in, plain numbers out. Angles come from the pose model's world landmarks (metres, 3D), so
 * they do not depend on where the person sits in the frame, how far from the camera, or the frame's
 * aspect ratio; a joint counts only when every landmark it needs is seen well enough.
 */

/**
 * The joints compared, each an angle in degrees: neck = shoulder centre to ear centre from vertical;
 * headTilt = ear line against shoulder line; trunk = hip centre to shoulder centre from vertical;
 * left/rightShoulder = upper arm from hanging straight down; left/rightElbow = the elbow's inner angle.
 */
export type ReferenceJoint =
  | 'neck'
  | 'headTilt'
  | 'trunk'
  | 'leftShoulder'
  | 'rightShoulder'
  | 'leftElbow'
  | 'rightElbow';

export const REFERENCE_JOINTS: readonly ReferenceJoint[] = [
  'neck',
  'headTilt',
  'trunk',
  'leftShoulder',
  'rightShoulder',
  'leftElbow',
  'rightElbow',
];

/** Names shown to people, Chinese and English. */
export const REFERENCE_JOINT_LABELS: { readonly [K in ReferenceJoint]: { readonly zh: string; readonly en: string } } = {
  neck: { zh: '颈部', en: 'neck' },
  headTilt: { zh: '头部侧倾', en: 'head tilt' },
  trunk: { zh: '躯干', en: 'trunk' },
  leftShoulder: { zh: '左肩', en: 'left shoulder' },
  rightShoulder: { zh: '右肩', en: 'right shoulder' },
  leftElbow: { zh: '左肘', en: 'left elbow' },
  rightElbow: { zh: '右肘', en: 'right elbow' },
};

/** The points kept for drawing the reference skeleton. */
export type ReferencePointName =
  | 'nose'
  | 'leftEar'
  | 'rightEar'
  | 'leftShoulder'
  | 'rightShoulder'
  | 'leftElbow'
  | 'rightElbow'
  | 'leftWrist'
  | 'rightWrist'
  | 'leftHip'
  | 'rightHip';

export const REFERENCE_POINT_NAMES: readonly ReferencePointName[] = [
  'nose',
  'leftEar',
  'rightEar',
  'leftShoulder',
  'rightShoulder',
  'leftElbow',
  'rightElbow',
  'leftWrist',
  'rightWrist',
  'leftHip',
  'rightHip',
];

/** Bones of the small skeleton drawn from `TorsoPoints`. */
export const REFERENCE_BONES: readonly (readonly [ReferencePointName, ReferencePointName])[] = [
  ['leftEar', 'nose'],
  ['nose', 'rightEar'],
  ['leftShoulder', 'rightShoulder'],
  ['leftShoulder', 'leftElbow'],
  ['leftElbow', 'leftWrist'],
  ['rightShoulder', 'rightElbow'],
  ['rightElbow', 'rightWrist'],
  ['leftShoulder', 'leftHip'],
  ['rightShoulder', 'rightHip'],
  ['leftHip', 'rightHip'],
];

/**
 * A point relative to the torso: origin at the shoulder centre, in shoulder widths, x toward the
 * person's left, y down (the world landmarks' front view). Null when the model did not see it.
 */
export interface TorsoPoint {
  readonly x: number;
  readonly y: number;
}
export type TorsoPoints = { readonly [K in ReferencePointName]: TorsoPoint | null };
export type JointAngles = { readonly [K in ReferenceJoint]: Degrees | null };

/** A pose reduced to what a comparison needs: plain, JSON-safe data. */
export interface ReferencePose {
  readonly version: 1;
  readonly capturedAtMs: number;
  readonly angles: JointAngles;
  readonly points: TorsoPoints;
}

export interface ReferencePoseConfig {
  /** A landmark counts only when its visibility is at least this (0..1). Default 0.5. */
  readonly visibilityMin: number;
  /** A joint this far off, or more, scores 0; a joint that matches scores 1. Default 60 degrees. */
  readonly zeroScoreDiffDeg: number;
  /** Joints less far off than this are not listed as differing. Default 10 degrees (the model's jitter is 3..5). */
  readonly reportDiffMinDeg: number;
  /** Fewest joints seen in both poses for a score. Default 2. */
  readonly minComparedJoints: number;
}

export const DEFAULT_REFERENCE_POSE_CONFIG: ReferencePoseConfig = {
  visibilityMin: 0.5,
  zeroScoreDiffDeg: 60,
  reportDiffMinDeg: 10,
  minComparedJoints: 2,
};

export interface JointDifference {
  readonly joint: ReferenceJoint;
  readonly referenceDeg: Degrees;
  readonly liveDeg: Degrees;
  /** |live - reference|, degrees. */
  readonly diffDeg: Degrees;
}

export interface PoseComparison {
  /** 0..100 (100 = every compared joint matches); null when fewer than `minComparedJoints` were seen in both. */
  readonly similarityPercent: number | null;
  /** Every joint seen in both poses, the largest difference first. */
  readonly joints: readonly JointDifference[];
  /** The joints at least `reportDiffMinDeg` off, the largest first. */
  readonly differing: readonly JointDifference[];
  /** Joints of the reference that the live pose does not show (or the reverse). */
  readonly unseen: readonly ReferenceJoint[];
}

const UP: Vec3 = vec3(0, -1, 0);
const DOWN: Vec3 = vec3(0, 1, 0);

/** The angles and torso points of a pose; null when the shoulders are not both seen. */
export function describePose(
  pose: PoseDetection,
  config: ReferencePoseConfig = DEFAULT_REFERENCE_POSE_CONFIG,
): { angles: JointAngles; points: TorsoPoints } | null {
  const seen = (name: PoseLandmarkName): Vec3 | null => {
    const index = POSE[name];
    const visibility = pose.landmarks[index]?.visibility ?? 0;
    const world = pose.worldLandmarks[index];
    if (!world || visibility < config.visibilityMin) return null;
    if (![world.x, world.y, world.z].every(Number.isFinite)) return null;
    return vec3(world.x, world.y, world.z);
  };
  const leftShoulder = seen('leftShoulder');
  const rightShoulder = seen('rightShoulder');
  if (!leftShoulder || !rightShoulder) return null;
  const shoulderCentre = midpoint(leftShoulder, rightShoulder);
  const shoulderWidth = Math.hypot(leftShoulder.x - rightShoulder.x, leftShoulder.y - rightShoulder.y, leftShoulder.z - rightShoulder.z);
  if (!(shoulderWidth > 0)) return null;

  const leftHip = seen('leftHip');
  const rightHip = seen('rightHip');
  const hipCentre = leftHip && rightHip ? midpoint(leftHip, rightHip) : null;
  const leftEar = seen('leftEar');
  const rightEar = seen('rightEar');
  const earCentre = leftEar && rightEar ? midpoint(leftEar, rightEar) : (leftEar ?? rightEar);

  // Angles are taken against the vertical, not against the trunk: the hips are often below the counter,
  // and a pose whose hips are seen must compare with one whose hips are not on the same footing.
  const upperArm = (shoulder: Vec3, elbowName: PoseLandmarkName): Degrees | null => {
    const elbow = seen(elbowName);
    return elbow ? angleBetween(subtract(elbow, shoulder), DOWN) : null;
  };
  const elbowAngle = (shoulder: Vec3, elbowName: PoseLandmarkName, wristName: PoseLandmarkName): Degrees | null => {
    const elbow = seen(elbowName);
    const wrist = seen(wristName);
    return elbow && wrist ? angleBetween(subtract(shoulder, elbow), subtract(wrist, elbow)) : null;
  };

  const angles: JointAngles = {
    neck: earCentre ? angleBetween(subtract(earCentre, shoulderCentre), UP) : null,
    headTilt: leftEar && rightEar ? angleBetween(subtract(leftEar, rightEar), subtract(leftShoulder, rightShoulder)) : null,
    trunk: hipCentre ? angleBetween(subtract(shoulderCentre, hipCentre), UP) : null,
    leftShoulder: upperArm(leftShoulder, 'leftElbow'),
    rightShoulder: upperArm(rightShoulder, 'rightElbow'),
    leftElbow: elbowAngle(leftShoulder, 'leftElbow', 'leftWrist'),
    rightElbow: elbowAngle(rightShoulder, 'rightElbow', 'rightWrist'),
  };
  const points = Object.fromEntries(
    REFERENCE_POINT_NAMES.map((name) => {
      const point = seen(name);
      return [
        name,
        point ? { x: (point.x - shoulderCentre.x) / shoulderWidth, y: (point.y - shoulderCentre.y) / shoulderWidth } : null,
      ];
    }),
  ) as unknown as TorsoPoints;
  return { angles, points };
}

/** The reference pose from one frame's pose; null when the shoulders are not both seen. */
export function captureReferencePose(
  pose: PoseDetection,
  capturedAtMs: number,
  config: ReferencePoseConfig = DEFAULT_REFERENCE_POSE_CONFIG,
): ReferencePose | null {
  const described = describePose(pose, config);
  return described ? { version: 1, capturedAtMs, ...described } : null;
}

/** How close the live joint angles are to the reference's. */
export function compareToReference(
  reference: Pick<ReferencePose, 'angles'>,
  live: JointAngles,
  config: ReferencePoseConfig = DEFAULT_REFERENCE_POSE_CONFIG,
): PoseComparison {
  const joints: JointDifference[] = [];
  const unseen: ReferenceJoint[] = [];
  for (const joint of REFERENCE_JOINTS) {
    const referenceDeg = reference.angles[joint];
    const liveDeg = live[joint];
    if (referenceDeg === null && liveDeg === null) continue;
    if (referenceDeg === null || liveDeg === null) {
      unseen.push(joint);
      continue;
    }
    joints.push({ joint, referenceDeg, liveDeg, diffDeg: degrees(Math.abs(liveDeg - referenceDeg)) });
  }
  joints.sort((a, b) => b.diffDeg - a.diffDeg);
  const similarityPercent =
    joints.length < config.minComparedJoints
      ? null
      : Math.round(
          (100 * joints.reduce((sum, { diffDeg }) => sum + Math.max(0, 1 - diffDeg / config.zeroScoreDiffDeg), 0)) /
            joints.length,
        );
  return {
    similarityPercent,
    joints,
    differing: joints.filter(({ diffDeg }) => diffDeg >= config.reportDiffMinDeg),
    unseen,
  };
}

/** "left elbow 35° off", for the trainer's list. */
export function formatJointDifference(difference: JointDifference, language: 'zh' | 'en'): string {
  const label = REFERENCE_JOINT_LABELS[difference.joint][language];
  const off = Math.round(difference.diffDeg);
  return language === 'zh' ? `${label} 偏差 ${off}°` : `${label} ${off}° off`;
}
