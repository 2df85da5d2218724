import type { Frame } from '../capture/frame';
import { type CounterCheckConfig, DEFAULT_CONFIG } from '../core/config';
import { computeObservations } from '../core/observations/compute-observations';
import type { FaceDetection, FrameSize, Observations, PoseDetection } from '../core/types';
import type { Delegate, ProgressCallback } from '../inference/detector';
import { FaceLandmarkerAdapter } from '../inference/face-landmarker';
import { PoseLandmarkerAdapter, type PoseModelVariant } from '../inference/pose-landmarker';
import { combineProgress } from './progress';

export interface FrameTiming {
  readonly poseMs: number;
  readonly faceMs: number;
  readonly totalMs: number;
}

/** Everything the app knows about one frame: plain, serializable data. */
export interface FrameAnalysis {
  readonly timestampMs: number;
  readonly frame: FrameSize;
  readonly person: boolean;
  readonly pose: PoseDetection | null;
  readonly face: FaceDetection | null;
  readonly observations: Observations;
  readonly timing: FrameTiming;
}

export interface AnalyzerOptions {
  readonly poseVariant: PoseModelVariant;
  readonly delegate: Delegate;
  readonly config?: CounterCheckConfig;
  readonly onProgress?: ProgressCallback;
  readonly signal?: AbortSignal;
}

/** Frame -> detections -> observations. The page, the CLI, the benchmark and the tests all use this one path. */
export class FrameAnalyzer {
  private constructor(
    readonly pose: PoseLandmarkerAdapter,
    readonly face: FaceLandmarkerAdapter,
    readonly options: AnalyzerOptions,
    private readonly config: CounterCheckConfig,
  ) {}

  static async create(options: AnalyzerOptions): Promise<FrameAnalyzer> {
    const progress = combineProgress(2, options.onProgress);
    const [pose, face] = await Promise.allSettled([
      PoseLandmarkerAdapter.create({ ...options, variant: options.poseVariant, onProgress: progress[0] }),
      FaceLandmarkerAdapter.create({ ...options, onProgress: progress[1] }),
    ]);
    if (pose.status === 'rejected' || face.status === 'rejected') {
      if (pose.status === 'fulfilled') pose.value.dispose();
      if (face.status === 'fulfilled') face.value.dispose();
      throw pose.status === 'rejected' ? pose.reason : (face as PromiseRejectedResult).reason;
    }
    return new FrameAnalyzer(pose.value, face.value, options, options.config ?? DEFAULT_CONFIG);
  }

  async analyze(frame: Frame): Promise<FrameAnalysis> {
    const start = performance.now();
    const pose = await this.pose.detect(frame);
    const poseDone = performance.now();
    const face = await this.face.detect(frame);
    const faceDone = performance.now();
    const size = { widthPx: frame.widthPx, heightPx: frame.heightPx };
    const observations = computeObservations({ frame: size, pose, face }, this.config.observations);
    return {
      timestampMs: frame.timestampMs,
      frame: size,
      person: observations.personPresent,
      pose,
      face,
      observations,
      timing: { poseMs: poseDone - start, faceMs: faceDone - poseDone, totalMs: performance.now() - start },
    };
  }

  /** Forget tracking, e.g. when the source changes. */
  reset(): void {
    this.pose.reset();
    this.face.reset();
  }

  dispose(): void {
    this.pose.dispose();
    this.face.dispose();
  }
}
