import type { ObservationConfig } from '../config';
import type { FaceDetection, FrameSize, ObjectDetection, Observations, PoseDetection } from '../types';
import { facePosition, posePosition } from '../person/select-person';
import { armsCrossing } from './arms-crossing';
import { bodyYawDeg } from './body-yaw';
import { chinRest } from './chin-rest';
import { headHeight } from './head-height';
import { headPoseFromMatrix } from './head-pose';
import { shoulderFrame } from './image-space';
import { headForwardLeanDeg, headFromVerticalDeg, trunkLeanForwardDeg } from './lean-angles';
import { poseVisibility } from './pose-visibility';
import { neckFlexionDeg, shoulderTiltDeg, trunkInclinationDeg } from './posture-angles';
import { smileScore } from './smile';

export interface FrameDetections {
  readonly frame: FrameSize;
  readonly pose: PoseDetection | null;
  readonly face: FaceDetection | null;
  /**
   * The judged person when only the object detector found them (a 'person' box: a head down on the counter
   * hides the landmarks; see `findHiddenPerson`); null or absent when none, or when landmarks were found.
   */
  readonly hiddenPerson?: ObjectDetection | null;
  /** Whether a body was found in the frame turned sideways, when the upright frame had none; absent = not checked. */
  readonly sidewaysPoseFound?: boolean | null;
}

/** Every per-frame measure the rules read, from one frame's detections. */
export function computeObservations(detections: FrameDetections, config: ObservationConfig): Observations {
  const { pose, face, frame } = detections;
  const visibilityMin = config.landmarkVisibilityMin;
  const yaw = pose ? bodyYawDeg(pose, visibilityMin) : null;
  const shoulders = pose ? shoulderFrame(pose.landmarks, frame, yaw, visibilityMin) : null;
  const head = pose ? headHeight(pose.landmarks, frame, shoulders, visibilityMin) : null;
  const hiddenPerson = pose || face ? null : (detections.hiddenPerson ?? null);
  const sideways = pose || face ? null : (detections.sidewaysPoseFound ?? null);
  return {
    personPresent: pose !== null || face !== null || hiddenPerson !== null || sideways === true,
    faceFound: face !== null,
    trunkInclinationDeg: pose ? trunkInclinationDeg(pose, visibilityMin) : null,
    neckFlexionDeg: pose ? neckFlexionDeg(pose, visibilityMin) : null,
    shoulderTiltDeg: pose ? shoulderTiltDeg(pose.landmarks, frame, visibilityMin) : null,
    headPose: face ? headPoseFromMatrix(face.transformationMatrix) : null,
    smileScore: face ? smileScore(face.blendshapes) : null,
    poseVisibility: pose ? poseVisibility(pose.landmarks) : null,
    bodyYawDeg: yaw,
    earAboveShoulderRatio: head?.earAboveShoulderRatio ?? null,
    noseAboveShoulderRatio: head?.noseAboveShoulderRatio ?? null,
    headImageY: head?.headImageY ?? null,
    shoulderWidthFrameHeights: head?.shoulderWidthFrameHeights ?? null,
    headFromVerticalDeg: pose ? headFromVerticalDeg(pose, visibilityMin) : null,
    headForwardLeanDeg: pose ? headForwardLeanDeg(pose, visibilityMin) : null,
    trunkLeanForwardDeg: pose ? trunkLeanForwardDeg(pose, visibilityMin) : null,
    armsCrossing: pose ? armsCrossing(pose.landmarks, frame, shoulders, visibilityMin) : null,
    chinRest: pose ? chinRest(pose.landmarks, face, frame, shoulders, visibilityMin) : null,
    personWithoutLandmarks: hiddenPerson,
    bodyFoundOnlySideways: sideways,
    personPosition: pose ? posePosition(pose, frame) : face ? facePosition(face, frame) : null,
  };
}
