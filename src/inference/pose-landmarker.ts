import { PoseLandmarker, type PoseLandmarkerResult } from '@mediapipe/tasks-vision';
import type { Frame } from '../capture/frame';
import { POSE_LANDMARK_COUNT } from '../core/landmarks';
import type { PoseDetection } from '../core/types';
import type { Detector } from './detector';
import { createVisionTask, type PeopleLimits, RunningModeKeeper, type TaskLoadOptions } from './mediapipe-runtime';

export type PoseModelVariant = 'lite' | 'full';

export const POSE_MODEL_FILES: Record<PoseModelVariant, string> = {
  lite: 'pose_landmarker_lite.task',
  full: 'pose_landmarker_full.task',
};

export interface PoseLandmarkerOptions extends TaskLoadOptions {
  readonly variant: PoseModelVariant;
  /** Most people found per frame (others at the counter are found so that they can be left out). */
  readonly maxPeople: PeopleLimits;
}

/** Adapter: MediaPipe PoseLandmarker -> the app's PoseDetection, one per person found. */
export class PoseLandmarkerAdapter implements Detector<PoseDetection[]> {
  readonly name: string;
  private readonly mode: RunningModeKeeper<PoseLandmarkerResult>;

  private constructor(private readonly landmarker: PoseLandmarker, variant: PoseModelVariant, maxPeople: PeopleLimits) {
    this.name = `pose-${variant}`;
    this.mode = new RunningModeKeeper(landmarker, { IMAGE: { numPoses: maxPeople.stills }, VIDEO: { numPoses: maxPeople.streams } });
  }

  static async create(options: PoseLandmarkerOptions): Promise<PoseLandmarkerAdapter> {
    const landmarker = await createVisionTask(POSE_MODEL_FILES[options.variant], 'pose model', options, (fileset, baseOptions) =>
      PoseLandmarker.createFromOptions(fileset, { baseOptions, runningMode: 'IMAGE', numPoses: options.maxPeople.stills, outputSegmentationMasks: false }),
    );
    return new PoseLandmarkerAdapter(landmarker, options.variant, options.maxPeople);
  }

  async detect(frame: Frame): Promise<PoseDetection[]> {
    const result = await this.mode.detect(frame);
    try {
      return translatePoseResult(result);
    } finally {
      result.close();
    }
  }

  reset(): void {
    this.mode.reset();
  }

  dispose(): void {
    this.landmarker.close();
  }
}

function translatePoseResult(result: PoseLandmarkerResult): PoseDetection[] {
  return result.landmarks.map((landmarks, person) => {
    const world = result.worldLandmarks[person];
    if (!world || landmarks.length !== POSE_LANDMARK_COUNT || world.length !== POSE_LANDMARK_COUNT) {
      throw new Error(`Pose model returned ${landmarks.length} landmarks, expected ${POSE_LANDMARK_COUNT}`);
    }
    return {
      landmarks: landmarks.map(({ x, y, z, visibility }) => ({ x, y, z, visibility })),
      worldLandmarks: world.map(({ x, y, z, visibility }) => ({ x, y, z, visibility })),
    };
  });
}
