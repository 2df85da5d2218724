#!/usr/bin/env node
// Runs the app's pose pipeline (bin/countercheck.mjs, headless Chromium) on the training photos and clips and
// stores their landmarks in data/torso-landmarks.json, so that training needs no browser.
// Usage: node scripts/train-badge/collect-torsos.mjs [--jsonl existing.jsonl ...]
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ROOT } from './load-core.mjs';
import { CLIPS, IMAGES, SHARED, trainingClips, trainingPhotos } from './sources.mjs';

const OUT = join(dirname(fileURLToPath(import.meta.url)), 'data', 'torso-landmarks.json');

function analyze(files) {
  const out = execFileSync('node', [join(ROOT, 'bin', 'countercheck.mjs'), 'analyze', ...files, '--json', '--pose', 'full', '--fps', '2'], {
    maxBuffer: 1 << 30,
    cwd: ROOT,
  });
  return out.toString().trim().split('\n');
}

function probeSize(file) {
  const out = execFileSync('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=width,height', '-of', 'csv=p=0', file]);
  const [widthPx, heightPx] = out.toString().trim().split(',').map(Number);
  return { widthPx, heightPx };
}

const { values } = parseArgs({ options: { jsonl: { type: 'string', multiple: true } } });
const allowed = new Set([...trainingPhotos().map((f) => join(IMAGES, f)), ...trainingClips().map((f) => join(CLIPS, f))]);
const lines = values.jsonl
  ? values.jsonl.flatMap((path) => readFileSync(path, 'utf8').trim().split('\n'))
  : analyze([...allowed]);

const sizes = new Map();
const entries = [];
for (const line of lines) {
  const row = JSON.parse(line);
  if (!allowed.has(row.file) || !row.pose) continue;
  if (!sizes.has(row.file)) sizes.set(row.file, probeSize(row.file));
  entries.push({
    file: relative(SHARED, row.file),
    timeMs: row.file.endsWith('.mp4') ? row.timeMs : null,
    ...sizes.get(row.file),
    landmarks: row.pose.landmarks.map((point) => point.map((v) => Math.round(v * 1e4) / 1e4)),
  });
}
mkdirSync(dirname(OUT), { recursive: true });
writeFileSync(OUT, `${JSON.stringify({ generatedBy: 'scripts/train-badge/collect-torsos.mjs (pose_landmarker_full)', entries })}\n`);
console.log(`${entries.length} torsos with a pose written to ${relative(ROOT, OUT)}`);
