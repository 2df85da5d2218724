import { decodeBadgeHeatmap } from '../core/badge/badge-heatmap';
import type { BadgeDetection } from '../core/badge/badge-observation';
import { cropToRgb } from '../core/badge/chest-crop';
import { boxWithin, type NormalizedBox } from '../core/badge/normalized-box';
import type { RgbaImage } from '../core/pixels/rgba-image';
import { combineProgress } from '../pipeline/progress';
import { ModelLoadError, type ProgressCallback } from './detector';
import { fetchModel } from './model-files';
import { prepareTfjs, tf } from './tfjs-runtime';

/** The project's own model files (models/badge/, copied to public/models/badge/ by setup, sha256 in models/manifest.json). */
const MODEL_JSON = 'badge/model.json';
const MODEL_WEIGHTS = 'badge/weights.bin';
export const BADGE_INPUT_SIZE_PX = 96;
export const BADGE_GRID_SIZE = 12;
/** Heatmap cells at or above this probability (and half the peak) make up the badge box. */
export const BADGE_CELL_THRESHOLD = 0.3;

export type BadgeBackend = 'wasm' | 'cpu';

export interface BadgeDetectorOptions {
  readonly onProgress?: ProgressCallback;
  readonly signal?: AbortSignal;
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
    const [jsonProgress, weightsProgress] = combineProgress(2, options.onProgress);
    const [backend, jsonBytes, weights] = await Promise.all([
      prepareTfjs(),
      fetchModel(MODEL_JSON, jsonProgress, options.signal),
      fetchModel(MODEL_WEIGHTS, weightsProgress, options.signal),
    ]);
    let modelJson: tf.io.ModelJSON;
    try {
      modelJson = JSON.parse(new TextDecoder().decode(jsonBytes)) as tf.io.ModelJSON;
    } catch (error) {
      throw new ModelLoadError('The badge model.json is damaged. Run "npm run setup", then press Retry.', { cause: error });
    }
    const manifest = modelJson.weightsManifest[0];
    if (!manifest) throw new ModelLoadError('The badge model.json lists no weights. Run "npm run setup", then press Retry.');
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
      if (error instanceof ModelLoadError) throw error;
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
