import { POSE, type PoseLandmarkName } from '../landmarks';
import type { NormalizedLandmark, PoseVisibility } from '../types';
import { isInFrame } from './pose-points';

/** One landmark's visibility, 0 when it is missing, not finite or outside the frame. */
function visibilityOf(landmarks: readonly NormalizedLandmark[], name: PoseLandmarkName): number {
  const point = landmarks[POSE[name]];
  if (!point || !Number.isFinite(point.x) || !Number.isFinite(point.y) || !isInFrame(point)) return 0;
  const visibility = point.visibility ?? 1;
  return Number.isFinite(visibility) ? Math.min(1, Math.max(0, visibility)) : 0;
}

/** Per body part visibility for confidences and reasons; pairs take the weaker side, ears the stronger. */
export function poseVisibility(landmarks: readonly NormalizedLandmark[]): PoseVisibility {
  const weaker = (left: PoseLandmarkName, right: PoseLandmarkName) =>
    Math.min(visibilityOf(landmarks, left), visibilityOf(landmarks, right));
  return {
    nose: visibilityOf(landmarks, 'nose'),
    ears: Math.max(visibilityOf(landmarks, 'leftEar'), visibilityOf(landmarks, 'rightEar')),
    shoulders: weaker('leftShoulder', 'rightShoulder'),
    elbows: weaker('leftElbow', 'rightElbow'),
    wrists: weaker('leftWrist', 'rightWrist'),
    hips: weaker('leftHip', 'rightHip'),
  };
}
