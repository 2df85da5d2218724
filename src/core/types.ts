import type { NormalizedBox } from './geometry/box';
import type { PersonPosition } from './person/select-person';
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

/**
 * One hand, as the hand adapter hands it over: its 21 landmarks (MediaPipe hand topology: 0 wrist, 4 thumb
 * tip, 8 index tip, 12 middle tip, 16 ring tip, 20 pinky tip) in normalized frame coordinates.
 */
export interface HandDetection {
  /** 0..1, the landmark model's belief that the crop holds a hand. */
  readonly score: number;
  readonly landmarks: readonly NormalizedLandmark[];
}

/** One face, as the face adapter hands it over. */
export interface FaceDetection {
  readonly landmarks: readonly NormalizedLandmark[];
  /** Blendshape name -> score 0..1 (e.g. mouthSmileLeft, eyeBlinkRight). */
  readonly blendshapes: Readonly<Record<string, number>>;
  /** Facial transformation matrix, 4x4, column-major (canonical face -> camera space). */
  readonly transformationMatrix: readonly number[] | null;
}

/** An object the COCO detector found, as core sees it (labels are COCO's, e.g. 'person', 'cell phone'). */
export interface ObjectDetection {
  readonly label: string;
  readonly score: number;
  readonly box: NormalizedBox;
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
  /** How well the model saw each body part (0..1; 0 when outside the frame); null without a pose. */
  readonly poseVisibility: PoseVisibility | null;
  /**
   * Rotation of the shoulder line away from facing the camera, about the vertical (world landmarks),
   * signed: 0 = square on, + = the person's left shoulder nearer the camera, ±90 = side view.
   */
  readonly bodyYawDeg: Degrees | null;
  /**
   * Height of the ear centre (or the one visible ear) above the shoulder-centre line in the image,
   * in shoulder widths (true pixel proportions, corrected for body yaw). About 0.5..0.65 sitting up;
   * 0 = ears level with the shoulders; negative = head below the shoulder line.
   */
  readonly earAboveShoulderRatio: number | null;
  /** Same as `earAboveShoulderRatio` for the nose; also drops when the head pitches down. */
  readonly noseAboveShoulderRatio: number | null;
  /** Normalized image y (0 top .. 1 bottom) of the ear centre, else the nose: where the head is in the frame. */
  readonly headImageY: number | null;
  /**
   * The (yaw-corrected) shoulder width in frame heights: how big the person looks. With `headImageY` and a
   * calibration it measures how far the head sank in the frame, in the person's own shoulder widths.
   */
  readonly shoulderWidthFrameHeights: number | null;
  /**
   * Angle of the shoulder-centre to ear-centre line from vertical in 3D, any direction (world landmarks,
   * hips not needed): 0 = head straight above the shoulders, 90 = head level with them (on the counter or an arm).
   */
  readonly headFromVerticalDeg: Degrees | null;
  /**
   * Angle of the shoulder-centre to ear-centre line from vertical in the body's sagittal plane
   * (world landmarks, hips not needed): + = head forward of the shoulders, - = head back.
   * About 10..25 for a person sitting up (the model places ears a little forward), 90 = head level with the shoulders in front.
   */
  readonly headForwardLeanDeg: Degrees | null;
  /**
   * Trunk (hip centre to shoulder centre) angle from vertical in the body's sagittal plane, + = leaning
   * forward, - = reclining back. Null unless both hips are visible inside the frame.
   */
  readonly trunkLeanForwardDeg: Degrees | null;
  /** Arm geometry for crossed arms; null unless shoulders, elbows and wrists are all seen. */
  readonly armsCrossing: ArmsCrossing | null;
  /** Hand-under-chin geometry; null when the chin cannot be placed. */
  readonly chinRest: ChinRest | null;
  /**
   * A person the object detector found on a frame where neither the body nor the face landmarks were:
   * at a counter webcam, typically someone whose head is down on the counter. Null otherwise.
   */
  readonly personWithoutLandmarks: ObjectDetection | null;
  /**
   * True when no body was found upright but one was found in the frame turned by 90 degrees: a person
   * lying on their side (head on the desk). Null when that was not checked (streams, or a body was found).
   */
  readonly bodyFoundOnlySideways: boolean | null;
  /** Where the judged person's head is and how big they look (calibration keeps it to find them among others); null without landmarks. */
  readonly personPosition: PersonPosition | null;
}

/** Model visibility per body part, 0..1. Pairs give the lower side, except ears (either ear will do). */
export interface PoseVisibility {
  readonly nose: number;
  readonly ears: number;
  readonly shoulders: number;
  readonly elbows: number;
  readonly wrists: number;
  readonly hips: number;
}

/** Image-space crossed-arms measures, in shoulder widths. */
export interface ArmsCrossing {
  /** The larger of (left wrist to right elbow) and (right wrist to left elbow): both small when the arms are folded. */
  readonly wristToOppositeElbowRatio: number;
  /**
   * How far each wrist lies past the body midline toward the other side, along the shoulder line; the smaller
   * of the two. Positive only when both wrists have crossed over.
   */
  readonly wristPastMidlineRatio: number;
}

/** Image-space chin-resting measures for the hand nearest the chin. */
export interface ChinRest {
  /** Distance from the chin to the nearest visible hand point (wrist, index, pinky, thumb), in shoulder widths; null when no hand point is seen. */
  readonly handToChinRatio: number | null;
  /** That hand's wrist below the chin, in shoulder widths (+ = below); null when its wrist is not seen. */
  readonly wristBelowChinRatio: number | null;
  /** That arm's forearm (elbow to wrist) from vertical-up in the image, 0 = propped straight up; null without the elbow or wrist. */
  readonly forearmFromVerticalDeg: Degrees | null;
}

export type VerdictStatus = 'pass' | 'fail' | 'unknown' | 'off';
