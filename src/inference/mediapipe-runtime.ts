import { FilesetResolver } from '@mediapipe/tasks-vision';
import type { Frame } from '../capture/frame';
import { assetUrl } from './model-files';
import { ModelLoadError } from './detector';

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

/** The part of a MediaPipe vision task the adapters drive. */
interface VisionTask<Result> {
  setOptions(options: { runningMode: RunningMode }): Promise<void>;
  detect(image: Frame['pixels']): Result;
  detectForVideo(image: Frame['pixels'], timestampMs: number): Result;
}

/**
 * Keeps a MediaPipe task in the right running mode: IMAGE for stills (no tracking carried from an
 * unrelated photo), VIDEO for streams, with strictly increasing timestamps even when a video loops.
 */
export class RunningModeKeeper<Result> {
  private mode: RunningMode = 'IMAGE';
  private lastTimestampMs = -1;

  constructor(private readonly task: VisionTask<Result>) {}

  /** Runs the task on a frame in the mode the frame needs (the task must start in IMAGE mode). */
  async detect(frame: Frame): Promise<Result> {
    const wanted: RunningMode = frame.kind === 'image' ? 'IMAGE' : 'VIDEO';
    if (wanted !== this.mode) {
      await this.task.setOptions({ runningMode: wanted });
      this.mode = wanted;
      this.lastTimestampMs = -1;
    }
    if (wanted === 'IMAGE') return this.task.detect(frame.pixels);
    this.lastTimestampMs = Math.max(Math.round(frame.timestampMs), this.lastTimestampMs + 1);
    return this.task.detectForVideo(frame.pixels, this.lastTimestampMs);
  }

  reset(): void {
    this.lastTimestampMs = -1;
  }
}
