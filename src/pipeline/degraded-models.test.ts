import { describe, expect, it } from 'vitest';
import { degradedModelsNotice } from './degraded-models';

describe('degradedModelsNotice', () => {
  it('is null while every optional model is there', () => {
    expect(degradedModelsNotice({ segmenterError: null, handDetectorError: null })).toBeNull();
  });

  it('names each missing model, what the rules do without it, and how to restore it', () => {
    const segmenter = degradedModelsNotice({ segmenterError: 'selfie.bin: 404', handDetectorError: null })!;
    expect(segmenter).toContain('Person segmenter unavailable (selfie.bin: 404): hat, hair colour and bangs read colour alone.');
    expect(segmenter).not.toContain('Hand model');
    expect(segmenter).toMatch(/Run "npm run setup" and reload/);
    const both = degradedModelsNotice({ segmenterError: 'a', handDetectorError: 'b' })!;
    expect(both).toContain('Person segmenter unavailable (a)');
    expect(both).toContain("Hand model unavailable (b): grooming reads the body's hand points alone.");
  });
});
