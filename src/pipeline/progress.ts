import type { LoadProgress, ProgressCallback } from '../inference/detector';

/** Splits one progress callback into `count` callbacks whose bytes add up, for parallel loads. */
export function combineProgress(count: number, onProgress?: ProgressCallback): ProgressCallback[] {
  const parts: LoadProgress[] = Array.from({ length: count }, () => ({ loadedBytes: 0, totalBytes: 0, label: '' }));
  return parts.map((_, index) => (progress: LoadProgress) => {
    parts[index] = progress;
    onProgress?.({
      loadedBytes: parts.reduce((sum, p) => sum + p.loadedBytes, 0),
      totalBytes: parts.reduce((sum, p) => sum + p.totalBytes, 0),
      label: progress.label,
    });
  });
}
