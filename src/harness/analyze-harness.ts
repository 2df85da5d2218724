/**
 * The headless entry point (analyze.html) that the CLI, `npm run eval`, `npm run bench` and the
 * end-to-end tests drive through Playwright. It runs the very pipeline the page runs.
 */
import { decodeImage, loadVideo } from '../capture/file-source';
import type { Frame } from '../capture/frame';
import { chooseDelegate } from '../inference/delegate';
import type { Delegate } from '../inference/detector';
import type { PoseModelVariant } from '../inference/pose-landmarker';
import { FrameAnalyzer, type FrameAnalysis } from '../pipeline/frame-analyzer';

export interface HarnessInfo {
  readonly delegate: Delegate;
  readonly delegateReason: string;
  readonly poseVariant: PoseModelVariant;
}

export interface CounterCheckHarness {
  readonly ready: Promise<HarnessInfo>;
  analyzeImage(url: string, name: string): Promise<FrameAnalysis>;
  /** Samples a video at `fps` frames per media second; `onFrame` gets each analysis as it is made. */
  analyzeVideo(url: string, name: string, fps: number, onFrame: (analysis: FrameAnalysis, index: number) => void): Promise<number>;
  /** Decodes an image once and analyses it `repeat` times, for benchmarks. */
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

function createHarness(): CounterCheckHarness {
  const params = new URLSearchParams(location.search);
  const poseVariant: PoseModelVariant = params.get('pose') === 'full' ? 'full' : 'lite';
  const requested = params.get('delegate');
  const auto = chooseDelegate();
  const delegate: Delegate = requested === 'CPU' || requested === 'GPU' ? requested : auto.delegate;
  const delegateReason = requested === delegate ? 'requested' : auto.reason;
  const analyzer = FrameAnalyzer.create({ poseVariant, delegate });

  return {
    analyzer,
    ready: analyzer.then(() => ({ delegate, delegateReason, poseVariant })),
    async analyzeImage(url, name) {
      const image = await decodeImage(await fetchBlob(url, name), name);
      const frame: Frame = { pixels: image, widthPx: image.naturalWidth, heightPx: image.naturalHeight, timestampMs: 0, kind: 'image' };
      return (await analyzer).analyze(frame);
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
