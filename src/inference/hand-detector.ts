import type { Frame } from '../capture/frame';
import { type NormalizedBox, nonMaxSuppression } from '../core/geometry/box';
import type { HandDetection, NormalizedLandmark } from '../core/types';
import { HAND_LANDMARK_COUNT } from '../core/conduct/hand-cover';
import { combineProgress } from '../pipeline/progress';
import type { Detector, ProgressCallback } from './detector';
import { ModelLoadError } from './detector';
import { fetchModel } from './model-files';
import { loadGraphModel, prepareTfjs, tf } from './tfjs-runtime';

const DETECTOR_JSON = 'handtrack/handtrack.json';
const DETECTOR_WEIGHTS = 'handtrack/handtrack.bin';
const LANDMARK_JSON = 'handtrack/handlandmark-lite.json';
const LANDMARK_WEIGHTS = 'handtrack/handlandmark-lite.bin';
/** The box detector's input side: the search region is scaled to it (256 costs 0.64 of the model's nominal 320). */
const DETECTOR_INPUT_PX = 256;
const LANDMARK_INPUT_PX = 224;
/** The detector's class scores and boxes before its own (dynamic, slow) post-processing, as @vladmandic/human reads them. */
const DETECTOR_OUTPUTS = ['StatefulPartitionedCall/Postprocessor/Slice', 'StatefulPartitionedCall/Postprocessor/ExpandDims_1'];
/** Class columns: hand, fist, pinch, point, face, tip, pinchtip; the face class is not a hand. */
const DETECTOR_CLASSES = 7;
const FACE_CLASS = 4;
const BOX_SCORE_MIN = 0.3;
const NMS_IOU_MAX = 0.3;
const MAX_HANDS = 2;
/** The landmark model sees a square this many times the box's longer side, as @vladmandic/human crops it. */
const LANDMARK_CROP_SCALE = 1.6;

/** A hand box normalized to the frame, with its best non-face class score. */
interface Box {
  readonly box: NormalizedBox;
  readonly score: number;
}

export interface HandDetectorOptions {
  readonly onProgress?: ProgressCallback;
  readonly signal?: AbortSignal;
}

/**
 * Adapter: HandTrack (hand boxes) then the MediaPipe hand landmark lite model on each box, both tfjs graph
 * models shipped by @vladmandic/human -> up to two hands of 21 normalized landmarks. `detect` looks only
 * inside `region` (the face and around it, for conduct.no_grooming_in_public), which keeps it cheap.
 */
export class HandDetectorAdapter implements Detector<HandDetection[]> {
  readonly name = 'hands-handtrack';

  private constructor(
    private readonly boxes: tf.GraphModel,
    private readonly landmarks: tf.GraphModel,
  ) {}

  static async create(options: HandDetectorOptions = {}): Promise<HandDetectorAdapter> {
    const progress = combineProgress(4, options.onProgress);
    const [, boxJson, boxWeights, landmarkJson, landmarkWeights] = await Promise.all([
      prepareTfjs(),
      fetchModel(DETECTOR_JSON, progress[0], options.signal),
      fetchModel(DETECTOR_WEIGHTS, progress[1], options.signal),
      fetchModel(LANDMARK_JSON, progress[2], options.signal),
      fetchModel(LANDMARK_WEIGHTS, progress[3], options.signal),
    ]);
    try {
      return new HandDetectorAdapter(await loadGraphModel(boxJson, boxWeights), await loadGraphModel(landmarkJson, landmarkWeights));
    } catch (error) {
      throw new ModelLoadError(`The hand detector could not start (${String(error)}). Press Retry.`, { cause: error });
    }
  }

  /** Hands inside `region` (normalized to the frame; default the whole frame), with their landmarks in frame coordinates. */
  async detect(frame: Frame, region: NormalizedBox = { x: 0, y: 0, width: 1, height: 1 }): Promise<HandDetection[]> {
    const image = tf.tidy(() => tf.browser.fromPixels(frame.pixels).toFloat().expandDims(0) as tf.Tensor4D);
    try {
      const found = await this.findBoxes(image, region);
      const hands: HandDetection[] = [];
      for (const box of found) {
        const hand = await this.handLandmarks(image, frame, box);
        if (hand) hands.push(hand);
      }
      return hands;
    } finally {
      image.dispose();
    }
  }

  private async findBoxes(image: tf.Tensor4D, region: NormalizedBox): Promise<Box[]> {
    const crop = [region.y, region.x, region.y + region.height, region.x + region.width];
    const input = tf.tidy(() => tf.image.cropAndResize(image, [crop], [0], [DETECTOR_INPUT_PX, DETECTOR_INPUT_PX]).toInt());
    let outputs: tf.Tensor[] = [];
    try {
      outputs = (await this.boxes.executeAsync(input, DETECTOR_OUTPUTS)) as tf.Tensor[];
      const [scoresTensor, boxesTensor] = outputs;
      if (!scoresTensor || !boxesTensor || scoresTensor.shape.at(-1) !== DETECTOR_CLASSES || boxesTensor.shape.at(-1) !== 4) {
        throw new Error(`unexpected hand detector output shapes ${outputs.map((t) => JSON.stringify(t.shape)).join(', ')}`);
      }
      const scores = (await scoresTensor.data()) as Float32Array;
      const corners = (await boxesTensor.data()) as Float32Array;
      const candidates: Box[] = [];
      for (let index = 0; index * DETECTOR_CLASSES < scores.length; index += 1) {
        let score = 0;
        for (let c = 0; c < DETECTOR_CLASSES; c += 1) if (c !== FACE_CLASS) score = Math.max(score, scores[index * DETECTOR_CLASSES + c]!);
        if (!(score >= BOX_SCORE_MIN)) continue;
        const [y1, x1, y2, x2] = corners.subarray(index * 4, index * 4 + 4) as unknown as number[];
        // corners are normalized to the crop: back to the frame
        const box = {
          x: region.x + x1! * region.width,
          y: region.y + y1! * region.height,
          width: (x2! - x1!) * region.width,
          height: (y2! - y1!) * region.height,
        };
        if (box.width > 0 && box.height > 0) candidates.push({ box, score });
      }
      return nonMaxSuppression(candidates, NMS_IOU_MAX).slice(0, MAX_HANDS);
    } finally {
      input.dispose();
      tf.dispose(outputs);
    }
  }

  private async handLandmarks(image: tf.Tensor4D, frame: Frame, { box }: Box): Promise<HandDetection | null> {
    // a square crop in pixels around the box, LANDMARK_CROP_SCALE times its longer side
    const centreX = (box.x + box.width / 2) * frame.widthPx;
    const centreY = (box.y + box.height / 2) * frame.heightPx;
    const sidePx = Math.max(box.width * frame.widthPx, box.height * frame.heightPx) * LANDMARK_CROP_SCALE;
    const leftPx = centreX - sidePx / 2;
    const topPx = centreY - sidePx / 2;
    const crop = [topPx / frame.heightPx, leftPx / frame.widthPx, (topPx + sidePx) / frame.heightPx, (leftPx + sidePx) / frame.widthPx];
    const [scoreTensor, pointsTensor] = tf.tidy(() => {
      const input = tf.image.cropAndResize(image, [crop], [0], [LANDMARK_INPUT_PX, LANDMARK_INPUT_PX]).div(255);
      return this.landmarks.execute(input, ['Identity_1', 'Identity']) as tf.Tensor[];
    });
    try {
      // the graph's presence output ends in a Sigmoid: it is the probability itself (a second sigmoid, as
      // @vladmandic/human applies, squeezes every hand into 0.5..0.73)
      const score = (await scoreTensor!.data())[0]!;
      const points = (await pointsTensor!.data()) as Float32Array;
      if (points.length !== HAND_LANDMARK_COUNT * 3 || !Number.isFinite(score)) return null;
      const landmarks: NormalizedLandmark[] = [];
      for (let i = 0; i < HAND_LANDMARK_COUNT; i += 1) {
        landmarks.push({
          x: (leftPx + (points[i * 3]! / LANDMARK_INPUT_PX) * sidePx) / frame.widthPx,
          y: (topPx + (points[i * 3 + 1]! / LANDMARK_INPUT_PX) * sidePx) / frame.heightPx,
          z: points[i * 3 + 2]! / LANDMARK_INPUT_PX,
        });
      }
      return { score, landmarks };
    } finally {
      tf.dispose([scoreTensor!, pointsTensor!]);
    }
  }

  reset(): void {}

  dispose(): void {
    this.boxes.dispose();
    this.landmarks.dispose();
  }
}
