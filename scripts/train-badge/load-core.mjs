// Loads the app's pure TypeScript modules (src/core/...) into Node 20, which cannot import .ts itself:
// each file is transpiled with the project's own TypeScript into a temporary folder, relative imports
// rewritten to the .mjs files next to it. The training and evaluation scripts thus crop and decode with
// exactly the code the app runs.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

const CORE_FILES = [
  'src/core/landmarks.ts',
  'src/core/units.ts',
  'src/core/math.ts',
  'src/core/badge/badge-config.ts',
  'src/core/badge/normalized-box.ts',
  'src/core/badge/chest-region.ts',
  'src/core/badge/sample-box.ts',
  'src/core/badge/chest-crop.ts',
  'src/core/badge/badge-heatmap.ts',
  'src/core/badge/hand-cells.ts',
  'src/core/badge/badge-views.ts',
  'src/core/badge/badge-observation.ts',
  'src/core/rules/badge-evidence.ts',
  'src/core/rules/dress-badge-enrolled.ts',
  'src/core/rules/dress-badge-visible.ts',
];

let loaded = null;

/** Returns { chestRegion, cropToRgb, decodeBadgeHeatmap, ... } from the transpiled core modules. */
export async function loadCore() {
  if (loaded) return loaded;
  const sources = CORE_FILES.map((file) => [file, readFileSync(join(ROOT, file), 'utf8')]);
  const hash = createHash('sha256').update(JSON.stringify(sources)).digest('hex').slice(0, 16);
  const outDir = join(tmpdir(), `countercheck-badge-core-${hash}`);
  for (const [file, source] of sources) {
    const { outputText } = ts.transpileModule(source, {
      compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, isolatedModules: true },
      fileName: file,
    });
    const text = outputText.replace(/(from\s+['"])(\.{1,2}\/[^'"]+)(['"])/g, '$1$2.mjs$3');
    const target = join(outDir, relative('src', file)).replace(/\.ts$/, '.mjs');
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
  const modules = await Promise.all(
    CORE_FILES.map((file) => import(pathToFileURL(join(outDir, relative('src', file)).replace(/\.ts$/, '.mjs')).href)),
  );
  loaded = Object.assign({}, ...modules);
  return loaded;
}
