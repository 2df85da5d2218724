// The badge heatmap network: a small fully-convolutional net, chest crop 96x96 RGB (0..1) in, a 12x12 grid
// of "badge here" probabilities out. Trained with explicit variables and hand-written convolution gradients
// (the wasm backend has no Conv2DBackpropFilter, and the pure-JS backend is ~100x slower), then copied into
// an equivalent tf.layers model for saving, so the app loads it with tf.loadLayersModel.
import * as tf from '@tensorflow/tfjs';

export const INPUT_SIZE_PX = 96;
export const GRID_SIZE = 12;

/** Convolutions 3x3 'same' + ReLU; `pool` = a 2x2 max-pool after it. The head is a 1x1 convolution. */
export const LAYERS = [
  { filters: 16, stride: 2, pool: false },
  { filters: 16, stride: 1, pool: true },
  { filters: 32, stride: 1, pool: true },
  { filters: 48, stride: 1, pool: false },
  { filters: 48, stride: 1, pool: false },
];

const patchKernels = new Map();

/** One-hot depthwise kernel that copies each k x k patch into k*k channels (im2col by convolution). */
function patchKernel(k, channels) {
  const key = `${k}:${channels}`;
  if (!patchKernels.has(key)) {
    const data = new Float32Array(k * k * channels * k * k);
    for (let i = 0; i < k * k; i++) for (let c = 0; c < channels; c++) data[(i * channels + c) * k * k + i] = 1;
    patchKernels.set(key, tf.keep(tf.tensor4d(data, [k, k, channels, k * k])));
  }
  return patchKernels.get(key);
}

/** conv2d 'same' with gradients made of ops the wasm backend has. dx is computed for stride 1 only. */
export function conv(x, w, stride, needInputGrad) {
  const op = tf.customGrad((x, w, save) => {
    save([x, w]);
    return {
      value: tf.conv2d(x, w, stride, 'same'),
      gradFunc: (dy, [xs, ws]) => {
        const [kh, kw, ci, co] = ws.shape;
        const patches = tf.depthwiseConv2d(xs, patchKernel(kh, ci), stride, 'same');
        const dw = tf
          .matMul(patches.reshape([-1, ci * kh * kw]), dy.reshape([-1, co]), true, false)
          .reshape([ci, kh, kw, co])
          .transpose([1, 2, 0, 3]);
        if (!needInputGrad) return [tf.zerosLike(xs), dw];
        if (stride !== 1) throw new Error('input gradient implemented for stride 1 only');
        return [tf.conv2d(dy, tf.reverse(ws, [0, 1]).transpose([0, 1, 3, 2]), 1, 'same'), dw];
      },
    };
  });
  return op(x, w);
}

export function createWeights(seed) {
  let inChannels = 3;
  const weights = [];
  LAYERS.forEach((layer, i) => {
    const std = Math.sqrt(2 / (9 * inChannels));
    weights.push({
      kernel: tf.variable(tf.randomNormal([3, 3, inChannels, layer.filters], 0, std, 'float32', seed + i)),
      bias: tf.variable(tf.zeros([layer.filters])),
    });
    inChannels = layer.filters;
  });
  weights.push({
    kernel: tf.variable(tf.randomNormal([1, 1, inChannels, 1], 0, 0.05, 'float32', seed + 99)),
    bias: tf.variable(tf.fill([1], -3)),
  });
  return weights;
}

/** Logits [batch, GRID, GRID, 1]. */
export function forward(weights, x) {
  let h = x;
  LAYERS.forEach((layer, i) => {
    h = tf.relu(tf.add(conv(h, weights[i].kernel, layer.stride, i > 0), weights[i].bias));
    if (layer.pool) h = tf.maxPool(h, 2, 2, 'same');
  });
  const head = weights[LAYERS.length];
  return tf.add(conv(h, head.kernel, 1, true), head.bias);
}

/** The same network as a tf.layers model (sigmoid output), holding copies of the trained weights. */
export function toLayersModel(weights) {
  const input = tf.input({ shape: [INPUT_SIZE_PX, INPUT_SIZE_PX, 3], name: 'chest_rgb' });
  let h = input;
  LAYERS.forEach((layer, i) => {
    h = tf.layers
      .conv2d({ filters: layer.filters, kernelSize: 3, strides: layer.stride, padding: 'same', activation: 'relu', name: `conv${i + 1}` })
      .apply(h);
    if (layer.pool) h = tf.layers.maxPooling2d({ poolSize: 2, strides: 2, padding: 'same', name: `pool${i + 1}` }).apply(h);
  });
  const out = tf.layers.conv2d({ filters: 1, kernelSize: 1, activation: 'sigmoid', name: 'badge_heatmap' }).apply(h);
  const model = tf.model({ inputs: input, outputs: out, name: 'badge_heatmap' });
  model.setWeights(weights.flatMap((w) => [w.kernel, w.bias]));
  return model;
}

/** Saves a layers model as model.json + weights.bin into dir (a custom tf.io save handler). */
export async function saveModel(model, dir, writeFile) {
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      const weightData = tf.io.CompositeArrayBuffer.join(artifacts.weightData);
      const json = {
        format: 'layers-model',
        generatedBy: `TensorFlow.js tfjs-layers v${tf.version.tfjs}`,
        convertedBy: 'scripts/train-badge/train.mjs',
        modelTopology: artifacts.modelTopology,
        weightsManifest: [{ paths: ['weights.bin'], weights: artifacts.weightSpecs }],
      };
      await writeFile(`${dir}/model.json`, `${JSON.stringify(json)}\n`);
      await writeFile(`${dir}/weights.bin`, Buffer.from(weightData));
      return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
    }),
  );
}
