#!/usr/bin/env node
// countercheck analyze <file>... [--json] [--fps N] [--events [--allowed-absence S] [--grooming-hold S] ...] [--pose lite|full] [--delegate auto|CPU|GPU]
// Runs the app's own pipeline in headless Chromium on photos and videos, on this machine only.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { toJsonRecord, toSummaryLine } from '../scripts/lib/analysis-format.mjs';
import { toEventLine, toEventRecord, toEventsSummary } from '../scripts/lib/event-format.mjs';
import { fileKindOf } from '../scripts/lib/file-kind.mjs';
import { openHarness } from '../scripts/lib/harness.mjs';

const USAGE = `Usage: countercheck analyze <photo-or-video>... [options]

Options:
  --json              one JSON object per photo or sampled video frame
  --fps <n>           video frames sampled per second of video (default 2; 5 with --events)
  --events            videos only: judge the video as a monitored shift (the conduct time rules: smile,
                      facing, awake, at post, grooming, phone, eating; and the posture rules, smoothed)
                      and print each violation with its start and end
  --allowed-absence <s>  with --events: seconds away from the counter before an absence is a violation (default 60)
  --grooming-hold <s>, --phone-hold <s>, --eating-hold <s>
                      with --events: seconds a hand at the face, a phone, food or a drink must last to be an
                      event (default 3 each)
  --eyes-closed-max <s>  with --events: seconds the eyes may stay shut before it is dozing (default 3)
  --pose <lite|full>  pose model (default lite)
  --delegate <d>      auto, CPU or GPU (default auto: the faster one on this machine)
  -h, --help          show this help`;

function fail(message) {
  process.stderr.write(`countercheck: ${message}\n`);
  process.exit(1);
}

/** --events' times: seconds on the command line, milliseconds by their name in the harness's `ConductTimes`. */
const EVENT_TIMES = {
  'allowed-absence': { name: 'allowedAbsenceMs', minS: 0, maxS: 8 * 3600 },
  'grooming-hold': { name: 'groomingHoldMs', minS: 0, maxS: 600 },
  'phone-hold': { name: 'phoneHoldMs', minS: 0, maxS: 600 },
  'eating-hold': { name: 'eatingHoldMs', minS: 0, maxS: 600 },
  'eyes-closed-max': { name: 'eyesClosedMaxMs', minS: 0.1, maxS: 600 },
};

function parseEventTimes(values) {
  const times = {};
  for (const [flag, { name, minS, maxS }] of Object.entries(EVENT_TIMES)) {
    const text = values[flag];
    if (text === undefined) continue;
    if (!values.events) fail(`--${flag} needs --events`);
    const seconds = Number(text);
    if (!(seconds >= minS && seconds <= maxS)) fail(`--${flag} must be seconds from ${minS} to ${maxS}, got "${text}"`);
    times[name] = seconds * 1000;
  }
  return times;
}

function parseCommandLine(argv) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        fps: { type: 'string' },
        events: { type: 'boolean', default: false },
        ...Object.fromEntries(Object.keys(EVENT_TIMES).map((flag) => [flag, { type: 'string' }])),
        pose: { type: 'string', default: 'lite' },
        delegate: { type: 'string', default: 'auto' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    fail(`${error.message}\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const [command, ...files] = positionals;
  if (command !== 'analyze' || files.length === 0) fail(`expected "analyze" and at least one file\n${USAGE}`);
  const fps = Number(values.fps ?? (values.events ? 5 : 2));
  if (!(fps > 0 && fps <= 60)) fail(`--fps must be a number above 0 and at most 60, got "${values.fps}"`);
  const times = parseEventTimes(values);
  if (!['lite', 'full'].includes(values.pose)) fail(`--pose must be lite or full, got "${values.pose}"`);
  if (!['auto', 'CPU', 'GPU'].includes(values.delegate)) fail(`--delegate must be auto, CPU or GPU, got "${values.delegate}"`);
  return { files, fps, json: values.json, events: values.events, times, poseVariant: values.pose, delegate: values.delegate };
}

async function main() {
  const options = parseCommandLine(process.argv.slice(2));
  const inputs = [];
  let failures = 0;
  for (const file of options.files) {
    try {
      inputs.push({ file, path: resolve(file), kind: fileKindOf(file) });
    } catch (error) {
      failures++;
      process.stderr.write(`countercheck: ${file}: ${error.message}\n`);
    }
  }
  if (inputs.length === 0) process.exit(1);

  const harness = await openHarness({
    inputs: inputs.map((input) => input.path),
    poseVariant: options.poseVariant,
    delegate: options.delegate,
    quiet: options.json,
  });
  const emit = (input, frameIndex, analysis) => {
    const line = options.json
      ? JSON.stringify(toJsonRecord(input.file, frameIndex, analysis))
      : toSummaryLine(input.file, frameIndex, analysis, input.kind === 'video');
    process.stdout.write(`${line}\n`);
  };
  await harness.page.exposeFunction('countercheckEmit', (index, frameIndex, analysis) => emit(inputs[index], frameIndex, analysis));
  try {
    for (const [index, input] of inputs.entries()) {
      if (options.events) {
        if (input.kind !== 'video') {
          failures++;
          process.stderr.write(`countercheck: ${input.file}: --events needs a video (events happen over time)\n`);
          continue;
        }
        try {
          const result = await harness.page.evaluate(
            ({ url, name, fps, times }) => window.countercheck.analyzeVideoEvents(url, name, fps, { times }),
            { url: harness.inputUrl(index), name: input.file, fps: options.fps, times: options.times },
          );
          const events = [...result.events].sort((a, b) => a.startMs - b.startMs);
          for (const event of events) {
            process.stdout.write(`${options.json ? JSON.stringify(toEventRecord(input.file, event)) : toEventLine(input.file, event)}\n`);
          }
          if (!options.json) process.stdout.write(`${toEventsSummary(input.file, result)}\n`);
        } catch (error) {
          failures++;
          process.stderr.write(`countercheck: ${input.file}: ${String(error.message ?? error).split('\n')[0].replace(/^.*?Error: /, '')}\n`);
        }
        continue;
      }
      try {
        await harness.page.evaluate(
          async ({ index, url, name, kind, fps }) => {
            const emitFrame = (analysis, frameIndex) => window.countercheckEmit(index, frameIndex, analysis);
            if (kind === 'image') emitFrame(await window.countercheck.analyzeImage(url, name), 0);
            else await window.countercheck.analyzeVideo(url, name, fps, emitFrame);
          },
          { index, url: harness.inputUrl(index), name: input.file, kind: input.kind, fps: options.fps },
        );
      } catch (error) {
        failures++;
        const reason = String(error.message ?? error).split('\n')[0].replace(/^.*?Error: /, '');
        process.stderr.write(`countercheck: ${input.file}: ${reason.includes(input.file) ? reason.replace(`${input.file} `, '') : reason}\n`);
      }
    }
  } finally {
    await harness.close();
  }
  if (harness.externalRequests.length) {
    fail(`the page tried to reach outside this machine: ${harness.externalRequests.join(', ')}`);
  }
  process.exit(failures ? 1 : 0);
}

main().catch((error) => fail(error.message));
