#!/usr/bin/env node
// npm run eval [-- --labels FILE] [--pose lite|full] [--delegate auto|CPU|GPU]
// Runs every labelled photo through the CLI's pipeline and prints, per rule, count, precision,
// recall and F1 with `fail` as the positive class, and the share answered `unknown`; calibrated rows
// (those naming an upright baseline photo of the same person and camera) and uncalibrated rows apart;
// then the photos it got wrong. The last line is one JSON object. The conduct rules judge time, not
// frames: a photo is held still as a 40 s shift (src/core/conduct/held-still.ts) and judged at its end.
// Then the events: every photo of a conduct violation is played for 4 s between minutes of normal work
// (the photos whose every row passes) as a monitored shift; found and false events per rule.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseLabels, scoreByRule } from './lib/eval-metrics.mjs';
import { DEFAULT_EVENT_PLAN, planEventSequence, scoreEvents } from './lib/event-eval.mjs';
import { openHarness } from './lib/harness.mjs';
import { SHARED } from './lib/paths.mjs';

const { values } = parseArgs({
  options: {
    labels: { type: 'string', default: join(SHARED, 'images', 'LABELS.tsv') },
    pose: { type: 'string', default: 'lite' },
    delegate: { type: 'string', default: 'auto' },
  },
});

const labelsPath = resolve(values.labels);
const labelsDir = dirname(labelsPath);
let rows;
try {
  rows = parseLabels(readFileSync(labelsPath, 'utf8'));
} catch (error) {
  console.error(`eval: ${labelsPath}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
  process.exit(1);
}

const photos = [...new Set(rows.flatMap((row) => [row.file, row.baseline].filter(Boolean)))];
const photoIndex = new Map(photos.map((file, index) => [file, index]));
const harness = await openHarness({ inputs: photos.map((file) => resolve(labelsDir, file)), poseVariant: values.pose, delegate: values.delegate });

const percent = (value) => (value === null ? '   –' : `${(value * 100).toFixed(0).padStart(3)}%`);
const fixed = (value) => (value === null ? null : Number(value.toFixed(4)));

try {
  const page = harness.page;
  const calibrations = new Map();
  const calibrationFor = async (baseline) => {
    if (!calibrations.has(baseline)) {
      const url = harness.inputUrl(photoIndex.get(baseline));
      calibrations.set(baseline, await page.evaluate(([u, name]) => window.countercheck.calibrateFromImages([{ url: u, name }]), [url, baseline]));
    }
    return calibrations.get(baseline);
  };

  const eventSequence = planEventSequence(rows);
  // Held as a shift: the conduct rows' photos, and every photo the event sequence plays.
  const heldPhotos = new Set([...rows.filter((row) => row.rule.startsWith('conduct.')).map((row) => row.file), ...(eventSequence?.files ?? [])]);
  const verdictCache = new Map();
  const stills = new Map();
  const results = [];
  const implemented = new Set();
  for (const row of rows) {
    const key = `${row.file}|${row.baseline ?? ''}`;
    if (!verdictCache.has(key)) {
      const calibration = row.baseline ? await calibrationFor(row.baseline) : null;
      const url = harness.inputUrl(photoIndex.get(row.file));
      try {
        const analysis = await page.evaluate(
          // every rule, the ones off by default too (dress.badge_visible): eval is how they earn being on;
          // the time rules judge the photo held still as a short shift
          ([u, name, c, held]) => window.countercheck.analyzeImage(u, name, { calibration: c, allRules: true, heldAsShift: held }),
          [url, row.file, calibration, heldPhotos.has(row.file)],
        );
        verdictCache.set(key, { ...analysis.rules, ...analysis.conduct });
        if (analysis.conductStill && !stills.has(row.file)) stills.set(row.file, analysis.conductStill);
      } catch (error) {
        verdictCache.set(key, { error: String(error.message ?? error).split('\n')[0] });
      }
    }
    const rules = verdictCache.get(key);
    if (rules.error) {
      results.push({ ...row, actual: 'unknown', reason: rules.error });
      continue;
    }
    const verdict = rules[row.rule];
    if (!verdict) continue; // a rule this build does not implement yet
    implemented.add(row.rule);
    results.push({ ...row, actual: verdict.status, reason: verdict.evidence?.reason ?? '' });
  }

  const skipped = rows.filter((row) => !implemented.has(row.rule));
  const table = (title, subset) => {
    const scores = scoreByRule(subset);
    console.log(`\n${title}`);
    console.log('rule                               n  precision  recall     F1  unknown');
    for (const [rule, s] of Object.entries(scores)) {
      console.log(`${rule.padEnd(32)} ${String(s.n).padStart(3)}       ${percent(s.precision)}    ${percent(s.recall)}   ${percent(s.f1)}     ${percent(s.unknownRate)}`);
    }
    return scores;
  };

  console.log(`labels: ${labelsPath} (${rows.length} rows, ${photos.length} photos; delegate ${harness.info.delegate}, pose ${values.pose})`);
  const all = table('All rows', results);
  const calibrated = table('Calibrated on a baseline photo', results.filter((r) => r.baseline));
  const uncalibrated = table('Uncalibrated', results.filter((r) => !r.baseline));
  const wrong = results.filter((r) => r.actual !== r.expected);
  console.log(`\nWrong or unknown (${wrong.length}):`);
  for (const r of wrong) console.log(`  ${r.rule}  expected ${r.expected}, got ${r.actual}${r.reason ? ` (${r.reason})` : ''}  ${r.file}${r.baseline ? `  [baseline ${r.baseline}]` : ''}`);
  if (skipped.length) {
    const notYet = [...new Set(skipped.map((r) => r.rule))].sort();
    console.log(`\nNot implemented yet, not scored (${skipped.length} rows): ${notYet.join(', ')}`);
  }
  const events = eventSequence ? await eventFigures(page, eventSequence, stills) : null;
  const asJson = (scores) =>
    Object.fromEntries(
      Object.entries(scores).map(([rule, s]) => [rule, { n: s.n, precision: fixed(s.precision), recall: fixed(s.recall), f1: fixed(s.f1), unknownRate: fixed(s.unknownRate) }]),
    );
  console.log(JSON.stringify({ rules: asJson(all), calibrated: asJson(calibrated), uncalibrated: asJson(uncalibrated), ...(events ? { events } : {}) }));
} finally {
  await harness.close();
}

/** Plays the event sequence in the page, prints its table and lists, and returns its JSON figures. */
async function eventFigures(page, sequence, stills) {
  const unanalysed = sequence.files.filter((file) => !stills.has(file));
  if (unanalysed.length) {
    console.log(`\nEvents: not scored, ${unanalysed.length} photos could not be analysed (${unanalysed.slice(0, 3).join(', ')}…)`);
    return null;
  }
  const { events } = await page.evaluate(
    ([signals, spans]) => window.countercheck.playStills(signals, spans),
    [sequence.files.map((file) => stills.get(file)), sequence.spans],
  );
  const scores = scoreEvents(sequence, events);
  const normalMin = sequence.normalMs / 60_000;
  const { eventMs, normalBetweenMs, normalPhotoMs } = DEFAULT_EVENT_PLAN;
  console.log(
    `\nEvents: each violation photo on screen ${eventMs / 1000} s, ${normalBetweenMs / 1000} s of normal work before and after ` +
      `(${sequence.normalPhotos} photos whose every row passes, ${normalPhotoMs / 1000} s each, in turn); ` +
      `${normalMin.toFixed(0)} min of normal work, played as monitoring plays frames`,
  );
  console.log('rule                           planted  found  recall  false in normal work  per 10 min  confusions');
  for (const [rule, s] of Object.entries(scores)) {
    const per10 = s.falsePer10Min === null ? '–' : s.falsePer10Min.toFixed(2);
    console.log(`${rule.padEnd(32)} ${String(s.planted).padStart(5)}  ${String(s.found).padStart(5)}    ${percent(s.recall)}  ${String(s.falseInNormalWork).padStart(20)}  ${per10.padStart(10)}  ${String(s.confusions).padStart(10)}`);
  }
  for (const [rule, s] of Object.entries(scores)) {
    for (const file of s.missed) console.log(`  missed  ${rule}  ${file}`);
    for (const e of s.falseEvents) {
      const during = e.duringPlanted ? `during ${e.duringPlanted}` : 'in normal work';
      console.log(`  false   ${rule}  ${((e.endMs - e.startMs) / 1000).toFixed(1)} s${e.label ? ` (${e.label})` : ''} ${during}  ${e.file}`);
    }
  }
  return {
    eventSeconds: eventMs / 1000,
    normalWorkMin: fixed(normalMin),
    rules: Object.fromEntries(
      Object.entries(scores).map(([rule, s]) => [
        rule,
        { planted: s.planted, found: s.found, recall: fixed(s.recall), falsePer10Min: fixed(s.falsePer10Min), confusions: s.confusions },
      ]),
    ),
  };
}
