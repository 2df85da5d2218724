import { FaceLandmarker, type FaceLandmarkerResult } from '@mediapipe/tasks-vision';
import type { Frame } from '../capture/frame';
import { FACE_LANDMARK_COUNT } from '../core/landmarks';
import type { FaceDetection } from '../core/types';
import type { Detector } from './detector';
import { createVisionTask, RunningModeKeeper, type TaskLoadOptions } from './mediapipe-runtime';

export const FACE_MODEL_FILE = 'face_landmarker.task';

export type FaceLandmarkerOptions = TaskLoadOptions;

/** Adapter: MediaPipe FaceLandmarker (blendshapes + transformation matrix) -> the app's FaceDetection. */
export class FaceLandmarkerAdapter implements Detector<FaceDetection | null> {
  readonly name = 'face';
  private readonly mode: RunningModeKeeper<FaceLandmarkerResult>;

  private constructor(private readonly landmarker: FaceLandmarker) {
    this.mode = new RunningModeKeeper(landmarker);
  }

  static async create(options: FaceLandmarkerOptions): Promise<FaceLandmarkerAdapter> {
    const landmarker = await createVisionTask(FACE_MODEL_FILE, 'face model', options, (fileset, baseOptions) =>
      FaceLandmarker.createFromOptions(fileset, {
        baseOptions,
        runningMode: 'IMAGE',
        numFaces: 1,
        outputFaceBlendshapes: true,
        outputFacialTransformationMatrixes: true,
      }),
    );
    return new FaceLandmarkerAdapter(landmarker);
  }

  async detect(frame: Frame): Promise<FaceDetection | null> {
    const result = await this.mode.detect(frame);
    return translateFaceResult(result);
  }

  reset(): void {
    this.mode.reset();
  }

  dispose(): void {
    this.landmarker.close();
  }
}

function translateFaceResult(result: FaceLandmarkerResult): FaceDetection | null {
  const landmarks = result.faceLandmarks[0];
  if (!landmarks) return null;
  if (landmarks.length !== FACE_LANDMARK_COUNT) {
    throw new Error(`Face model returned ${landmarks.length} landmarks, expected ${FACE_LANDMARK_COUNT}`);
  }
  const blendshapes: Record<string, number> = {};
  for (const category of result.faceBlendshapes[0]?.categories ?? []) blendshapes[category.categoryName] = category.score;
  const matrix = result.facialTransformationMatrixes[0];
  return {
    landmarks: landmarks.map(({ x, y, z }) => ({ x, y, z })),
    blendshapes,
    transformationMatrix: matrix ? Array.from(matrix.data) : null,
  };
}
