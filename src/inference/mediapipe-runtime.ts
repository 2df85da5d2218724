import { FilesetResolver } from '@mediapipe/tasks-vision';
import type { Frame } from '../capture/frame';
import { assetUrl } from './model-files';
import { type Delegate, ModelLoadError, type ProgressCallback } from './detector';
import { fetchModel } from './model-files';

type WasmFileset = Awaited<ReturnType<typeof FilesetResolver.forVisionTasks>>;

/** MediaPipe's wasm runtime, served by the app itself (copied from node_modules by setup). */
export async function loadVisionFileset(): Promise<WasmFileset> {
  try {
    return await FilesetResolver.forVisionTasks(assetUrl('mediapipe/wasm'));
  } catch (error) {
    throw new ModelLoadError('Could not load the MediaPipe runtime. Run "npm run setup", then press Retry.', { cause: error });
  }
}

export type RunningMode = 'IMAGE' | 'VIDEO';

/**
 * Most people a landmarker looks for, per kind of source. Looking for more than are there makes the
 * person detector run on every frame instead of tracking: on streams that costs about 2x per frame here.
 */
export interface PeopleLimits {
  readonly stills: number;
  readonly streams: number;
}

export interface TaskLoadOptions {
  readonly delegate: Delegate;
  readonly onProgress?: ProgressCallback;
  readonly signal?: AbortSignal;
}

/**
 * Loads the runtime and a model file (from the app, sha256-checked) in parallel, then builds the task;
 * a task that fails to start becomes a ModelLoadError saying what to try.
 */
export async function createVisionTask<Task>(
  modelFile: string,
  taskName: string,
  options: TaskLoadOptions,
  build: (fileset: WasmFileset, baseOptions: { modelAssetBuffer: Uint8Array; delegate: Delegate }) => Promise<Task>,
): Promise<Task> {
  const [fileset, model] = await Promise.all([
    loadVisionFileset(),
    fetchModel(modelFile, options.onProgress, options.signal),
  ]);
  try {
    return await build(fileset, { modelAssetBuffer: model, delegate: options.delegate });
  } catch (error) {
    throw new ModelLoadError(`The ${taskName} could not start (${String(error)}). Press Retry, or choose the CPU engine.`, {
      cause: error,
    });
  }
}

/** The part of a MediaPipe vision task the adapters drive. */
interface VisionTask<Result> {
  setOptions(options: { runningMode: RunningMode } & Record<string, unknown>): Promise<void>;
  detect(image: Frame['pixels']): Result;
  detectForVideo(image: Frame['pixels'], timestampMs: number): Result;
}

/**
 * Keeps a MediaPipe task in the right running mode: IMAGE for stills (no tracking carried from an
 * unrelated photo), VIDEO for streams. A task's graph needs strictly increasing timestamps for its
 * whole life, across sources and mode switches, so frame times are shifted onto one monotonic clock:
 * after a reset (new source, looping video) the next frame continues from the last timestamp.
 */
export class RunningModeKeeper<Result> {
  private mode: RunningMode = 'IMAGE';
  private lastTimestampMs = -1;
  private offsetMs: number | null = null;

  /** `videoOptions` apply while in VIDEO mode, `imageOptions` in IMAGE mode (the task's start options must match them). */
  constructor(
    private readonly task: VisionTask<Result>,
    private readonly modeOptions: Readonly<Record<RunningMode, Record<string, unknown>>> = { IMAGE: {}, VIDEO: {} },
  ) {}

  /** Runs the task on a frame in the mode the frame needs (the task must start in IMAGE mode). */
  async detect(frame: Frame): Promise<Result> {
    const wanted: RunningMode = frame.kind === 'image' ? 'IMAGE' : 'VIDEO';
    if (wanted !== this.mode) {
      await this.task.setOptions({ runningMode: wanted, ...this.modeOptions[wanted] });
      this.mode = wanted;
    }
    if (wanted === 'IMAGE') return this.task.detect(frame.pixels);
    let timestampMs = Math.round(frame.timestampMs + (this.offsetMs ?? 0));
    if (this.offsetMs === null || timestampMs <= this.lastTimestampMs) {
      // First frame, a new source, or a video that looped or was seeked back: continue the clock.
      this.offsetMs = this.lastTimestampMs + 1 - Math.round(frame.timestampMs);
      timestampMs = this.lastTimestampMs + 1;
    }
    this.lastTimestampMs = timestampMs;
    return this.task.detectForVideo(frame.pixels, timestampMs);
  }

  reset(): void {
    this.offsetMs = null;
  }
}
