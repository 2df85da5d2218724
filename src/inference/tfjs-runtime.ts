import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { ModelLoadError } from './detector';
import { assetUrl } from './model-files';

export type TfjsBackend = 'wasm' | 'cpu';

// tfjs keeps one backend per page; this promise only remembers that it was chosen.
let backend: Promise<TfjsBackend> | null = null;

/**
 * Selects tfjs's wasm backend (about 10x faster than WebGL on a software renderer), single-threaded
 * SIMD because threads break in a minified build, with its wasm served by the app itself; the plain
 * JavaScript CPU backend is the fallback.
 */
export function prepareTfjs(): Promise<TfjsBackend> {
  backend ??= (async () => {
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    setWasmPaths({
      'tfjs-backend-wasm.wasm': assetUrl('tfjs/tfjs-backend-wasm.wasm'),
      'tfjs-backend-wasm-simd.wasm': assetUrl('tfjs/tfjs-backend-wasm-simd.wasm'),
      'tfjs-backend-wasm-threaded-simd.wasm': assetUrl('tfjs/tfjs-backend-wasm-simd.wasm'),
    });
    if (await tf.setBackend('wasm').catch(() => false)) return 'wasm';
    if (await tf.setBackend('cpu')) return 'cpu';
    throw new ModelLoadError('No tfjs backend could start in this browser.');
  })();
  return backend;
}

/** Loads a tfjs graph model whose model.json and one weights file the app serves, checked by sha256. */
export async function loadGraphModel(
  modelJson: Uint8Array,
  weights: Uint8Array,
): Promise<tf.GraphModel> {
  const artifacts = JSON.parse(new TextDecoder().decode(modelJson)) as {
    modelTopology: object;
    weightsManifest: { weights: tf.io.WeightsManifestEntry[] }[];
  };
  const weightSpecs = artifacts.weightsManifest.flatMap((group) => group.weights);
  const weightData = weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength) as ArrayBuffer;
  return tf.loadGraphModel(tf.io.fromMemory({ modelTopology: artifacts.modelTopology, weightSpecs, weightData }));
}

export { tf };
