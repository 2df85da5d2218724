#!/usr/bin/env node
// Scores the trained badge model on the labelled photos (LABELS.tsv rows for dress.badge_visible), which
// training never sees: pose from the app's pipeline (bin/countercheck.mjs), chest box, crop, model, rule,
// exactly as in the app. Prints one line per photo and the totals (fail = no badge = the positive class).
//   node scripts/train-badge/evaluate-labels.mjs [--model models/badge] [--pose lite|full] [--jsonl poses.jsonl] [--json] [--no-views]
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { loadCore, ROOT } from './load-core.mjs';
import { readModelArtifacts } from './model-artifacts.mjs';
import { detectChest } from './detect-chest.mjs';
import { IMAGES, labelledRows } from './sources.mjs';
import { decodeImage } from './decode-frame.mjs';

const { values } = parseArgs({
  allowNegative: true,
  options: {
    model: { type: 'string', default: join(ROOT, 'models', 'badge') },
    pose: { type: 'string', default: 'lite' },
    jsonl: { type: 'string' },
    json: { type: 'boolean', default: false },
    /** --no-views: the whole chest crop only (the model before the two-view decision). */
    views: { type: 'boolean', default: true },
  },
});

function poses(files) {
  const text = values.jsonl
    ? readFileSync(values.jsonl, 'utf8')
    : execFileSync('node', [join(ROOT, 'bin', 'countercheck.mjs'), 'analyze', ...files, '--json', '--pose', values.pose], { cwd: ROOT, maxBuffer: 1 << 30 }).toString();
  return new Map(text.trim().split('\n').map((line) => JSON.parse(line)).map((row) => [resolve(row.file), row]));
}

async function main() {
  await tf.setBackend('wasm');
  const core = await loadCore();
  const model = await tf.loadLayersModel(tf.io.fromMemory(readModelArtifacts(resolve(values.model))));
  const rows = labelledRows();
  const byFile = poses(rows.map((row) => join(IMAGES, row.file)));
  const results = [];
  for (const row of rows) {
    const path = join(IMAGES, row.file);
    const image = decodeImage(path);
    const pose = byFile.get(resolve(path))?.pose ?? null;
    const landmarks = pose?.landmarks.map(([x, y, z, visibility]) => ({ x, y, z, visibility })) ?? null;
    const chest = core.chestRegion(landmarks, image);
    let detection = null;
    if (chest.region) {
      detection = detectChest(core, model, image, chest.region.box, landmarks, chest.region.shoulderWidthPx, { views: values.views });
    }
    const verdict = core.dressBadgeVisible.evaluate({
      badge: core.makeBadgeObservation(chest, detection),
      config: core.DEFAULT_BADGE_RULE_CONFIG,
    });
    results.push({ file: row.file, expected: row.expected, status: verdict.status, probability: detection?.probability ?? null, reason: verdict.evidence.reason ?? '' });
  }

  const judged = results.filter((r) => r.status === 'pass' || r.status === 'fail');
  const tp = judged.filter((r) => r.status === 'fail' && r.expected === 'fail').length;
  const fp = judged.filter((r) => r.status === 'fail' && r.expected === 'pass').length;
  const fn = judged.filter((r) => r.status === 'pass' && r.expected === 'fail').length;
  const precision = tp / Math.max(tp + fp, 1);
  const recall = tp / Math.max(tp + fn, 1);
  const summary = {
    n: results.length,
    judged: judged.length,
    unknown: results.length - judged.length,
    unknownRate: (results.length - judged.length) / results.length,
    tp,
    fp,
    fn,
    tn: judged.length - tp - fp - fn,
    precision,
    recall,
    f1: (2 * precision * recall) / Math.max(precision + recall, 1e-9),
    wrong: judged.filter((r) => r.status !== r.expected).map((r) => r.file),
    unknownFiles: results.filter((r) => r.status === 'unknown').map((r) => `${r.file} (${r.reason})`),
  };
  if (values.json) console.log(JSON.stringify({ results, summary }));
  else {
    for (const r of results) {
      const mark = r.status === 'unknown' ? '?' : r.status === r.expected ? ' ' : 'X';
      console.log(`${mark} ${r.expected.padEnd(4)} -> ${r.status.padEnd(7)} p=${r.probability === null ? '  -  ' : r.probability.toFixed(3)} ${r.file} ${r.reason}`);
    }
    console.log(JSON.stringify(summary, null, 2));
  }
}

main().catch((error) => {
  console.error(`evaluate-labels: ${error.stack ?? error}`);
  process.exit(1);
});
