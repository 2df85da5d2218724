// The app's badge detection (src/inference/badge-detector.ts + frame-analyzer's hand cells) in Node, for the
// evaluation scripts: the chest box and its zoomed centre cropped from the image, one batch, hand cells not
// counted, the views combined by the app's own core code.
import * as tf from '@tensorflow/tfjs';
import { GRID_SIZE, INPUT_SIZE_PX } from './model.mjs';

const S = INPUT_SIZE_PX;

/**
 * BadgeDetection for `chestBox` of `image`; `landmarks` (or null) give the hand cells; `views: false` = the whole
 * box only. The zoomed view is resampled from the 96 px crop (as the app does, and as synthetic samples must be).
 */
export function detectChest(core, model, image, chestBox, landmarks, shoulderWidthPx, { views = true } = {}) {
  const boxes = views ? core.badgeViewBoxes(chestBox) : [chestBox];
  const heat = tf.tidy(() => model.predict(viewBatch(core, core.cropToRgb(image, chestBox, S), views)).dataSync());
  const cells = GRID_SIZE * GRID_SIZE;
  return core.combineBadgeViews(
    boxes.map((box, i) => ({
      box,
      heatmap: heat.subarray(i * cells, (i + 1) * cells),
      excludedCells: core.handCells(landmarks, image, box, GRID_SIZE, shoulderWidthPx),
    })),
    GRID_SIZE,
    0.3,
  );
}

/** [1 or 2, 96, 96, 3]: the crop, and with `views` its zoomed centre resampled to the same size. */
function viewBatch(core, pixels, views) {
  const x = tf.tensor4d(pixels, [1, S, S, 3]);
  if (!views) return x;
  const [, z] = core.badgeViewBoxes({ x: 0, y: 0, width: 1, height: 1 });
  return tf.concat([x, tf.image.cropAndResize(x, [[z.y, z.x, z.y + z.height, z.x + z.width]], [0], [S, S])]);
}

/** Presence on a ready 96 x 96 synthetic input: with `views`, the lower peak of the input and its zoomed centre. */
export function scoreSyntheticInput(core, model, input, { views = true } = {}) {
  return tf.tidy(() => {
    const heat = model.predict(viewBatch(core, input, views));
    return Math.min(...heat.max([1, 2, 3]).dataSync());
  });
}
