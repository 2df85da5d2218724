import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { readModelArtifacts } from './model-artifacts.mjs';
import { GRID_SIZE, INPUT_SIZE_PX } from './model.mjs';

const out = mkdtempSync(join(tmpdir(), 'badge-smoke-'));

describe('train-badge --smoke', () => {
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('trains one tiny epoch and writes a loadable model with a finite loss', async () => {
    execFileSync('node', [join(import.meta.dirname, 'train.mjs'), '--smoke', '--out', out], { stdio: 'pipe', timeout: 60_000 });
    const report = JSON.parse(readFileSync(join(out, 'training-report.json'), 'utf8'));
    expect(Number.isFinite(report.validation.loss)).toBe(true);
    expect(Number.isFinite(report.history[0].trainLoss)).toBe(true);
    await tf.setBackend('cpu');
    const model = await tf.loadLayersModel(tf.io.fromMemory(readModelArtifacts(out)));
    const y = model.predict(tf.zeros([1, INPUT_SIZE_PX, INPUT_SIZE_PX, 3]));
    expect(y.shape).toEqual([1, GRID_SIZE, GRID_SIZE, 1]);
    const values = await y.data();
    expect(values.every((v) => v >= 0 && v <= 1)).toBe(true);
    tf.dispose([y, model]);
  }, 60_000);

  it('--init starts from a saved model: its weights, not random ones, are what the run begins with', async () => {
    const tuned = mkdtempSync(join(tmpdir(), 'badge-smoke-init-'));
    try {
      // learning rate 0: the saved weights come back unchanged only if they were loaded
      execFileSync('node', [join(import.meta.dirname, 'train.mjs'), '--smoke', '--init', out, '--lr', '0', '--out', tuned], { stdio: 'pipe', timeout: 60_000 });
      const report = JSON.parse(readFileSync(join(tuned, 'training-report.json'), 'utf8'));
      expect(report).toMatchObject({ init: out, trainSeed: 7, learningRate: 0 });
      expect(Buffer.compare(readFileSync(join(tuned, 'weights.bin')), readFileSync(join(out, 'weights.bin')))).toBe(0);
    } finally {
      rmSync(tuned, { recursive: true, force: true });
    }
  }, 60_000);
});
