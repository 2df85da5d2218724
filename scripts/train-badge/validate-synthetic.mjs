#!/usr/bin/env node
// Scores a badge model on the synthetic validation set (held-out torso sources, the same seeded samples as
// train.mjs makes), with the rule's three-way decision: pass at p >= 0.5, fail at p <= 0.3, else unknown.
// Figures as scripts/eval.mjs counts them: fail (no badge) is the positive class, unknown counts as not fail.
// Lets two models be compared on one set, and a decision be chosen on synthetic data, never on LABELS.tsv.
// --views scores as the app does: the lower peak of the whole crop and its zoomed centre (src/core/badge/badge-views.ts).
//   node scripts/train-badge/validate-synthetic.mjs [--model models/badge] [--samples 600] [--seed 7] [--flip | --views]
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { loadTorsos, makeSample } from './dataset.mjs';
import { scoreSyntheticInput } from './detect-chest.mjs';
import { loadCore, ROOT } from './load-core.mjs';
import { readModelArtifacts } from './model-artifacts.mjs';
import { GRID_SIZE, INPUT_SIZE_PX } from './model.mjs';
import { makeRng } from './rng.mjs';

const { values } = parseArgs({
  options: {
    model: { type: 'string', default: resolve(ROOT, 'models', 'badge') },
    samples: { type: 'string', default: '600' },
    seed: { type: 'string', default: '7' },
    flip: { type: 'boolean', default: false },
    views: { type: 'boolean', default: false },
  },
});

export function threeWay(rows, passMin = 0.5, failMax = 0.3) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let unknown = 0;
  for (const { present, probability } of rows) {
    const status = probability >= passMin ? 'pass' : probability <= failMax ? 'fail' : 'unknown';
    if (status === 'unknown') unknown++;
    if (status === 'fail' && !present) tp++;
    else if (status === 'fail') fp++;
    else if (!present) fn++;
  }
  const precision = tp / Math.max(tp + fp, 1);
  const recall = tp / Math.max(tp + fn, 1);
  return { n: rows.length, tp, fp, fn, precision, recall, f1: (2 * tp) / Math.max(2 * tp + fp + fn, 1), unknownRate: unknown / rows.length };
}

await tf.setBackend('wasm');
const core = await loadCore();
const model = await tf.loadLayersModel(tf.io.fromMemory(readModelArtifacts(resolve(values.model))));
const torsos = await loadTorsos();
const rng = makeRng(Number(values.seed) * 1000 + 1);
const rows = [];
for (let i = 0; i < Number(values.samples); i++) {
  const sample = makeSample(core, torsos.validation, rng);
  const probability = values.views ? scoreSyntheticInput(core, model, sample.input) : tf.tidy(() => {
    const x = tf.tensor4d(sample.input, [1, INPUT_SIZE_PX, INPUT_SIZE_PX, 3]);
    let heat = model.predict(x);
    if (values.flip) heat = tf.div(tf.add(heat, tf.reverse(model.predict(tf.reverse(x, 2)), 2)), 2);
    return Math.max(...heat.dataSync());
  });
  rows.push({ present: sample.present, probability });
}
console.log(JSON.stringify({ model: values.model, flip: values.flip, views: values.views, gridSize: GRID_SIZE, threeWay: threeWay(rows) }));
