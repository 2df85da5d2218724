// Reads a saved model folder (model.json + its weights file) into tf.io ModelArtifacts, in Node.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const COMMITTED_MODEL_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'models', 'badge');

export function readModelArtifacts(dir = COMMITTED_MODEL_DIR) {
  const json = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8'));
  const [manifest] = json.weightsManifest;
  const bin = readFileSync(join(dir, manifest.paths[0]));
  return {
    modelTopology: json.modelTopology,
    weightSpecs: manifest.weights,
    weightData: bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength),
  };
}
