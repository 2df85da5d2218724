// Builds the app into dist/ when it is missing or older than its sources.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, ROOT } from './paths.mjs';

const STAMP = join(DIST, '.built');
const SOURCES = ['src', 'public', 'index.html', 'analyze.html', 'models/manifest.json', 'vite.config.ts', 'package.json'];

function newestMtimeMs(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtimeMs(join(path, name))), stat.mtimeMs);
}

export function ensureBuilt({ quiet = false } = {}) {
  const builtAt = existsSync(STAMP) ? statSync(STAMP).mtimeMs : 0;
  const changedAt = Math.max(...SOURCES.map((s) => newestMtimeMs(join(ROOT, s))));
  if (builtAt > changedAt) return;
  if (!quiet) process.stderr.write('countercheck: building the app (once after each change)...\n');
  const result = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'error'], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.status !== 0) throw new Error('the app could not be built (see the errors above)');
  writeFileSync(STAMP, new Date().toISOString());
}
