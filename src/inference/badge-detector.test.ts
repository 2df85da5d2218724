import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readModelArtifacts } from '../../scripts/train-badge/model-artifacts.mjs';
import { BADGE_GRID_SIZE, BADGE_INPUT_SIZE_PX, BadgeDetector } from './badge-detector';

const loadCommittedModel = (): Promise<tf.LayersModel> => tf.loadLayersModel(tf.io.fromMemory(readModelArtifacts()));

/** A grey 320 x 240 frame with a white card at (200..230, 110..150). */
function frameWithCard() {
  const widthPx = 320;
  const heightPx = 240;
  const data = new Uint8ClampedArray(widthPx * heightPx * 4).fill(60);
  for (let y = 110; y < 150; y++) for (let x = 200; x < 230; x++) data.fill(245, (y * widthPx + x) * 4, (y * widthPx + x) * 4 + 3);
  return { data, widthPx, heightPx };
}

describe('BadgeDetector', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('answers app types from the committed model and leaves no tensors behind', async () => {
    const detector = BadgeDetector.fromModel(await loadCommittedModel(), 'cpu');
    const chestBox = { x: 0.3, y: 0.35, width: 0.45, height: 0.5 };
    detector.detect(frameWithCard(), chestBox); // warm-up
    const before = tf.memory().numTensors;
    const result = detector.detect(frameWithCard(), chestBox);
    expect(tf.memory().numTensors).toBe(before);
    expect(result.probability).toBeGreaterThanOrEqual(0);
    expect(result.probability).toBeLessThanOrEqual(1);
    expect(result.heatmapMaxProbability).toBe(result.probability);
    if (result.box) {
      expect(result.box.x).toBeGreaterThanOrEqual(chestBox.x - 1e-9);
      expect(result.box.x + result.box.width).toBeLessThanOrEqual(chestBox.x + chestBox.width + 1e-9);
    }
    detector.dispose();
  });

  it('refuses a model of the wrong shape', () => {
    const model = tf.sequential({
      layers: [tf.layers.conv2d({ inputShape: [BADGE_INPUT_SIZE_PX, BADGE_INPUT_SIZE_PX, 3], filters: 1, kernelSize: 4, strides: 4 })],
    });
    expect(() => BadgeDetector.fromModel(model, 'cpu')).toThrow(/expected/);
    model.dispose();
    expect(BADGE_GRID_SIZE).toBe(12);
  });
});
