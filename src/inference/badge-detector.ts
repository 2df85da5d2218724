import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { decodeBadgeHeatmap } from '../core/badge/badge-heatmap';
import type { BadgeDetection } from '../core/badge/badge-observation';
import { cropToRgb } from '../core/badge/chest-crop';
import { boxWithin, type NormalizedBox } from '../core/badge/normalized-box';
import type { RgbaImage } from '../core/pixels/rgba-image';
import { ModelLoadError, type ProgressCallback } from './detector';

/** The model's files, served by the app itself (setup copies models/badge/* to public/models/badge/). */
export const BADGE_MODEL_DIR = 'models/badge/';
/**
 * The tfjs wasm runtime, served by the app itself: setup copies tfjs-backend-wasm.wasm,
 * tfjs-backend-wasm-simd.wasm and tfjs-backend-wasm-threaded-simd.wasm from
 * node_modules/@tensorflow/tfjs-backend-wasm/dist/ to public/tfjs-wasm/.
 */
export const BADGE_WASM_DIR = 'tfjs-wasm/';
export const BADGE_INPUT_SIZE_PX = 96;
export const BADGE_GRID_SIZE = 12;
/** Heatmap cells at or above this probability (and half the peak) make up the badge box. */
export const BADGE_CELL_THRESHOLD = 0.3;

export type BadgeBackend = 'wasm' | 'cpu';

export interface BadgeDetectorOptions {
  /** Default 'wasm' (single-thread SIMD); falls back to 'cpu' when wasm cannot start. */
  readonly backend?: BadgeBackend;
  readonly onProgress?: ProgressCallback;
  readonly signal?: AbortSignal;
}

const baseUrl = (): string => new URL(import.meta.env.BASE_URL, globalThis.location?.href ?? 'http://localhost/').href;

/** Picks the tfjs backend once: wasm from the app's own files, else the pure-JS cpu backend. */
async function chooseBackend(preferred: BadgeBackend): Promise<BadgeBackend> {
  if (preferred === 'wasm') {
    try {
      tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
      setWasmPaths(`${baseUrl()}${BADGE_WASM_DIR}`);
      if (await tf.setBackend('wasm')) {
        await tf.ready();
        return 'wasm';
      }
    } catch {
      // fall through to cpu
    }
  }
  await tf.setBackend('cpu');
  await tf.ready();
  return 'cpu';
}

async function fetchBytes(url: string, label: string, onProgress?: ProgressCallback, signal?: AbortSignal): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetch(url, { signal });
  } catch (error) {
    throw new ModelLoadError(`Could not load ${label}: the app's server did not answer. Check it is running, then press Retry.`, { cause: error });
  }
  if (!response.ok) {
    throw new ModelLoadError(`${label} is missing on the server (HTTP ${response.status}). Run "npm run setup" in the project folder, then press Retry.`);
  }
  const bytes = new Uint8Array(await response.arrayBuffer());
  onProgress?.({ loadedBytes: bytes.byteLength, totalBytes: bytes.byteLength, label });
  return bytes;
}

/**
 * Adapter: the project's badge heatmap model (tfjs layers model, models/badge/) -> `BadgeDetection`.
 * It looks at one chest crop (from `chestRegion`), not at the whole frame, so its `detect` takes the image and
 * the chest box rather than a Frame. Tensors stop here: each call disposes all it made.
 */
export class BadgeDetector {
  readonly name = 'badge-heatmap';

  private constructor(
    private readonly model: tf.LayersModel,
    readonly backend: BadgeBackend,
  ) {}

  static async create(options: BadgeDetectorOptions = {}): Promise<BadgeDetector> {
    const backend = await chooseBackend(options.backend ?? 'wasm');
    const root = `${baseUrl()}${BADGE_MODEL_DIR}`;
    const jsonBytes = await fetchBytes(`${root}model.json`, 'badge model.json', options.onProgress, options.signal);
    let modelJson: tf.io.ModelJSON;
    try {
      modelJson = JSON.parse(new TextDecoder().decode(jsonBytes)) as tf.io.ModelJSON;
    } catch (error) {
      throw new ModelLoadError('The badge model.json is damaged. Run "npm run setup", then press Retry.', { cause: error });
    }
    const manifest = modelJson.weightsManifest[0];
    if (!manifest) throw new ModelLoadError('The badge model.json lists no weights. Run "npm run setup", then press Retry.');
    const weights = await fetchBytes(`${root}${manifest.paths[0]}`, 'badge weights', options.onProgress, options.signal);
    try {
      const model = await tf.loadLayersModel(
        tf.io.fromMemory({
          modelTopology: modelJson.modelTopology,
          weightSpecs: manifest.weights,
          weightData: weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength) as ArrayBuffer,
        }),
      );
      return BadgeDetector.fromModel(model, backend);
    } catch (error) {
      throw new ModelLoadError(`The badge model could not start (${String(error)}). Run "npm run setup", then press Retry.`, { cause: error });
    }
  }

  /** Wraps an already loaded model (tests, Node scripts). Checks its input and output shapes. */
  static fromModel(model: tf.LayersModel, backend: BadgeBackend): BadgeDetector {
    const input = model.inputs[0]?.shape;
    const output = model.outputs[0]?.shape;
    const expectedIn = [null, BADGE_INPUT_SIZE_PX, BADGE_INPUT_SIZE_PX, 3];
    const expectedOut = [null, BADGE_GRID_SIZE, BADGE_GRID_SIZE, 1];
    if (JSON.stringify(input) !== JSON.stringify(expectedIn) || JSON.stringify(output) !== JSON.stringify(expectedOut)) {
      throw new ModelLoadError(`The badge model has input ${JSON.stringify(input)} and output ${JSON.stringify(output)}, expected ${JSON.stringify(expectedIn)} -> ${JSON.stringify(expectedOut)}.`);
    }
    return new BadgeDetector(model, backend);
  }

  /** Scores the chest crop `chestBox` (normalized image coordinates) of `image`. */
  detect(image: RgbaImage, chestBox: NormalizedBox): BadgeDetection {
    const pixels = cropToRgb(image, chestBox, BADGE_INPUT_SIZE_PX);
    const heatmap = tf.tidy(() => {
      const input = tf.tensor4d(pixels, [1, BADGE_INPUT_SIZE_PX, BADGE_INPUT_SIZE_PX, 3]);
      const output = this.model.predict(input) as tf.Tensor;
      return output.dataSync() as Float32Array;
    });
    const decoded = decodeBadgeHeatmap(heatmap, BADGE_GRID_SIZE, BADGE_CELL_THRESHOLD);
    return {
      probability: decoded.maxProbability,
      box: decoded.box ? boxWithin(decoded.box, chestBox) : null,
      heatmapMaxProbability: decoded.maxProbability,
    };
  }

  /** No tracking state: each frame stands alone. */
  reset(): void {}

  dispose(): void {
    this.model.dispose();
  }
}
