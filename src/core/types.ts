import type { Degrees } from './units';

/** A point in normalized image space: x, y in 0..1 of the frame, z roughly in the same scale as x. */
export interface NormalizedLandmark {
  readonly x: number;
  readonly y: number;
  readonly z: number;
  /** 0..1, the model's belief that the point is visible (pose only). */
  readonly visibility?: number;
}

/** A point in metres, origin between the hips (pose world landmarks). y points down. */
export interface WorldLandmark {
  readonly x: number;
  readonly y: number;
  readonly z: number;
  readonly visibility?: number;
}

export interface FrameSize {
  readonly widthPx: number;
  readonly heightPx: number;
}

/** One person's body, as the pose adapter hands it over: no vendor types. */
export interface PoseDetection {
  readonly landmarks: readonly NormalizedLandmark[];
  readonly worldLandmarks: readonly WorldLandmark[];
}

/** One face, as the face adapter hands it over. */
export interface FaceDetection {
  readonly landmarks: readonly NormalizedLandmark[];
  /** Blendshape name -> score 0..1 (e.g. mouthSmileLeft, eyeBlinkRight). */
  readonly blendshapes: Readonly<Record<string, number>>;
  /** Facial transformation matrix, 4x4, column-major (canonical face -> camera space). */
  readonly transformationMatrix: readonly number[] | null;
}

export interface HeadPose {
  readonly yaw: Degrees;
  readonly pitch: Degrees;
  readonly roll: Degrees;
}

/**
 * Plain numbers per frame that rules read. A measure is `null` when the landmarks it needs
 * were missing or not visible enough: rules must answer `unknown` then, never guess.
 */
export interface Observations {
  readonly personPresent: boolean;
  readonly faceFound: boolean;
  /** Angle of the hip-to-shoulder line from vertical, 0 = upright (world landmarks, 3D). */
  readonly trunkInclinationDeg: Degrees | null;
  /** Angle of the shoulder-to-ear line from the trunk line (or vertical without hips), 0 = head stacked. */
  readonly neckFlexionDeg: Degrees | null;
  /** Tilt of the shoulder line from horizontal in the image, signed (+ = the person's left shoulder lower). */
  readonly shoulderTiltDeg: Degrees | null;
  readonly headPose: HeadPose | null;
  /** Mean of mouthSmileLeft and mouthSmileRight blendshapes, 0..1. */
  readonly smileScore: number | null;
}

export type VerdictStatus = 'pass' | 'fail' | 'unknown' | 'off';
