#!/usr/bin/env node
// npm run bench [-- --clip FILE --frames N --width PX --pose lite|full --delegate auto|CPU|GPU --people N]
// npm run bench -- --supervisor-year: see bench-supervisor.mjs
// npm run bench -- --monitor [...]: the monitoring benchmark instead (scripts/bench-monitor.mjs).
// npm run bench -- --soak [...]: the long-run soak benchmark instead (scripts/bench-soak.mjs).
// Times, in one headless Chromium run over the same decoded frames of a real clip:
//   (a) PoseLandmarker alone, (b) FaceLandmarker alone, (c) the app's whole per-frame pipeline.
// Prints medians; the last line is one JSON object.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openHarness } from './lib/harness.mjs';
import { SHARED } from './lib/paths.mjs';
import { median, round } from './lib/stats.mjs';

// The other benchmarks are scripts of their own.
const OTHER_BENCHMARKS = { '--supervisor-year': './bench-supervisor.mjs', '--monitor': './bench-monitor.mjs', '--soak': './bench-soak.mjs' };
const other = Object.keys(OTHER_BENCHMARKS).find((flag) => process.argv.includes(flag));
if (other) {
  await import(OTHER_BENCHMARKS[other]);
  process.exit(0);
}

const { values } = parseArgs({
  options: {
    clip: { type: 'string', default: join(SHARED, 'clips', 'mps_gesture_test_video_woman_facing_camera.mp4') },
    frames: { type: 'string', default: '120' },
    width: { type: 'string', default: '640' },
    pose: { type: 'string', default: 'lite' },
    delegate: { type: 'string', default: 'auto' },
    // Most people a stream looks for per frame (the app's default when absent): shows what finding others costs.
    people: { type: 'string' },
  },
});

const harness = await openHarness({
  inputs: [values.clip],
  poseVariant: values.pose,
  delegate: values.delegate,
  maxPeople: values.people ? Number(values.people) : undefined,
});
try {
  const result = await harness.page.evaluate(
    async ({ url, maxFrames, widthPx }) => {
      const analyzer = await window.countercheck.analyzer;
      const video = document.createElement('video');
      video.muted = true;
      video.src = URL.createObjectURL(await (await fetch(url)).blob());
      await new Promise((resolve, reject) => {
        video.onloadeddata = resolve;
        video.onerror = () => reject(new Error('the clip could not be decoded'));
      });
      // Decode every frame up front (30 fps steps) so the passes time inference, not decoding.
      const frames = [];
      const stepSeconds = 1 / 30;
      for (let i = 0; frames.length < maxFrames; i++) {
        const t = (i * stepSeconds) % video.duration;
        await new Promise((resolve) => {
          video.onseeked = resolve;
          video.currentTime = t;
        });
        const heightPx = Math.round((video.videoHeight / video.videoWidth) * widthPx);
        const bitmap = await createImageBitmap(video, { resizeWidth: widthPx, resizeHeight: heightPx });
        frames.push({ pixels: bitmap, widthPx, heightPx, timestampMs: i * stepSeconds * 1000, kind: 'video' });
      }
      const time = async (run) => {
        const ms = [];
        for (const frame of frames) {
          const start = performance.now();
          await run(frame);
          ms.push(performance.now() - start);
        }
        return ms;
      };
      analyzer.reset();
      const poseMs = await time((frame) => analyzer.pose.detect(frame));
      analyzer.reset();
      const faceMs = await time((frame) => analyzer.face.detect(frame));
      analyzer.reset();
      const pipelineMs = await time((frame) => analyzer.analyze(frame));
      for (const frame of frames) frame.pixels.close();
      return { frames: frames.length, widthPx, heightPx: frames[0].heightPx, poseMs, faceMs, pipelineMs };
    },
    { url: harness.inputUrl(0), maxFrames: Number(values.frames), widthPx: Number(values.width) },
  );
  const pose = median(result.poseMs);
  const face = median(result.faceMs);
  const pipeline = median(result.pipelineMs);
  console.log(`clip: ${values.clip}`);
  console.log(`frames: ${result.frames} at ${result.widthPx}x${result.heightPx}, delegate ${harness.info.delegate} (${harness.info.delegateReason}), pose ${values.pose}, up to ${values.people ?? "the default number of"} people`);
  console.log(`median per frame: pose ${round(pose)} ms, face ${round(face)} ms, whole pipeline ${round(pipeline)} ms`);
  console.log(`pipeline overhead over the two models: ${round(pipeline / (pose + face), 3)}x; ${round(1000 / pipeline, 1)} fps`);
  console.log(
    JSON.stringify({
      frames: result.frames,
      poseMs: round(pose),
      faceMs: round(face),
      pipelineMs: round(pipeline),
      overheadRatio: round(pipeline / (pose + face), 3),
      fps: round(1000 / pipeline, 1),
      delegate: harness.info.delegate,
    }),
  );
} finally {
  await harness.close();
}
