/**
 * Named landmark indices, so code says `POSE.leftShoulder`, never `landmarks[11]`.
 * Pose: MediaPipe BlazePose GHUM 33-point topology. Face: MediaPipe face mesh (478 with irises).
 */
export const POSE = {
  nose: 0,
  leftEyeInner: 1,
  leftEye: 2,
  leftEyeOuter: 3,
  rightEyeInner: 4,
  rightEye: 5,
  rightEyeOuter: 6,
  leftEar: 7,
  rightEar: 8,
  mouthLeft: 9,
  mouthRight: 10,
  leftShoulder: 11,
  rightShoulder: 12,
  leftElbow: 13,
  rightElbow: 14,
  leftWrist: 15,
  rightWrist: 16,
  leftPinky: 17,
  rightPinky: 18,
  leftIndex: 19,
  rightIndex: 20,
  leftThumb: 21,
  rightThumb: 22,
  leftHip: 23,
  rightHip: 24,
  leftKnee: 25,
  rightKnee: 26,
  leftAnkle: 27,
  rightAnkle: 28,
  leftHeel: 29,
  rightHeel: 30,
  leftFootIndex: 31,
  rightFootIndex: 32,
} as const;

export type PoseLandmarkName = keyof typeof POSE;

/** Pose points on each hand, wrist first. */
export const POSE_HAND_POINTS = {
  left: ['leftWrist', 'leftIndex', 'leftPinky', 'leftThumb'],
  right: ['rightWrist', 'rightIndex', 'rightPinky', 'rightThumb'],
} as const satisfies Record<'left' | 'right', readonly PoseLandmarkName[]>;
export const POSE_LANDMARK_COUNT = 33;
export const FACE_LANDMARK_COUNT = 478;

/** Bones drawn for the skeleton overlay. */
export const POSE_CONNECTIONS: readonly (readonly [PoseLandmarkName, PoseLandmarkName])[] = [
  ['leftEar', 'leftEye'],
  ['leftEye', 'nose'],
  ['nose', 'rightEye'],
  ['rightEye', 'rightEar'],
  ['mouthLeft', 'mouthRight'],
  ['leftShoulder', 'rightShoulder'],
  ['leftShoulder', 'leftElbow'],
  ['leftElbow', 'leftWrist'],
  ['rightShoulder', 'rightElbow'],
  ['rightElbow', 'rightWrist'],
  ['leftWrist', 'leftIndex'],
  ['rightWrist', 'rightIndex'],
  ['leftShoulder', 'leftHip'],
  ['rightShoulder', 'rightHip'],
  ['leftHip', 'rightHip'],
  ['leftHip', 'leftKnee'],
  ['rightHip', 'rightKnee'],
  ['leftKnee', 'leftAnkle'],
  ['rightKnee', 'rightAnkle'],
];

/** Face mesh points used by observations (MediaPipe canonical face model indices). */
export const FACE = {
  noseTip: 1,
  chin: 152,
  foreheadTop: 10,
  leftEyeOuter: 263,
  rightEyeOuter: 33,
  leftIrisCenter: 473,
  rightIrisCenter: 468,
  /** The face oval's widest points, at the cheekbones (the person's left is image right). */
  leftFaceSide: 454,
  rightFaceSide: 234,
} as const;

export type FaceLandmarkName = keyof typeof FACE;
