#!/usr/bin/env node
// npm run bench -- --soak [--frames N --warmup-frames N --fps F --objects-every-ms MS --checkpoint-ms MS --clip FILE --pose lite|full --delegate auto|CPU|GPU]
// The long-run check: the real models analyse a real clip once (at --fps, objects on the monitor's
// timer); those analyses are looped through a monitored shift of --frames frames (default 100,000: 5.6
// hours at 5 fps) on a simulated clock, with every minute record saved to IndexedDB as the monitor screen
// saves them. Measures the JS heap (after GC) before and during the shift, storage growth per simulated
// hour, dropped frames and errors. The models' own long-run heap is what `--monitor` measures. A
// throwaway shift of --warmup-frames (default 3000, 10 simulated minutes) runs first, so that frame 0's
// heap already holds the compiled code (0 measures from a cold page, as before).
// Prints a summary; the last line is one JSON object.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openHarness } from './lib/harness.mjs';
import { heapMeter } from './lib/heap.mjs';
import { SHARED } from './lib/paths.mjs';
import { round } from './lib/stats.mjs';

const { values } = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== '--soak'),
  options: {
    clip: { type: 'string', default: join(SHARED, 'clips', 'mps_gesture_test_video_woman_facing_camera.mp4') },
    frames: { type: 'string', default: '100000' },
    'warmup-frames': { type: 'string', default: '3000' },
    fps: { type: 'string', default: '5' },
    'objects-every-ms': { type: 'string', default: '1000' },
    'checkpoint-ms': { type: 'string', default: '10000' },
    pose: { type: 'string', default: 'lite' },
    delegate: { type: 'string', default: 'auto' },
  },
});
const frames = Number(values.frames);
const fps = Number(values.fps);
if (!(Number.isInteger(frames) && frames > 0)) throw new Error(`--frames must be a positive whole number, got ${values.frames}`);
if (!(fps > 0 && fps <= 30)) throw new Error(`--fps must be within 0..30, got ${values.fps}`);
const warmupFrames = Number(values['warmup-frames']);
if (!(Number.isInteger(warmupFrames) && warmupFrames >= 0)) throw new Error(`--warmup-frames must be a whole number >= 0, got ${values['warmup-frames']}`);
// 20 samples: the first after 5% of the shift (16 simulated minutes by default) is past the warm-up
// (compiled code, full rule windows, the database's first records).
const progressEvery = Math.max(1, Math.round(frames / 20));
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

const harness = await openHarness({ inputs: [values.clip], poseVariant: values.pose, delegate: values.delegate, quiet: true });
try {
  const heapMB = await heapMeter(harness.page);
  const samples = [];
  await harness.page.exposeFunction('benchSoakProgress', async (count) => {
    samples.push({ frames: count, heapMB: await heapMB() });
    if (count > 0) process.stderr.write(`bench-soak: ${count} frames\n`);
  });
  const result = await harness.page.evaluate(
    ({ url, options }) => window.countercheck.soakMonitoring(url, 'soak clip', options, (count) => window.benchSoakProgress(count)),
    {
      url: harness.inputUrl(0),
      options: { frames, warmupFrames, fps, objectsEveryMs: Number(values['objects-every-ms']), checkpointMs: Number(values['checkpoint-ms']), progressEvery },
    },
  );
  const afterHeapMB = await heapMB();
  // Growth within the shift: from its first frame to its last, while the session still holds its state
  // (after the run the session is gone and the heap falls back, which says nothing about a long shift).
  // Each end is the median of three samples (after forced collections, see heapMeter), so that one
  // sample's noise does not make the figure.
  const startHeapMB = samples[0].heapMB;
  const endSamples = samples.slice(-3);
  const endHeapMB = median(endSamples.map((s) => s.heapMB));
  const growthPct = ((endHeapMB - startHeapMB) / startHeapMB) * 100;
  // From the first samples after warm-up (compiled code, full rule windows, the database's first records) to the last.
  const steadySamples = samples.length > 4 ? samples.slice(1, 4) : samples.slice(0, 1);
  const steadyStart = { frames: steadySamples[0].frames, heapMB: median(steadySamples.map((s) => s.heapMB)) };
  const steadyGrowthPct = ((endHeapMB - steadyStart.heapMB) / steadyStart.heapMB) * 100;
  const perHour = (bytes) => (bytes === null ? null : Math.round(bytes / result.simulatedHours));
  const usageGrowth = result.usageStartBytes === null || result.usageEndBytes === null ? null : result.usageEndBytes - result.usageStartBytes;
  const dropped = result.framesFed - result.framesJudged;
  console.log(`clip: ${values.clip}: ${result.analysedFrames} frames analysed by the models at ${fps} fps, looped`);
  console.log(`shift: ${result.framesFed} frames (after a throwaway ${warmupFrames}-frame warm-up) = ${round(result.simulatedHours, 2)} simulated hours in ${round(result.wallMs / 1000, 1)} s; ${result.violations} conduct violations counted; ${dropped} dropped, ${result.errors.length} errors${result.errors.length ? `: ${result.errors.join('; ')}` : ''}`);
  console.log(
    `JS heap after GC, within the shift: ${round(startHeapMB, 2)} MB at frame 0 -> ${round(endHeapMB, 2)} MB at frames ${endSamples[0].frames}-${endSamples.at(-1).frames} (median; ${round(growthPct, 1)}%; ${round(steadyGrowthPct, 1)}% from ${round(steadyStart.heapMB, 2)} MB at frames ${steadyStart.frames}-${steadySamples.at(-1).frames}); ${round(afterHeapMB, 2)} MB after the shift ended; samples: ${samples.map((s) => `${s.frames}:${round(s.heapMB, 2)}`).join(' ')}`,
  );
  console.log(`storage: ${result.storedMinutes} minute records (${result.recordsWritten} writes in ${result.saves} transactions), ${round(result.storedJsonBytes / 1024, 1)} KB as JSON = ${round(perHour(result.storedJsonBytes) / 1024, 1)} KB per simulated hour; origin usage grew ${usageGrowth === null ? 'unknown' : `${round(usageGrowth / 1024, 1)} KB`}`);
  console.log(`minutes held by the session at each sample: ${result.heldMinutes.join(' ')}`);
  console.log(
    JSON.stringify({
      frames: result.framesFed,
      warmupFrames,
      analysedFrames: result.analysedFrames,
      simulatedHours: round(result.simulatedHours, 2),
      heapStartMB: round(startHeapMB, 2),
      heapEndMB: round(endHeapMB, 2),
      heapGrowthPct: round(growthPct, 2),
      heapSteadyStartMB: round(steadyStart.heapMB, 2),
      heapSteadyGrowthPct: round(steadyGrowthPct, 2),
      heapAfterShiftMB: round(afterHeapMB, 2),
      violations: result.violations,
      storedMinutes: result.storedMinutes,
      storageJsonBytesPerHour: perHour(result.storedJsonBytes),
      storageUsageBytesPerHour: perHour(usageGrowth),
      framesDropped: dropped,
      heldMinutesMax: Math.max(...result.heldMinutes),
      errors: result.errors.length,
      wallS: round(result.wallMs / 1000, 1),
    }),
  );
} finally {
  await harness.close();
}
