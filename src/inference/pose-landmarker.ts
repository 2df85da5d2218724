import { PoseLandmarker, type PoseLandmarkerResult } from '@mediapipe/tasks-vision';
import type { Frame } from '../capture/frame';
import { POSE_LANDMARK_COUNT } from '../core/landmarks';
import type { PoseDetection } from '../core/types';
import type { Delegate, Detector, ProgressCallback } from './detector';
import { ModelLoadError } from './detector';
import { loadVisionFileset, RunningModeKeeper } from './mediapipe-runtime';
import { fetchModel } from './model-files';

export type PoseModelVariant = 'lite' | 'full';

export const POSE_MODEL_FILES: Record<PoseModelVariant, string> = {
  lite: 'pose_landmarker_lite.task',
  full: 'pose_landmarker_full.task',
};

export interface PoseLandmarkerOptions {
  readonly variant: PoseModelVariant;
  readonly delegate: Delegate;
  readonly onProgress?: ProgressCallback;
  readonly signal?: AbortSignal;
}

/** Adapter: MediaPipe PoseLandmarker -> the app's PoseDetection (first person only). */
export class PoseLandmarkerAdapter implements Detector<PoseDetection | null> {
  readonly name: string;
  private readonly mode: RunningModeKeeper<PoseLandmarkerResult>;

  private constructor(private readonly landmarker: PoseLandmarker, variant: PoseModelVariant) {
    this.name = `pose-${variant}`;
    this.mode = new RunningModeKeeper(landmarker);
  }

  static async create(options: PoseLandmarkerOptions): Promise<PoseLandmarkerAdapter> {
    const [fileset, model] = await Promise.all([
      loadVisionFileset(),
      fetchModel(POSE_MODEL_FILES[options.variant], options.onProgress, options.signal),
    ]);
    try {
      const landmarker = await PoseLandmarker.createFromOptions(fileset, {
        baseOptions: { modelAssetBuffer: model, delegate: options.delegate },
        runningMode: 'IMAGE',
        numPoses: 1,
        outputSegmentationMasks: false,
      });
      return new PoseLandmarkerAdapter(landmarker, options.variant);
    } catch (error) {
      throw new ModelLoadError(`The pose model could not start (${String(error)}). Press Retry, or choose the CPU delegate.`, { cause: error });
    }
  }

  async detect(frame: Frame): Promise<PoseDetection | null> {
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

function translatePoseResult(result: PoseLandmarkerResult): PoseDetection | null {
  const landmarks = result.landmarks[0];
  const world = result.worldLandmarks[0];
  if (!landmarks || !world) return null;
  if (landmarks.length !== POSE_LANDMARK_COUNT || world.length !== POSE_LANDMARK_COUNT) {
    throw new Error(`Pose model returned ${landmarks.length} landmarks, expected ${POSE_LANDMARK_COUNT}`);
  }
  return {
    landmarks: landmarks.map(({ x, y, z, visibility }) => ({ x, y, z, visibility })),
    worldLandmarks: world.map(({ x, y, z, visibility }) => ({ x, y, z, visibility })),
  };
}
