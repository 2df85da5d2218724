import { FaceLandmarker, type FaceLandmarkerResult } from '@mediapipe/tasks-vision';
import type { Frame } from '../capture/frame';
import { FACE_LANDMARK_COUNT } from '../core/landmarks';
import type { FaceDetection } from '../core/types';
import type { Detector } from './detector';
import { createVisionTask, type PeopleLimits, RunningModeKeeper, type TaskLoadOptions } from './mediapipe-runtime';

export const FACE_MODEL_FILE = 'face_landmarker.task';

export interface FaceLandmarkerOptions extends TaskLoadOptions {
  /** Most faces found per frame. */
  readonly maxPeople: PeopleLimits;
}

/** Adapter: MediaPipe FaceLandmarker (blendshapes + transformation matrix) -> the app's FaceDetection, one per face. */
export class FaceLandmarkerAdapter implements Detector<FaceDetection[]> {
  readonly name = 'face';
  private readonly mode: RunningModeKeeper<FaceLandmarkerResult>;

  private constructor(private readonly landmarker: FaceLandmarker, maxPeople: PeopleLimits) {
    this.mode = new RunningModeKeeper(landmarker, { IMAGE: { numFaces: maxPeople.stills }, VIDEO: { numFaces: maxPeople.streams } });
  }

  static async create(options: FaceLandmarkerOptions): Promise<FaceLandmarkerAdapter> {
    const landmarker = await createVisionTask(FACE_MODEL_FILE, 'face model', options, (fileset, baseOptions) =>
      FaceLandmarker.createFromOptions(fileset, {
        baseOptions,
        runningMode: 'IMAGE',
        numFaces: options.maxPeople.stills,
        outputFaceBlendshapes: true,
        outputFacialTransformationMatrixes: true,
      }),
    );
    return new FaceLandmarkerAdapter(landmarker, options.maxPeople);
  }

  async detect(frame: Frame): Promise<FaceDetection[]> {
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

function translateFaceResult(result: FaceLandmarkerResult): FaceDetection[] {
  return result.faceLandmarks.map((landmarks, face) => {
    if (landmarks.length !== FACE_LANDMARK_COUNT) {
      throw new Error(`Face model returned ${landmarks.length} landmarks, expected ${FACE_LANDMARK_COUNT}`);
    }
    const blendshapes: Record<string, number> = {};
    for (const category of result.faceBlendshapes[face]?.categories ?? []) blendshapes[category.categoryName] = category.score;
    const matrix = result.facialTransformationMatrixes[face];
    return {
      landmarks: landmarks.map(({ x, y, z }) => ({ x, y, z })),
      blendshapes,
      transformationMatrix: matrix ? Array.from(matrix.data) : null,
    };
  });
}
