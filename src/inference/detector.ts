import type { Frame } from '../capture/frame';

export type Delegate = 'CPU' | 'GPU';

/** Bytes loaded so far of all the files a load needs; `totalBytes` is 0 while unknown. */
export interface LoadProgress {
  readonly loadedBytes: number;
  readonly totalBytes: number;
  readonly label: string;
}

export type ProgressCallback = (progress: LoadProgress) => void;

/**
 * One model behind the shape every adapter shares. `detect` hands back app types only:
 * vendor results stop inside the adapter.
 */
export interface Detector<Result> {
  readonly name: string;
  detect(frame: Frame): Promise<Result>;
  /** Forgets tracking state, e.g. when the source changes. */
  reset(): void;
  dispose(): void;
}

/** Thrown when a model cannot be loaded, with what to do about it. */
export class ModelLoadError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ModelLoadError';
  }
}
