import type { Frame } from '../capture/frame';
import type { StationCalibration } from '../core/calibration/station-calibration';
import { type CounterCheckConfig, DEFAULT_CONFIG } from '../core/config';
import { computeObservations } from '../core/observations/compute-observations';
import { evaluateRules, type RuleId, type Verdict } from '../core/rules';
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
  /** Every rule's raw verdict for this frame (smoothing over time happens downstream). */
  readonly rules: Record<RuleId, Verdict>;
  readonly timing: FrameTiming;
}

/** What a station adds to the judgement: its calibration, its thresholds, the rules it checks. */
export interface StationContext {
  readonly calibration: StationCalibration | null;
  readonly config: CounterCheckConfig;
  /** Absent = every rule on. */
  readonly enabled?: ReadonlySet<RuleId>;
}

export interface AnalyzerOptions {
  readonly poseVariant: PoseModelVariant;
  readonly delegate: Delegate;
  readonly onProgress?: ProgressCallback;
  readonly signal?: AbortSignal;
}

/** Frame -> detections -> observations -> verdicts. The page, the CLI, the benchmark and the tests all use this one path. */
export class FrameAnalyzer {
  /** The station's calibration and settings; the page updates it when they change. */
  station: StationContext = { calibration: null, config: DEFAULT_CONFIG };

  private constructor(
    readonly pose: PoseLandmarkerAdapter,
    readonly face: FaceLandmarkerAdapter,
    readonly options: AnalyzerOptions,
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
    return new FrameAnalyzer(pose.value, face.value, options);
  }

  /** Analyses one frame, judged with the station's context unless another is given (e.g. eval's baselines). */
  async analyze(frame: Frame, station: StationContext = this.station): Promise<FrameAnalysis> {
    const start = performance.now();
    const pose = await this.pose.detect(frame);
    const poseDone = performance.now();
    const face = await this.face.detect(frame);
    const faceDone = performance.now();
    const size = { widthPx: frame.widthPx, heightPx: frame.heightPx };
    const observations = computeObservations({ frame: size, pose, face }, station.config.observations);
    const rules = evaluateRules(observations, station);
    return {
      timestampMs: frame.timestampMs,
      frame: size,
      person: observations.personPresent,
      pose,
      face,
      observations,
      rules,
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
