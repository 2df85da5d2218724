#!/usr/bin/env node
// Debug: writes each labelled photo's chest crop (96 px) with the model's heatmap beside it, as PNGs into --out.
//   node scripts/train-badge/dump-crops.mjs --out /tmp/crops [--model models/badge] [--jsonl poses.jsonl]
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { loadCore, ROOT } from './load-core.mjs';
import { readModelArtifacts } from './model-artifacts.mjs';
import { GRID_SIZE, INPUT_SIZE_PX } from './model.mjs';
import { IMAGES, labelledRows } from './sources.mjs';
import { decodeImage } from './decode-frame.mjs';

const { values } = parseArgs({
  options: { model: { type: 'string', default: join(ROOT, 'models', 'badge') }, out: { type: 'string' }, jsonl: { type: 'string' }, files: { type: 'string' } },
});

await tf.setBackend('wasm');
const core = await loadCore();
const model = await tf.loadLayersModel(tf.io.fromMemory(readModelArtifacts(resolve(values.model))));
const files = values.files ? values.files.split(',') : labelledRows().map((r) => r.file);
const text = values.jsonl
  ? readFileSync(values.jsonl, 'utf8')
  : execFileSync('node', [join(ROOT, 'bin', 'countercheck.mjs'), 'analyze', ...files.map((f) => join(IMAGES, f)), '--json', '--pose', 'lite'], { cwd: ROOT, maxBuffer: 1 << 30 }).toString();
const byFile = new Map(text.trim().split('\n').map((l) => JSON.parse(l)).map((r) => [resolve(r.file), r]));
mkdirSync(values.out, { recursive: true });
let i = 0;
for (const file of files) {
  const path = join(IMAGES, file);
  const image = decodeImage(path);
  const pose = byFile.get(resolve(path))?.pose ?? null;
  const landmarks = pose?.landmarks.map(([x, y, z, visibility]) => ({ x, y, z, visibility })) ?? null;
  const chest = core.chestRegion(landmarks, image);
  const S = INPUT_SIZE_PX;
  const out = new Uint8Array(S * 2 * S * 3);
  if (chest.region) {
    const pixels = core.cropToRgb(image, chest.region.box, S);
    const heat = tf.tidy(() => model.predict(tf.tensor4d(pixels, [1, S, S, 3])).dataSync());
    for (let y = 0; y < S; y++) for (let x = 0; x < S; x++) {
      for (let c = 0; c < 3; c++) out[(y * 2 * S + x) * 3 + c] = Math.round(pixels[(y * S + x) * 3 + c] * 255);
      const h = heat[Math.floor((y * GRID_SIZE) / S) * GRID_SIZE + Math.floor((x * GRID_SIZE) / S)];
      const o = (y * 2 * S + S + x) * 3;
      out[o] = Math.round(h * 255); out[o + 1] = Math.round(pixels[(y * S + x) * 3 + 1] * 100); out[o + 2] = 0;
    }
    console.log(i, file, Math.max(...heat).toFixed(3));
  } else console.log(i, file, chest.reason);
  const raw = join(values.out, `c${String(i).padStart(2, '0')}.rgb`);
  writeFileSync(raw, out);
  execFileSync('ffmpeg', ['-nostdin', '-loglevel', 'error', '-y', '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-s', `${2 * S}x${S}`, '-i', raw, join(values.out, `c${String(i).padStart(2, '0')}.png`)]);
  i++;
}
