#!/usr/bin/env node
// Debug: per photo, the badge model's peak cell and the COCO CenterNet boxes (from score 0.15) that overlap the
// chest box: label, score, larger side in shoulder widths, and PEAK when the peak cell's centre lies inside.
// Written to see whether a held book's box could discount a badge peak (models/badge/README.md: it could not).
//   node bin/countercheck.mjs analyze <photos>... --json > poses.jsonl
//   node scripts/train-badge/probe-objects.mjs --jsonl poses.jsonl
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { loadCore, ROOT } from './load-core.mjs';
import { readModelArtifacts } from './model-artifacts.mjs';
import { GRID_SIZE, INPUT_SIZE_PX } from './model.mjs';
import { decodeImage } from './decode-frame.mjs';

const { values } = parseArgs({ options: { jsonl: { type: 'string' }, model: { type: 'string', default: join(ROOT, 'models', 'badge') } } });

await tf.setBackend('wasm');
const core = await loadCore();
const model = await tf.loadLayersModel(tf.io.fromMemory(readModelArtifacts(resolve(values.model))));
const cj = JSON.parse(readFileSync(join(ROOT, 'public/models/centernet/centernet.json'), 'utf8'));
const cw = readFileSync(join(ROOT, 'public/models/centernet/centernet.bin'));
const centernet = await tf.loadGraphModel(tf.io.fromMemory({ modelTopology: cj.modelTopology, weightSpecs: cj.weightsManifest.flatMap((g) => g.weights), weightData: cw.buffer.slice(cw.byteOffset, cw.byteOffset + cw.byteLength) }));
const labelsSrc = readFileSync(join(ROOT, 'src/inference/coco-labels.ts'), 'utf8');
const labels = [...labelsSrc.matchAll(/'([a-z ]+)'/g)].map((m) => m[1]);
const rows = readFileSync(values.jsonl, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
for (const row of rows) {
  const image = decodeImage(row.file);
  const landmarks = row.pose?.landmarks.map(([x, y, z, visibility]) => ({ x, y, z, visibility })) ?? null;
  const chest = core.chestRegion(landmarks, image);
  const name = row.file.split('/').slice(-2).join('/');
  if (!chest.region) { console.log(`${name}\t-\t${chest.unknownReason}`); continue; }
  const S = INPUT_SIZE_PX;
  const pixels = core.cropToRgb(image, chest.region.box, S);
  const heat = tf.tidy(() => model.predict(tf.tensor4d(pixels, [1, S, S, 3])).dataSync());
  const det = tf.tidy(() => {
    const px = tf.tensor3d(image.data, [image.heightPx, image.widthPx, 4], 'int32').slice([0, 0, 0], [-1, -1, 3]);
    const input = tf.image.resizeBilinear(px, [512, 512]).expandDims(0);
    return centernet.execute(input, 'tower_0/detections').dataSync();
  });
  const objs = [];
  for (let o = 0; o + 6 <= det.length; o += 6) {
    const [x1, y1, x2, y2, score, cls] = det.slice(o, o + 6);
    if (score < 0.15) continue;
    objs.push({ label: labels[cls] ?? String(cls), score: +score.toFixed(2), box: { x: x1 / 512, y: y1 / 512, width: (x2 - x1) / 512, height: (y2 - y1) / 512 } });
  }
  const cb = chest.region.box;
  const peak = heat.indexOf(Math.max(...heat));
  const pr = Math.floor(peak / GRID_SIZE), pc = peak % GRID_SIZE;
  const px = cb.x + ((pc + 0.5) / GRID_SIZE) * cb.width, py = cb.y + ((pr + 0.5) / GRID_SIZE) * cb.height;
  const sw = chest.region.shoulderWidthPx;
  const near = objs.filter((o) => o.box.x < cb.x + cb.width && o.box.x + o.box.width > cb.x && o.box.y < cb.y + cb.height && o.box.y + o.box.height > cb.y && o.label !== 'person');
  const desc = near.map((o) => { const inside = px >= o.box.x && px <= o.box.x + o.box.width && py >= o.box.y && py <= o.box.y + o.box.height; return `${o.label}:${o.score}:${((Math.max(o.box.width * image.widthPx, o.box.height * image.heightPx)) / sw).toFixed(2)}sw${inside ? ':PEAK' : ''}`; });
  console.log(`${name}\tp=${Math.max(...heat).toFixed(3)}\tpeak=(${pr},${pc})\t${chest.region.occlusion ?? ''}\t${desc.join(' ')}`);
}
