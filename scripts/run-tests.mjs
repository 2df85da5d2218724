#!/usr/bin/env node
// The whole test suite: unit tests (vitest, no browser) then end-to-end tests (Playwright in
// Debian's Chromium with real models on real photos and clips). Ends with one plain line,
// "N passed, N failed", for both suites together.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './lib/paths.mjs';

// Not test-results/: Playwright empties that folder when it starts.
const RESULTS = join(ROOT, 'test-reports');
const bin = (name) => join(ROOT, 'node_modules', '.bin', name);

function run(command, args) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' });
  return result.status ?? 1;
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

if (run('bash', [join(ROOT, 'scripts', 'ensure-system-deps.sh')]) !== 0) process.exit(1);
if (run(process.execPath, [join(ROOT, 'scripts', 'setup-models.mjs')]) !== 0) process.exit(1);
rmSync(RESULTS, { recursive: true, force: true });
mkdirSync(RESULTS, { recursive: true });

const unitStatus = run(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile=${join(RESULTS, 'unit.json')}`]);
const e2eStatus = run(bin('playwright'), ['test']);

const unit = readJson(join(RESULTS, 'unit.json'));
const e2e = readJson(join(RESULTS, 'e2e.json'));
let passed = 0;
let failed = 0;
/** Adds a suite's counts; a suite that exits non-zero without a failed test (it crashed, or never started: its
 * server's port taken, a config error) counts as one failure, so a broken run never reads green. */
function count(tests, status) {
  passed += tests?.passed ?? 0;
  failed += tests?.failed ?? 0;
  if (status !== 0 && !(tests?.failed > 0)) failed++;
}
count(unit && { passed: unit.numPassedTests, failed: unit.numFailedTests }, unitStatus);
count(e2e && { passed: e2e.stats.expected + e2e.stats.flaky, failed: e2e.stats.unexpected }, e2eStatus);
if (!e2e && e2eStatus === 0) failed++;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || unitStatus !== 0 || e2eStatus !== 0 ? 1 : 0);
