import { CaptureError, cameraErrorFrom } from './capture-error';
import type { Frame, FrameSource } from './frame';
import { createVideoElement, readVideoFrame } from './video-frames';

export interface CameraOptions {
  readonly widthPx?: number;
  readonly heightPx?: number;
  /** Called once if the camera goes away mid-run (unplugged, revoked). */
  readonly onEnded?: (error: CaptureError) => void;
}

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
  return {
    kind: 'camera',
    element: video,
    label: track?.label || 'Camera',
    readFrame(nowMs: number): Frame | null {
      if (stopped) return null;
      const frame = readVideoFrame(video, lastMediaTime, nowMs, 'camera');
      if (frame) lastMediaTime = video.currentTime;
      return frame;
    },
    stop,
  };
}
