import manifest from '../../models/manifest.json';
import { ModelLoadError, type ProgressCallback } from './detector';

export interface ModelFile {
  readonly file: string;
  readonly sizeBytes: number;
  readonly sha256: readonly string[];
}

const MODELS: readonly ModelFile[] = manifest.models;

export function modelFile(file: string): ModelFile {
  const model = MODELS.find((m) => m.file === file);
  if (!model) throw new ModelLoadError(`${file} is not listed in models/manifest.json.`);
  return model;
}

/** Where the app serves its own copies of the model files and the MediaPipe wasm. */
export const assetUrl = (path: string): string => new URL(`${import.meta.env.BASE_URL}${path}`, location.href).href;

async function sha256Hex(bytes: Uint8Array): Promise<string | null> {
  // crypto.subtle exists only in secure contexts (https, localhost); elsewhere setup's check stands alone.
  if (!globalThis.crypto?.subtle) return null;
  const digest = await crypto.subtle.digest('SHA-256', bytes as BufferSource);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Fetches a model file from the app itself, reporting progress, and checks its sha256
 * against the manifest so a damaged or swapped file is refused with a clear message.
 */
export async function fetchModel(file: string, onProgress?: ProgressCallback, signal?: AbortSignal): Promise<Uint8Array> {
  const model = modelFile(file);
  let response: Response;
  try {
    response = await fetch(assetUrl(`models/${file}`), { signal });
  } catch (error) {
    throw new ModelLoadError(`Could not load the model ${file}: the app's server did not answer. Check it is running, then press Retry.`, { cause: error });
  }
  if (!response.ok || !response.body) {
    throw new ModelLoadError(
      `The model ${file} is missing on the server (HTTP ${response.status}). Run "npm run setup" in the project folder, then press Retry.`,
    );
  }
  const totalBytes = Number(response.headers.get('content-length')) || model.sizeBytes;
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let loadedBytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loadedBytes += value.byteLength;
    onProgress?.({ loadedBytes, totalBytes, label: file });
  }
  const bytes = new Uint8Array(loadedBytes);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  const hash = await sha256Hex(bytes);
  if (hash !== null && !model.sha256.includes(hash)) {
    throw new ModelLoadError(
      `The model ${file} does not match models/manifest.json (sha256 ${hash.slice(0, 12)}…): it may be damaged or replaced. Run "npm run setup" to restore it, then press Retry.`,
    );
  }
  return bytes;
}
