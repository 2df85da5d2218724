import type { ObservationConfig } from '../config';
import type { FaceDetection, FrameSize, Observations, PoseDetection } from '../types';
import { headPoseFromMatrix } from './head-pose';
import { neckFlexionDeg, shoulderTiltDeg, trunkInclinationDeg } from './posture-angles';
import { smileScore } from './smile';

export interface FrameDetections {
  readonly frame: FrameSize;
  readonly pose: PoseDetection | null;
  readonly face: FaceDetection | null;
}

/** Every per-frame measure the rules read, from one frame's detections. */
export function computeObservations(detections: FrameDetections, config: ObservationConfig): Observations {
  const { pose, face, frame } = detections;
  const visibilityMin = config.landmarkVisibilityMin;
  return {
    personPresent: pose !== null || face !== null,
    faceFound: face !== null,
    trunkInclinationDeg: pose ? trunkInclinationDeg(pose, visibilityMin) : null,
    neckFlexionDeg: pose ? neckFlexionDeg(pose, visibilityMin) : null,
    shoulderTiltDeg: pose ? shoulderTiltDeg(pose.landmarks, frame, visibilityMin) : null,
    headPose: face ? headPoseFromMatrix(face.transformationMatrix) : null,
    smileScore: face ? smileScore(face.blendshapes) : null,
  };
}
