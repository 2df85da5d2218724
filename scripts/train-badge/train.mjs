#!/usr/bin/env node
// Trains the badge heatmap model on synthetic composites and writes models/badge/{model.json, weights.bin,
// training-report.json}. Deterministic for a given --seed.
//   node scripts/train-badge/train.mjs [--epochs 8] [--samples 4000] [--out models/badge] [--seed 7]
//   node scripts/train-badge/train.mjs --smoke --out /tmp/x   (a handful of samples, one epoch: a test)
//   node scripts/train-badge/train.mjs --init models/badge --train-seed 8 --lr 0.001 ...   (fine-tune a saved model on fresh samples)
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { loadTorsos, makeSample } from './dataset.mjs';
import { loadCore, ROOT } from './load-core.mjs';
import { GRID_SIZE, INPUT_SIZE_PX, createWeights, forward, saveModel, toLayersModel } from './model.mjs';
import { readModelArtifacts } from './model-artifacts.mjs';
import { makeRng } from './rng.mjs';

const { values } = parseArgs({
  options: {
    smoke: { type: 'boolean', default: false },
    epochs: { type: 'string', default: '8' },
    samples: { type: 'string', default: '4000' },
    validation: { type: 'string', default: '800' },
    batch: { type: 'string', default: '32' },
    out: { type: 'string', default: join(ROOT, 'models', 'badge') },
    seed: { type: 'string', default: '7' },
    lr: { type: 'string', default: '0.003' },
    /** Start from this saved model's weights instead of random ones (fine-tuning). */
    init: { type: 'string' },
    /** Seed of the training samples; default --seed. The validation set always follows --seed. */
    'train-seed': { type: 'string' },
  },
});
const smoke = values.smoke;
const epochs = smoke ? 1 : Number(values.epochs);
const samplesPerEpoch = smoke ? 16 : Number(values.samples);
const validationCount = smoke ? 8 : Number(values.validation);
const batchSize = smoke ? 8 : Number(values.batch);
const seed = Number(values.seed);
const trainSeed = values['train-seed'] === undefined ? seed : Number(values['train-seed']);
const outDir = resolve(values.out);

const log = (...args) => console.log(`[train-badge ${new Date().toISOString().slice(11, 19)}]`, ...args);

function batchTensors(samples) {
  const n = samples.length;
  const x = new Float32Array(n * INPUT_SIZE_PX * INPUT_SIZE_PX * 3);
  const y = new Float32Array(n * GRID_SIZE * GRID_SIZE);
  const present = new Float32Array(n);
  samples.forEach((s, i) => {
    x.set(s.input, i * s.input.length);
    y.set(s.heatmap, i * s.heatmap.length);
    present[i] = s.present;
  });
  return {
    x: tf.tensor4d(x, [n, INPUT_SIZE_PX, INPUT_SIZE_PX, 3]),
    y: tf.tensor4d(y, [n, GRID_SIZE, GRID_SIZE, 1]),
    present: tf.tensor1d(present),
  };
}

/** Per-cell cross-entropy, weighted toward badge cells, plus image-level cross-entropy on the best cell. */
function loss(logits, y, present) {
  const cellWeights = tf.add(1, tf.mul(4, y));
  const perCell = tf.losses.sigmoidCrossEntropy(y, logits, undefined, 0, tf.Reduction.NONE);
  const cell = tf.div(tf.sum(tf.mul(perCell, cellWeights)), tf.sum(cellWeights));
  const best = tf.max(logits, [1, 2, 3]);
  const image = tf.losses.sigmoidCrossEntropy(present, best);
  return tf.add(cell, tf.mul(0.5, image));
}

function evaluate(weights, set) {
  let totalLoss = 0;
  const rows = [];
  for (let i = 0; i < set.length; i += 64) {
    const part = set.slice(i, i + 64);
    const { x, y, present } = batchTensors(part);
    const [cost, prob] = tf.tidy(() => {
      const logits = forward(weights, x);
      return [loss(logits, y, present).dataSync()[0], tf.sigmoid(logits).dataSync()];
    });
    totalLoss += cost * part.length;
    part.forEach((s, j) => {
      const heat = prob.subarray(j * GRID_SIZE * GRID_SIZE, (j + 1) * GRID_SIZE * GRID_SIZE);
      rows.push({ present: s.present, probability: Math.max(...heat), heat, target: s.heatmap });
    });
    tf.dispose([x, y, present]);
  }
  return { loss: totalLoss / set.length, rows };
}

/** Fail (no badge) is the positive class, as in the rule. */
function metrics(rows, threshold) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (const r of rows) {
    const saysNoBadge = r.probability < threshold;
    const noBadge = r.present === 0;
    if (saysNoBadge && noBadge) tp++;
    else if (saysNoBadge) fp++;
    else if (noBadge) fn++;
    else tn++;
  }
  const precision = tp / Math.max(tp + fp, 1);
  const recall = tp / Math.max(tp + fn, 1);
  return { threshold, n: rows.length, tp, fp, fn, tn, precision, recall, f1: (2 * precision * recall) / Math.max(precision + recall, 1e-9), accuracy: (tp + tn) / rows.length };
}

function boxIous(core, rows) {
  const ious = [];
  for (const r of rows.filter((row) => row.present)) {
    const predicted = core.decodeBadgeHeatmap(r.heat, GRID_SIZE, 0.3).box;
    const truth = core.decodeBadgeHeatmap(r.target, GRID_SIZE, 0.3).box;
    ious.push(predicted && truth ? core.boxIou(predicted, truth) : 0);
  }
  ious.sort((a, b) => a - b);
  return { median: ious[Math.floor(ious.length / 2)] ?? 0, shareAbove0_3: ious.filter((v) => v >= 0.3).length / Math.max(ious.length, 1) };
}

async function main() {
  await tf.setBackend('wasm');
  await tf.ready();
  const started = Date.now();
  const core = await loadCore();
  const torsos = await loadTorsos({ limit: smoke ? 4 : Infinity });
  if (smoke && torsos.validation.length === 0) torsos.validation = torsos.train.slice(0, 1);
  log(`backend ${tf.getBackend()}; torsos: ${torsos.train.length} train, ${torsos.validation.length} validation`);

  const validationRng = makeRng(seed * 1000 + 1);
  const validation = Array.from({ length: validationCount }, () => makeSample(core, torsos.validation, validationRng));
  log(`${validation.length} validation samples made`);
  const weights = createWeights(seed);
  const variables = weights.flatMap((w) => [w.kernel, w.bias]);
  if (values.init) {
    const start = await tf.loadLayersModel(tf.io.fromMemory(readModelArtifacts(resolve(values.init))));
    const saved = start.getWeights();
    if (saved.length !== variables.length) throw new Error(`--init model has ${saved.length} weight tensors, expected ${variables.length}`);
    saved.forEach((tensor, i) => variables[i].assign(tensor));
    start.dispose();
    log(`weights from ${values.init}`);
  }
  const baseLr = Number(values.lr);
  const optimizer = tf.train.adam(baseLr);
  const rng = makeRng(trainSeed);
  const history = [];
  const batches = Math.ceil(samplesPerEpoch / batchSize);
  for (let epoch = 0; epoch < epochs; epoch++) {
    let sum = 0;
    for (let b = 0; b < batches; b++) {
      const step = epoch * batches + b;
      optimizer.learningRate = baseLr * 0.5 * (1 + Math.cos((Math.PI * step) / (epochs * batches)));
      const samples = Array.from({ length: batchSize }, () => makeSample(core, torsos.train, rng));
      const { x, y, present } = batchTensors(samples);
      const cost = optimizer.minimize(() => loss(forward(weights, x), y, present), true, variables);
      sum += cost.dataSync()[0];
      tf.dispose([x, y, present, cost]);
      if (!smoke && b % 10 === 9) log(`epoch ${epoch + 1} batch ${b + 1}/${batches} loss ${(sum / (b + 1)).toFixed(4)}`);
    }
    const val = evaluate(weights, validation);
    const entry = { epoch: epoch + 1, trainLoss: sum / batches, validationLoss: val.loss, validation: metrics(val.rows, 0.5) };
    history.push(entry);
    log(`tensors ${tf.memory().numTensors}, wasm/cpu bytes ${tf.memory().numBytes}`);
    log(`epoch ${epoch + 1}: train loss ${entry.trainLoss.toFixed(4)}, validation loss ${val.loss.toFixed(4)}, F1(no badge) ${entry.validation.f1.toFixed(3)}`);
  }

  const final = evaluate(weights, validation);
  const report = {
    seed,
    ...(values.init ? { init: values.init, trainSeed } : {}),
    learningRate: baseLr,
    epochs,
    samplesPerEpoch,
    batchSize,
    inputSizePx: INPUT_SIZE_PX,
    gridSize: GRID_SIZE,
    torsoSources: { train: torsos.train.length, validation: torsos.validation.length },
    validationSamples: validation.length,
    validation: {
      loss: final.loss,
      at0_5: metrics(final.rows, 0.5),
      at0_3: metrics(final.rows, 0.3),
      boxIou: boxIous(core, final.rows),
    },
    history,
    trainSeconds: Math.round((Date.now() - started) / 1000),
  };
  if (!Number.isFinite(report.validation.loss)) throw new Error('validation loss is not finite');
  await mkdir(outDir, { recursive: true });
  const model = toLayersModel(weights);
  await saveModel(model, outDir, writeFile);
  await writeFile(join(outDir, 'training-report.json'), `${JSON.stringify(report, null, 2)}\n`);
  log(`saved ${outDir}/model.json + weights.bin (${(await readFile(join(outDir, 'weights.bin'))).length} bytes); validation F1(no badge) ${report.validation.at0_5.f1.toFixed(3)}`);
  model.dispose();
}

main().catch((error) => {
  console.error(`train-badge: ${error.stack ?? error}`);
  process.exit(1);
});
