import type { BadgeDetection } from '../core/badge/badge-observation';
import { badgeViewBoxes, combineBadgeViews } from '../core/badge/badge-views';
import { cropToRgb } from '../core/badge/chest-crop';
import type { NormalizedBox } from '../core/badge/normalized-box';
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

  /**
   * Scores the chest box `chestBox` (normalized image coordinates) of `image` in two views (`badgeViewBoxes`),
   * one batch: the 96 px crop, and its centre resampled from that crop to 96 px (as the synthetic validation
   * made it; a sharper crop from the image did less: false passes on real badge-free chests 44% -> 38%, not 25%).
   * `combineBadgeViews` joins them. `excludedCellsFor(box)` (e.g. `handCells`: a seen hand) marks each view's
   * heatmap cells that are not counted.
   */
  detect(image: RgbaImage, chestBox: NormalizedBox, excludedCellsFor?: (viewBox: NormalizedBox) => Uint8Array): BadgeDetection {
    const boxes = badgeViewBoxes(chestBox);
    const [, zoomed] = badgeViewBoxes({ x: 0, y: 0, width: 1, height: 1 });
    const pixels = cropToRgb(image, chestBox, BADGE_INPUT_SIZE_PX);
    const heatmaps = tf.tidy(() => {
      const crop = tf.tensor4d(pixels, [1, BADGE_INPUT_SIZE_PX, BADGE_INPUT_SIZE_PX, 3]);
      const zoomBox = [[zoomed!.y, zoomed!.x, zoomed!.y + zoomed!.height, zoomed!.x + zoomed!.width]];
      const batch = tf.concat([crop, tf.image.cropAndResize(crop, zoomBox, [0], [BADGE_INPUT_SIZE_PX, BADGE_INPUT_SIZE_PX])]);
      const output = this.model.predict(batch) as tf.Tensor;
      return output.dataSync() as Float32Array;
    });
    const cells = BADGE_GRID_SIZE * BADGE_GRID_SIZE;
    const views = boxes.map((box, i) => ({
      box,
      heatmap: heatmaps.subarray(i * cells, (i + 1) * cells),
      ...(excludedCellsFor ? { excludedCells: excludedCellsFor(box) } : {}),
    }));
    return combineBadgeViews(views, BADGE_GRID_SIZE, BADGE_CELL_THRESHOLD);
  }

  /** No tracking state: each frame stands alone. */
  reset(): void {}

  dispose(): void {
    this.model.dispose();
  }
}
