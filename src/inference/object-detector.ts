import type { Frame } from '../capture/frame';
import { type NormalizedBox, nonMaxSuppression } from '../core/geometry/box';
import { COCO_LABELS, type CocoLabel } from './coco-labels';
import type { Detector, ProgressCallback } from './detector';
import { ModelLoadError } from './detector';
import { fetchModel } from './model-files';
import { combineProgress } from '../pipeline/progress';
import { loadGraphModel, prepareTfjs, tf } from './tfjs-runtime';

const MODEL_JSON = 'centernet/centernet.json';
const MODEL_WEIGHTS = 'centernet/centernet.bin';
const INPUT_SIZE_PX = 512;
/** Columns of the model's `detections` output: x1, y1, x2, y2 (input pixels), score, class index. */
const DETECTION_COLUMNS = 6;
/** Boxes below this are dropped here; each rule then applies its own minimum (phones 0.25, people 0.3, cups 0.35, bags 0.4). */
const DEFAULT_MIN_SCORE = 0.2;
const NMS_IOU_MAX = 0.5;

export interface DetectedObject {
  readonly label: CocoLabel;
  readonly score: number;
  readonly box: NormalizedBox;
}

export interface ObjectDetectorOptions {
  readonly minScore?: number;
  readonly onProgress?: ProgressCallback;
  readonly signal?: AbortSignal;
}

/** Adapter: the COCO CenterNet tfjs graph model (from @vladmandic/human) -> labelled boxes. */
export class ObjectDetectorAdapter implements Detector<DetectedObject[]> {
  readonly name = 'objects-centernet';

  private constructor(
    private readonly model: tf.GraphModel,
    private readonly minScore: number,
  ) {}

  static async create(options: ObjectDetectorOptions = {}): Promise<ObjectDetectorAdapter> {
    const [jsonProgress, weightsProgress] = combineProgress(2, options.onProgress);
    const [, json, weights] = await Promise.all([
      prepareTfjs(),
      fetchModel(MODEL_JSON, jsonProgress, options.signal),
      fetchModel(MODEL_WEIGHTS, weightsProgress, options.signal),
    ]);
    try {
      return new ObjectDetectorAdapter(await loadGraphModel(json, weights), options.minScore ?? DEFAULT_MIN_SCORE);
    } catch (error) {
      throw new ModelLoadError(`The object detector could not start (${String(error)}). Press Retry.`, { cause: error });
    }
  }

  async detect(frame: Frame): Promise<DetectedObject[]> {
    const output = tf.tidy(() => {
      const pixels = tf.browser.fromPixels(frame.pixels);
      const input = tf.image.resizeBilinear(pixels, [INPUT_SIZE_PX, INPUT_SIZE_PX]).expandDims(0);
      return this.model.execute(input, 'tower_0/detections') as tf.Tensor;
    });
    const rows = (await output.data()) as Float32Array;
    output.dispose();
    const found: DetectedObject[] = [];
    for (let offset = 0; offset + DETECTION_COLUMNS <= rows.length; offset += DETECTION_COLUMNS) {
      const [x1, y1, x2, y2, score, classIndex] = rows.subarray(offset, offset + DETECTION_COLUMNS) as unknown as number[];
      const label = COCO_LABELS[classIndex!];
      if (!label || !(score! >= this.minScore)) continue;
      const x = Math.max(0, x1! / INPUT_SIZE_PX);
      const y = Math.max(0, y1! / INPUT_SIZE_PX);
      const box = { x, y, width: Math.min(1, x2! / INPUT_SIZE_PX) - x, height: Math.min(1, y2! / INPUT_SIZE_PX) - y };
      if (box.width > 0 && box.height > 0) found.push({ label, score: score!, box });
    }
    const byLabel = new Map<CocoLabel, DetectedObject[]>();
    for (const object of found) byLabel.set(object.label, [...(byLabel.get(object.label) ?? []), object]);
    return [...byLabel.values()].flatMap((objects) => nonMaxSuppression(objects, NMS_IOU_MAX));
  }

  reset(): void {}

  dispose(): void {
    this.model.dispose();
  }
}
