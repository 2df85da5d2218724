/**
 * The headless entry point (analyze.html) that the CLI, `npm run eval`, `npm run bench` and the
 * end-to-end tests drive through Playwright. It runs the very pipeline the page runs.
 */
import { decodeImage, loadVideo } from '../capture/file-source';
import type { Frame } from '../capture/frame';
import { chooseDelegate } from '../inference/delegate';
import type { Delegate } from '../inference/detector';
import type { PoseModelVariant } from '../inference/pose-landmarker';
import { calibrateFromObservations, type StationCalibration } from '../core/calibration/station-calibration';
import { RULE_IDS } from '../core/rules';
import { DEFAULT_MAX_PEOPLE, FrameAnalyzer, type FrameAnalysis } from '../pipeline/frame-analyzer';

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
}

export interface CounterCheckHarness {
  readonly ready: Promise<HarnessInfo>;
  analyzeImage(url: string, name: string, options?: AnalyzeOptions): Promise<FrameAnalysis>;
  /** Calibrates a station on photos of the person sitting upright, as the page's calibration does on frames. */
  calibrateFromImages(images: readonly { url: string; name: string }[]): Promise<StationCalibration | null>;
  /** Samples a video at `fps` frames per media second; `onFrame` gets each analysis as it is made. */
  analyzeVideo(url: string, name: string, fps: number, onFrame: (analysis: FrameAnalysis, index: number) => void): Promise<number>;
  /** The pipeline itself, for benchmarks. */
  readonly analyzer: Promise<FrameAnalyzer>;
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
    ready: analyzer.then(() => ({ delegate, delegateReason, poseVariant })),
    async analyzeImage(url, name, options = {}) {
      const pipeline = await analyzer;
      const station = {
        ...pipeline.station,
        calibration: options.calibration ?? null,
        ...(options.allRules ? { enabled: new Set(RULE_IDS) } : {}),
      };
      return pipeline.analyze(await imageFrame(url, name), station);
    },
    async calibrateFromImages(images) {
      const pipeline = await analyzer;
      const samples = [];
      for (const { url, name } of images) samples.push((await pipeline.analyze(await imageFrame(url, name))).observations);
      return calibrateFromObservations(samples, Date.now());
    },
    async analyzeVideo(url, name, fps, onFrame) {
      const video = await loadVideo(await fetchBlob(url, name), name);
      const pipeline = await analyzer;
      pipeline.reset();
      const stepSeconds = 1 / fps;
      let index = 0;
      for (let t = 0; t < video.duration; t = ++index * stepSeconds) {
        await seek(video, t);
        const frame: Frame = { pixels: video, widthPx: video.videoWidth, heightPx: video.videoHeight, timestampMs: t * 1000, kind: 'video' };
        onFrame(await pipeline.analyze(frame), index);
      }
      URL.revokeObjectURL(video.src);
      return index;
    },
  };
}

window.countercheck = createHarness();
