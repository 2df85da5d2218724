/**
 * The headless entry point (analyze.html) that the CLI, `npm run eval`, `npm run bench` and the
 * end-to-end tests drive through Playwright. It runs the very pipeline the page runs.
 */
import { decodeImage, loadVideo, openVideoFile } from '../capture/file-source';
import type { Frame } from '../capture/frame';
import { chooseDelegate } from '../inference/delegate';
import type { Delegate } from '../inference/detector';
import type { PoseModelVariant } from '../inference/pose-landmarker';
import { calibrateFromObservations, type StationCalibration } from '../core/calibration/station-calibration';
import { type ConductEvent, type ConductRuleId, type ConductTimes, type ConductVerdict, conductTimeOverrides, resolveConductConfig } from '../core/conduct';
import { judgeHeldStill, playStills, type StillSignals, type StillSpan } from '../core/conduct/held-still';
import { RULE_IDS } from '../core/rules';
import { MONITOR_RATE_DEFAULTS } from '../core/station-setup/station-setup';
import { type AnalyzeFrameOptions, DEFAULT_MAX_PEOPLE, FrameAnalyzer, type FrameAnalysis } from '../pipeline/frame-analyzer';
import { frameConductSignals, MonitorSession, type ShiftEvent } from '../pipeline/monitor-session';
import type { TimingSummary } from '../pipeline/timing-tally';
import { db } from '../storage/db';
import { MinuteRepository } from '../storage/minute-repository';
import { MonitorController } from '../views/controllers/monitor-controller';
import { monitorSettingsFromQuery } from '../views/controllers/monitor-settings';
import type { SoakOptions, SoakResult } from './monitor-soak';

export interface HarnessInfo {
  readonly delegate: Delegate;
  readonly delegateReason: string;
  readonly poseVariant: PoseModelVariant;
}

export interface AnalyzeOptions {
  /** Judge against this station baseline instead of none. */
  readonly calibration?: StationCalibration | null;
  /** Judge every rule, the ones off by default too (`npm run eval` scores them all); default: the defaults. */
  readonly allRules?: boolean;
  /**
   * Also judge the photo by the conduct time rules, held still as a short shift (`judgeHeldStill`): in
   * `conduct`, and its signals to play in a sequence (`playStills`) in `conductStill`.
   */
  readonly heldAsShift?: boolean;
}

export interface ConductEventsOptions {
  /** The allowed absence (default 60000: short clips need a shorter one to show absences), the event holds, the longest eye closure. */
  readonly times?: ConductTimes;
  /** The object detector runs at most this often on the video's clock. Default 1000, as monitoring. */
  readonly objectsEveryMs?: number;
}

/** The events over a whole video, times on the video's clock (ms from its start). */
export interface ClipEventsResult {
  readonly frames: number;
  readonly durationMs: number;
  /** Completed events by start, conduct and posture alike; those still open at the end are closed there. */
  readonly events: readonly ShiftEvent[];
}

export interface MonitorRunOptions {
  /** Frames analysed per second. Default 5, as the monitor screen. */
  readonly fps?: number;
  /** Stop after this many monitored frames. */
  readonly frames: number;
  /** The object detector's period. Default 1000 ms, as the monitor screen. */
  readonly objectsEveryMs?: number;
}

export interface MonitorRunResult {
  readonly frames: number;
  readonly wallMs: number;
  /** Minute records saved to IndexedDB. */
  readonly savedMinutes: number;
  readonly events: number;
  readonly gapMs: number;
  readonly error: string | null;
  /** Analysis time per frame and per model (ms of wall time in the page). */
  readonly timing: TimingSummary;
}

/** A photo's analysis; with `heldAsShift`, the conduct rules' verdicts and signals too. */
export type AnalyzedImage = FrameAnalysis & {
  readonly conduct?: Record<ConductRuleId, ConductVerdict>;
  readonly conductStill?: StillSignals;
};

/** Stills played as a monitored shift, at the monitor's rates. */
export interface StillSequenceResult {
  readonly durationMs: number;
  /** Completed events in the order they completed; times from the sequence's start. */
  readonly events: readonly ConductEvent[];
}

/** Stills are played at the monitor screen's default rates. */
const MONITOR_PLAYBACK = { fps: MONITOR_RATE_DEFAULTS.monitorFps, objectsEveryMs: MONITOR_RATE_DEFAULTS.monitorObjectsEveryMs };

export interface CounterCheckHarness {
  readonly ready: Promise<HarnessInfo>;
  analyzeImage(url: string, name: string, options?: AnalyzeOptions): Promise<AnalyzedImage>;
  /** Plays photos' `conductStill` signals one after another as a monitored shift (`playStills`). */
  playStills(stills: readonly StillSignals[], spans: readonly StillSpan[]): StillSequenceResult;
  /** Calibrates a station on photos of the person sitting upright, as the page's calibration does on frames. */
  calibrateFromImages(images: readonly { url: string; name: string }[]): Promise<StationCalibration | null>;
  /** Samples a video at `fps` frames per media second; `onFrame` gets each analysis as it is made. */
  analyzeVideo(url: string, name: string, fps: number, onFrame: (analysis: FrameAnalysis, index: number) => void): Promise<number>;
  /**
   * Samples a video at `fps` as monitoring does (objects on a timer) and judges it as a monitored shift:
   * the conduct time rules and the smoothed posture rules; `onFrame` gets each analysis.
   */
  analyzeVideoEvents(
    url: string,
    name: string,
    fps: number,
    options?: ConductEventsOptions,
    onFrame?: (analysis: FrameAnalysis, index: number) => void,
  ): Promise<ClipEventsResult>;
  /**
   * Monitors a video played in a loop as the monitor screen monitors the camera (its own controller: the
   * rate, the object timer, the minute records saved to IndexedDB) until `frames` frames were judged; for
   * the monitoring benchmark. `onProgress` gets the frame count now and then.
   */
  monitorVideo(url: string, name: string, options: MonitorRunOptions, onProgress?: (frames: number) => void): Promise<MonitorRunResult>;
  /** The pipeline itself, for benchmarks. */
  readonly analyzer: Promise<FrameAnalyzer>;
  /** The supervisor year benchmark, loaded on demand. */
  supervisorBench(): Promise<typeof import('./supervisor-bench')>;
  /**
   * The soak benchmark: analyses the clip at `fps` (objects on the monitor's timer), then loops those
   * analyses through a monitored shift of `frames` frames on a simulated clock, saving minute records.
   */
  soakMonitoring(
    url: string,
    name: string,
    options: Omit<SoakOptions, 'checkpointMs'> & { readonly objectsEveryMs: number; readonly checkpointMs: number },
    onProgress: (frames: number) => Promise<void>,
  ): Promise<SoakResult & { readonly analysedFrames: number }>;
}

declare global {
  interface Window {
    countercheck: CounterCheckHarness;
  }
}

async function fetchBlob(url: string, name: string): Promise<Blob> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${name}: could not be read (HTTP ${response.status})`);
  return response.blob();
}

function seek(video: HTMLVideoElement, timeSeconds: number): Promise<void> {
  return new Promise((resolve, reject) => {
    video.addEventListener('seeked', () => resolve(), { once: true });
    video.addEventListener('error', () => reject(video.error), { once: true });
    video.currentTime = timeSeconds;
  });
}

async function imageFrame(url: string, name: string): Promise<Frame> {
  const image = await decodeImage(await fetchBlob(url, name), name);
  return { pixels: image, widthPx: image.naturalWidth, heightPx: image.naturalHeight, timestampMs: 0, kind: 'image' };
}

function createHarness(): CounterCheckHarness {
  /** Seeks through a video `fps` times per media second and analyses each frame. */
  async function sampleVideo(
    url: string,
    name: string,
    fps: number,
    analyzeOptions: AnalyzeFrameOptions,
    onFrame: (analysis: FrameAnalysis, index: number) => void,
  ): Promise<{ frames: number; durationMs: number }> {
    const video = await loadVideo(await fetchBlob(url, name), name);
    const pipeline = await analyzer;
    pipeline.reset();
    const stepSeconds = 1 / fps;
    let index = 0;
    for (let t = 0; t < video.duration; t = ++index * stepSeconds) {
      await seek(video, t);
      const frame: Frame = { pixels: video, widthPx: video.videoWidth, heightPx: video.videoHeight, timestampMs: t * 1000, kind: 'video' };
      onFrame(await pipeline.analyze(frame, pipeline.station, analyzeOptions), index);
    }
    URL.revokeObjectURL(video.src);
    return { frames: index, durationMs: video.duration * 1000 };
  }

  const params = new URLSearchParams(location.search);
  const poseVariant: PoseModelVariant = params.get('pose') === 'full' ? 'full' : 'lite';
  const requested = params.get('delegate');
  const auto = chooseDelegate();
  const delegate: Delegate = requested === 'CPU' || requested === 'GPU' ? requested : auto.delegate;
  const delegateReason = requested === delegate ? 'requested' : auto.reason;
  // `?people=N` sets how many people streams look for (the bench measures the cost); stills keep the default.
  const streamPeople = Number(params.get('people'));
  const maxPeople = streamPeople >= 1 ? { ...DEFAULT_MAX_PEOPLE, streams: streamPeople } : undefined;
  const analyzer = FrameAnalyzer.create({ poseVariant, delegate, maxPeople });

  return {
    analyzer,
    supervisorBench: () => import('./supervisor-bench'),
    async soakMonitoring(url, name, options, onProgress) {
      const analyses: FrameAnalysis[] = [];
      await sampleVideo(url, name, options.fps, { objectsEveryMs: options.objectsEveryMs, dress: false }, (analysis) => analyses.push(analysis));
      const { soakMonitoring } = await import('./monitor-soak');
      return { ...(await soakMonitoring(analyses, options, onProgress)), analysedFrames: analyses.length };
    },
    ready: analyzer.then(() => ({ delegate, delegateReason, poseVariant })),
    async analyzeImage(url, name, options = {}) {
      const pipeline = await analyzer;
      const station = {
        ...pipeline.station,
        calibration: options.calibration ?? null,
        ...(options.allRules ? { enabled: new Set(RULE_IDS) } : {}),
      };
      // Held as a shift, the photo is checked for objects as monitoring checks its frames (phone, food, cup).
      const analysis = await pipeline.analyze(await imageFrame(url, name), station, options.heldAsShift ? { objectsEveryMs: 0 } : {});
      if (!options.heldAsShift) return analysis;
      const config = resolveConductConfig({});
      const conductStill: StillSignals = {
        objectsChecked: frameConductSignals(analysis, 0, config.signals),
        objectsSkipped: frameConductSignals({ ...analysis, objects: null }, 0, config.signals),
      };
      return { ...analysis, conduct: judgeHeldStill(conductStill, MONITOR_PLAYBACK, config), conductStill };
    },
    playStills(stills, spans) {
      const { monitor, durationMs } = playStills(stills, spans, MONITOR_PLAYBACK, resolveConductConfig({}));
      return { durationMs, events: monitor.completedEvents() };
    },
    async calibrateFromImages(images) {
      const pipeline = await analyzer;
      const samples = [];
      for (const { url, name } of images) samples.push((await pipeline.analyze(await imageFrame(url, name))).observations);
      return calibrateFromObservations(samples, Date.now());
    },
    async monitorVideo(url, name, options, onProgress) {
      const pipeline = await analyzer;
      const blob = await fetchBlob(url, name);
      const source = await openVideoFile(new File([blob], name, { type: blob.type || 'video/mp4' }));
      const query = new URLSearchParams();
      if (options.fps) query.set('monitorFps', String(options.fps));
      if (options.objectsEveryMs) query.set('monitorObjectsEveryMs', String(options.objectsEveryMs));
      const settings = monitorSettingsFromQuery(`?${query}`);
      const host = { addController: () => undefined, requestUpdate: () => undefined, removeController: () => undefined, updateComplete: Promise.resolve(true) };
      const controller = new MonitorController(host, new MinuteRepository(db), () => 'bench-station', () => settings);
      controller.use(source, pipeline);
      const started = performance.now();
      controller.start();
      let reported = 0;
      while ((controller.snapshot?.frames ?? 0) < options.frames) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        const frames = controller.snapshot?.frames ?? 0;
        if (frames - reported >= 50) onProgress?.((reported = frames));
      }
      await controller.stop();
      const wallMs = performance.now() - started;
      source.stop();
      const snapshot = controller.snapshot!;
      return {
        frames: snapshot.frames,
        wallMs,
        savedMinutes: controller.savedMinutes,
        events: snapshot.rules.reduce((sum, rule) => sum + rule.violations, 0),
        gapMs: snapshot.gapMs,
        error: controller.error,
        timing: controller.timing.summary(),
      };
    },
    analyzeVideo: (url, name, fps, onFrame) => sampleVideo(url, name, fps, {}, onFrame).then(({ frames }) => frames),
    async analyzeVideoEvents(url, name, fps, options = {}, onFrame) {
      const config = resolveConductConfig(conductTimeOverrides(options.times ?? {}));
      // Judged as a monitored shift is (conduct and posture rules), on the video's clock; a clip reports every event it had.
      const postureConfig = (await analyzer).station.config;
      const session = new MonitorSession({ stationId: 'clip', config, postureConfig, listLength: Number.POSITIVE_INFINITY }, 0);
      const { frames, durationMs } = await sampleVideo(url, name, fps, { objectsEveryMs: options.objectsEveryMs ?? 1000, dress: false }, (analysis, index) => {
        session.addFrame(analysis, analysis.timestampMs);
        onFrame?.(analysis, index);
      });
      session.stop(durationMs);
      const events = [...session.completedEvents(), ...session.completedPostureEvents()].sort((a, b) => a.startMs - b.startMs);
      return { frames, durationMs, events };
    },
  };
}

window.countercheck = createHarness();
