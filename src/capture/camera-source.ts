import { CameraHealthMonitor, type CameraProblem } from './camera-health';
import { CaptureError, cameraErrorFrom } from './capture-error';
import { meanLuma } from './frame-luma';
import type { Frame, FrameSource } from './frame';
import { createVideoElement, readVideoFrame } from './video-frames';

export interface CameraOptions {
  readonly widthPx?: number;
  readonly heightPx?: number;
  /** Called once if the camera goes away mid-run (unplugged, revoked). */
  readonly onEnded?: (error: CaptureError) => void;
  /** Called when the camera starts or stops sending black frames or stalls (null = healthy again). */
  readonly onHealthChange?: (problem: CaptureError | null) => void;
}

/** Black frames are checked on a sampled frame this often; reading pixels every frame would cost for nothing. */
const LUMA_SAMPLE_INTERVAL_MS = 500;

const PROBLEM_ERRORS: Record<CameraProblem, 'camera-black' | 'camera-stalled'> = {
  'black-frames': 'camera-black',
  stalled: 'camera-stalled',
};

/** Opens the default camera. Throws a CaptureError saying what to do when it cannot. */
export async function openCamera(options: CameraOptions = {}): Promise<FrameSource> {
  if (!navigator.mediaDevices?.getUserMedia) throw new CaptureError('camera-unsupported');
  let stream: MediaStream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({
      audio: false,
      video: { width: { ideal: options.widthPx ?? 640 }, height: { ideal: options.heightPx ?? 480 } },
    });
  } catch (error) {
    throw cameraErrorFrom(error);
  }
  const [track] = stream.getVideoTracks();
  const video = createVideoElement();
  video.srcObject = stream;
  let stopped = false;
  const stop = () => {
    stopped = true;
    for (const t of stream.getTracks()) t.stop();
    video.srcObject = null;
  };
  track?.addEventListener('ended', () => {
    if (!stopped) options.onEnded?.(new CaptureError('camera-ended'));
  });
  try {
    await video.play();
  } catch (error) {
    stop();
    throw cameraErrorFrom(error);
  }
  let lastMediaTime = -1;
  const health = new CameraHealthMonitor();
  let lastLumaMs = -Infinity;
  let reported: CameraProblem | null = null;
  const report = (problem: CameraProblem | null) => {
    if (problem === reported) return;
    reported = problem;
    options.onHealthChange?.(problem ? new CaptureError(PROBLEM_ERRORS[problem]) : null);
  };
  return {
    kind: 'camera',
    element: video,
    label: track?.label || 'Camera',
    readFrame(nowMs: number): Frame | null {
      if (stopped) return null;
      const frame = readVideoFrame(video, lastMediaTime, nowMs, 'camera');
      if (!frame) {
        report(health.noFrame(nowMs));
        return null;
      }
      lastMediaTime = video.currentTime;
      const sampleLuma = nowMs - lastLumaMs >= LUMA_SAMPLE_INTERVAL_MS;
      if (sampleLuma) lastLumaMs = nowMs;
      report(health.frame(nowMs, sampleLuma ? meanLuma(frame) : null));
      return frame;
    },
    stop,
  };
}
