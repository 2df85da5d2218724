#!/usr/bin/env node
// npm run bench -- --monitor [--frames N --fps F --objects-every-ms MS --clip FILE --width PX --pose lite|full --delegate auto|CPU|GPU]
// Monitoring as the monitor screen runs it (its own controller: 5 fps, objects every second, conduct
// rules, minute records saved to IndexedDB) on a real clip played in a loop, in headless Chromium. The
// clip is first scaled by ffmpeg to the camera's width (--width, default 640; 0 keeps it): the default
// clip is 1280x720, four times the pixels of the 640x480 the app asks a camera for.
// Measures the CPU time of every Chromium process (from /proc) over the run as a share of one core, and
// the page's JS heap (after a forced garbage collection) at the start and the end.
// Prints a summary; the last line is one JSON object.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { openHarness } from './lib/harness.mjs';
import { heapMeter } from './lib/heap.mjs';
import { SHARED } from './lib/paths.mjs';
import { round } from './lib/stats.mjs';

const { values } = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== '--monitor'),
  options: {
    clip: { type: 'string', default: join(SHARED, 'clips', 'mps_gesture_test_video_woman_facing_camera.mp4') },
    frames: { type: 'string', default: '10000' },
    fps: { type: 'string', default: '5' },
    'objects-every-ms': { type: 'string', default: '1000' },
    warmup: { type: 'string', default: '50' },
    width: { type: 'string', default: '640' },
    pose: { type: 'string', default: 'lite' },
    delegate: { type: 'string', default: 'auto' },
  },
});
const frames = Number(values.frames);
const fps = Number(values.fps);
const warmup = Number(values.warmup);
const objectsEveryMs = Number(values['objects-every-ms']);
if (!(frames > warmup && warmup >= 0)) throw new Error(`--frames must be above --warmup (${warmup}), got ${values.frames}`);
if (!(fps > 0 && fps <= 30)) throw new Error(`--fps must be within 0..30, got ${values.fps}`);

const widthPx = Number(values.width);
if (!(Number.isInteger(widthPx) && widthPx >= 0)) throw new Error(`--width must be a whole number of pixels (0 keeps the clip's), got ${values.width}`);

/** The clip scaled to `widthPx` wide (made once, kept in the temp folder), or the clip itself when it is no wider. */
function clipAtWidth(clip) {
  const [clipWidth, clipHeight] = execFileSync('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=width,height', '-of', 'csv=p=0', clip])
    .toString()
    .trim()
    .split(',')
    .map(Number);
  if (widthPx === 0 || clipWidth <= widthPx) return { path: clip, size: `${clipWidth}x${clipHeight}` };
  const dir = join(tmpdir(), 'countercheck-bench');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${basename(clip, '.mp4')}-${widthPx}w.mp4`);
  if (!existsSync(path)) execFileSync('ffmpeg', ['-loglevel', 'error', '-y', '-i', clip, '-vf', `scale=${widthPx}:-2`, '-an', path]);
  return { path, size: `${widthPx}x${Math.round((clipHeight * widthPx) / clipWidth / 2) * 2}, scaled from ${clipWidth}x${clipHeight}` };
}
const clip = clipAtWidth(values.clip);

const CLOCK_TICKS_PER_S = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;

/** User + system CPU seconds of every live process descending from this one (Chromium and its helpers). */
function descendantCpuSeconds() {
  const stats = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const text = readFileSync(`/proc/${name}/stat`, 'utf8');
      // Fields after the parenthesised command name: state ppid ... utime(14) stime(15).
      const rest = text.slice(text.lastIndexOf(')') + 2).split(' ');
      stats.push({ pid: Number(name), ppid: Number(rest[1]), ticks: Number(rest[11]) + Number(rest[12]) });
    } catch {
      // The process ended meanwhile.
    }
  }
  const children = new Map();
  for (const stat of stats) children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), stat]);
  let ticks = 0;
  const queue = [...(children.get(process.pid) ?? [])];
  while (queue.length) {
    const stat = queue.pop();
    ticks += stat.ticks;
    queue.push(...(children.get(stat.pid) ?? []));
  }
  return ticks / CLOCK_TICKS_PER_S;
}

const harness = await openHarness({ inputs: [clip.path], poseVariant: values.pose, delegate: values.delegate, quiet: true });
try {
  const heapMB = await heapMeter(harness.page);
  let start = null;
  const samples = [];
  let sampling = Promise.resolve();
  await harness.page.exposeFunction('benchMonitorProgress', (count) => {
    sampling = sampling.then(async () => {
      if (!start && count >= warmup) {
        start = { frames: count, cpuS: descendantCpuSeconds(), atMs: performance.now(), heapMB: await heapMB() };
      } else if (start && count % 250 < 50) {
        samples.push({ frames: count, heapMB: await heapMB() });
      }
      if (count % 500 < 50) process.stderr.write(`bench-monitor: ${count} frames\n`);
    });
  });
  const result = await harness.page.evaluate(
    ({ url, frames, fps, objectsEveryMs }) =>
      window.countercheck.monitorVideo(url, 'bench clip', { frames, fps, objectsEveryMs }, (count) => window.benchMonitorProgress(count)),
    { url: harness.inputUrl(0), frames, fps, objectsEveryMs },
  );
  await sampling;
  const cpuS = descendantCpuSeconds() - start.cpuS;
  const wallS = (performance.now() - start.atMs) / 1000;
  const endHeapMB = await heapMB();
  const measuredFrames = result.frames - start.frames;
  const cpuShare = cpuS / wallS;
  const growthMB = endHeapMB - start.heapMB;
  console.log(`clip: ${values.clip} (${clip.size}; looped), delegate ${harness.info.delegate} (${harness.info.delegateReason}), pose ${values.pose}`);
  console.log(`monitored ${result.frames} frames at a target of ${fps} fps, objects every ${objectsEveryMs} ms: ${round(measuredFrames / wallS, 2)} fps measured over ${round(wallS, 1)} s after ${start.frames} warm-up frames`);
  console.log(`CPU: ${round(cpuS, 1)} s over ${round(wallS, 1)} s = ${round(cpuShare * 100, 1)}% of one core (all Chromium processes)`);
  console.log(`JS heap after GC: ${round(start.heapMB, 2)} MB -> ${round(endHeapMB, 2)} MB (${growthMB >= 0 ? '+' : ''}${round(growthMB, 2)} MB); samples: ${samples.map((s) => `${s.frames}:${round(s.heapMB, 2)}`).join(' ')}`);
  const { timing } = result;
  // the tally names stages as FrameTiming does: 'poseMs' -> 'pose'
  const stages = Object.entries(timing.stages).map(([name, stage]) => [name.replace(/Ms$/, ''), stage]);
  const stageLines = stages
    .filter(([, stage]) => stage.runs > 0)
    .map(([model, stage]) => `${model} ${round(stage.msPerFrame, 1)} (${round(stage.msPerRun, 1)} ms x ${stage.runs} runs)`);
  console.log(`analysis per frame: ${round(timing.totalMsPerFrame, 1)} ms mean; per model, ms per frame: ${stageLines.join(', ')}`);
  console.log(`saved ${result.savedMinutes} minute records, ${result.events} events, ${round(result.gapMs / 1000, 1)} s of gaps${result.error ? `; error: ${result.error}` : ''}`);
  console.log(
    JSON.stringify({
      frames: result.frames,
      measuredFrames,
      targetFps: fps,
      objectsEveryMs,
      fps: round(measuredFrames / wallS, 2),
      wallS: round(wallS, 1),
      cpuShareOfOneCore: round(cpuShare, 3),
      heapStartMB: round(start.heapMB, 2),
      heapEndMB: round(endHeapMB, 2),
      heapGrowthMB: round(growthMB, 2),
      analyzeMsMean: round(timing.totalMsPerFrame, 1),
      msPerFrameByModel: Object.fromEntries(stages.map(([model, stage]) => [model, round(stage.msPerFrame, 1)])),
      savedMinutes: result.savedMinutes,
      delegate: harness.info.delegate,
      clipSize: clip.size,
    }),
  );
} finally {
  await harness.close();
}
