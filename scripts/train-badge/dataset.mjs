// Synthetic training samples: real chest crops (photos and clip frames, never the labelled badge photos)
// or a procedural shirt, with a procedurally drawn badge pasted on half of them, hard negatives on many,
// then lighting, blur, resolution and noise jitter. Labels: presence and a 12x12 heatmap of card coverage.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { drawBadge } from './card.mjs';
import { drawDistractors, drawSyntheticTorso } from './distractors.mjs';
import { buildPatchBank, drawRealHand, drawRealHeldObject } from './real-patches.mjs';
import { makeRng } from './rng.mjs';
import { loadCore } from './load-core.mjs';
import { GRID_SIZE, INPUT_SIZE_PX } from './model.mjs';
import { blur, resize } from './raster.mjs';
import { SHARED } from './sources.mjs';
import { decodeFrame } from './decode-frame.mjs';

const LANDMARKS_FILE = join(dirname(fileURLToPath(import.meta.url)), 'data', 'torso-landmarks.json');

/** Share of torso source files (by name hash) held out for validation. */
export const VALIDATION_SHARE = 0.2;

function decodeRgba(entry) {
  return decodeFrame(join(SHARED, entry.file), entry.timeMs, entry.widthPx, entry.heightPx);
}

const isValidation = (file) => createHash('sha256').update(file).digest()[0] / 256 < VALIDATION_SHARE;

/**
 * Torso sources split by file into train and validation: [{ file, image, chestBox }]. Chest boxes come from the
 * app's own chestRegion (with a looser in-frame share, to keep more webcam torsos).
 */
export async function loadTorsos({ limit = Infinity } = {}) {
  const core = await loadCore();
  const config = { ...core.DEFAULT_CHEST_REGION_CONFIG, inFrameShareMin: 0.3 };
  const { entries } = JSON.parse(readFileSync(LANDMARKS_FILE, 'utf8'));
  const split = { train: [], validation: [] };
  for (const entry of entries) {
    if (split.train.length + split.validation.length >= limit) break;
    const landmarks = entry.landmarks.map(([x, y, z, visibility]) => ({ x, y, z, visibility }));
    const { region } = core.chestRegion(landmarks, entry, config);
    if (!region) continue;
    // an arm across the chest is fine as a background, but the chest must be large enough to show a badge
    if (region.box.width * entry.widthPx < 24) continue;
    const image = decodeRgba(entry);
    if (image) split[isValidation(entry.file) ? 'validation' : 'train'].push({ file: entry.file, image, chestBox: region.box, landmarks });
  }
  return split;
}

function jitterBox(box, rng) {
  const w = box.width * rng.uniform(0.88, 1.15);
  const h = box.height * rng.uniform(0.88, 1.15);
  const cx = box.x + box.width / 2 + rng.uniform(-0.07, 0.07) * box.width;
  const cy = box.y + box.height / 2 + rng.uniform(-0.07, 0.07) * box.height;
  const x = Math.min(Math.max(cx - w / 2, 0), Math.max(1 - w, 0));
  const y = Math.min(Math.max(cy - h / 2, 0), Math.max(1 - h, 0));
  return { x, y, width: Math.min(w, 1), height: Math.min(h, 1) };
}

function meanColour(image) {
  const s = image.width;
  const sum = [0, 0, 0];
  let n = 0;
  for (let y = Math.floor(s * 0.4); y < s * 0.8; y++) {
    for (let x = Math.floor(s * 0.3); x < s * 0.7; x++) {
      for (let k = 0; k < 3; k++) sum[k] += image.data[(y * s + x) * 3 + k];
      n++;
    }
  }
  return sum.map((v) => v / n);
}

const banks = new WeakMap();
/** The real hand and cover patches of these torsos, cut once (seeded, so a run is reproducible). */
function patchBank(core, torsos) {
  if (!banks.has(torsos)) banks.set(torsos, buildPatchBank(core, torsos, makeRng(torsos.length + 11)));
  return banks.get(torsos);
}

/** One sample: { input: Float32Array(96*96*3), heatmap: Float32Array(144), present: 0|1 }. */
export function makeSample(core, torsos, rng) {
  const size = INPUT_SIZE_PX;
  let image;
  let shirt;
  if (torsos.length === 0 || rng.chance(0.2)) {
    ({ image, shirt } = drawSyntheticTorso(size, rng));
  } else {
    const torso = rng.pick(torsos);
    image = { width: size, height: size, data: core.cropToRgb(torso.image, jitterBox(torso.chestBox, rng), size) };
    shirt = meanColour(image);
  }
  const present = rng.chance(0.5);
  if (rng.chance(present ? 0.35 : 0.7)) drawDistractors(image, rng, { shirt }, rng.int(1, 3));
  // real hands and real-textured held objects, on badge and badge-free samples alike (a hand is no cue)
  const bank = patchBank(core, torsos);
  if (rng.chance(present ? 0.2 : 0.4)) drawRealHeldObject(image, rng, bank);
  if (rng.chance(0.25)) drawRealHand(image, rng, bank);
  let coverage = present ? drawBadge(image, rng, { shirt }) : new Float32Array(size * size);
  let visible = 0;
  for (const c of coverage) visible += c;
  const label = present && visible >= 40 ? 1 : 0;
  if (present && !label) coverage = new Float32Array(size * size);

  // photometric and optical jitter
  if (rng.chance(0.3)) {
    const small = rng.int(28, 72);
    image = resize(resize(image, small, small), size, size);
  }
  if (rng.chance(0.25)) image = blur(image, rng.int(1, 3));
  const gain = rng.uniform(0.6, 1.35);
  const contrast = rng.uniform(0.7, 1.25);
  const channel = [0, 1, 2].map(() => rng.uniform(0.9, 1.1));
  const gamma = rng.uniform(0.75, 1.3);
  const noise = rng.uniform(0, 0.035);
  const flip = rng.chance(0.5);
  const input = new Float32Array(size * size * 3);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const from = (y * size + (flip ? size - 1 - x : x)) * 3;
      const to = (y * size + x) * 3;
      for (let k = 0; k < 3; k++) {
        let v = image.data[from + k];
        v = ((v - 0.5) * contrast + 0.5) * gain * channel[k];
        v = Math.pow(Math.min(Math.max(v, 0), 1), gamma) + rng.normal() * noise;
        input[to + k] = Math.min(Math.max(v, 0), 1);
      }
    }
  }
  const heatmap = new Float32Array(GRID_SIZE * GRID_SIZE);
  const cell = size / GRID_SIZE;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const c = coverage[y * size + (flip ? size - 1 - x : x)];
      if (c > 0) heatmap[Math.floor(y / cell) * GRID_SIZE + Math.floor(x / cell)] += c / (cell * cell);
    }
  }
  for (let i = 0; i < heatmap.length; i++) heatmap[i] = Math.min(1, heatmap[i] * 2.5);
  return { input, heatmap, present: label };
}
