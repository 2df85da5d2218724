#!/usr/bin/env node
// Scores the badge model on real badge-free chests that are not LABELS.tsv rows: the torso sources
// (scripts/train-badge/data/torso-landmarks.json), held-out validation sources and training sources apart
// (training ones were seen as badge-free backgrounds, so they score low by construction). Each chest is
// cropped as the app crops it (no jitter). Variants: the plain peak, the peak off the hands (hand-cells.ts),
// the lower peak of two views (badge-views.ts), both. Shares: fail (p <= 0.3, right), unknown, pass (p >= 0.5, a false pass).
//   node scripts/train-badge/score-real-negatives.mjs [--model models/badge] [--list]
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createHash } from 'node:crypto';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { VALIDATION_SHARE } from './dataset.mjs';
import { loadCore, ROOT } from './load-core.mjs';
import { readModelArtifacts } from './model-artifacts.mjs';
import { detectChest } from './detect-chest.mjs';
import { SHARED } from './sources.mjs';
import { decodeFrame } from './decode-frame.mjs';

const { values } = parseArgs({ options: { model: { type: 'string', default: join(ROOT, 'models', 'badge') }, list: { type: 'boolean', default: false } } });

function decodeRgba(entry) {
  return decodeFrame(join(SHARED, entry.file), entry.timeMs, entry.widthPx, entry.heightPx);
}
const isValidation = (file) => createHash('sha256').update(file).digest()[0] / 256 < VALIDATION_SHARE;

await tf.setBackend('wasm');
const core = await loadCore();
const model = await tf.loadLayersModel(tf.io.fromMemory(readModelArtifacts(resolve(values.model))));
const { entries } = JSON.parse(readFileSync(join(ROOT, 'scripts/train-badge/data/torso-landmarks.json'), 'utf8'));
const groups = { validation: [], training: [] };
for (const entry of entries) {
  const landmarks = entry.landmarks.map(([x, y, z, visibility]) => ({ x, y, z, visibility }));
  const chest = core.chestRegion(landmarks, entry);
  if (!chest.region) continue;
  const image = decodeRgba(entry);
  if (!image) continue;
  const run = (hands, views) => detectChest(core, model, image, chest.region.box, hands ? landmarks : null, chest.region.shoulderWidthPx, { views });
  const row = {
    file: `${entry.file}${entry.timeMs === null ? '' : `@${entry.timeMs}`}`,
    occluded: chest.region.occlusion !== null,
    plain: run(false, false).probability,
    offHands: run(true, false).probability,
    views: run(false, true).probability,
    viewsOffHands: run(true, true).probability,
  };
  groups[isValidation(entry.file) ? 'validation' : 'training'].push(row);
  if (values.list) console.log(JSON.stringify(row));
}
const shares = (rows, key) => {
  const n = rows.length;
  const fail = rows.filter((r) => r[key] <= 0.3).length;
  const pass = rows.filter((r) => r[key] >= 0.5).length;
  return `fail ${(fail / n).toFixed(2)} unknown ${((n - fail - pass) / n).toFixed(2)} pass ${(pass / n).toFixed(2)}`;
};
for (const [name, rows] of Object.entries(groups)) {
  const open = rows.filter((r) => !r.occluded);
  console.log(`${name}: ${rows.length} chests (${open.length} not arm-covered)`);
  for (const key of ['plain', 'offHands', 'views', 'viewsOffHands']) console.log(`  ${key.padEnd(13)} ${shares(rows, key)}   | not arm-covered: ${shares(open, key)}`);
}
