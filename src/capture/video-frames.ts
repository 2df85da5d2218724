import type { Frame, SourceKind } from './frame';

export function createVideoElement(): HTMLVideoElement {
  const video = document.createElement('video');
  video.muted = true;
  video.playsInline = true;
  video.autoplay = true;
  return video;
}

/** The video's current frame, or null when its time has not advanced since `lastMediaTimeSeconds`. */
export function readVideoFrame(
  video: HTMLVideoElement,
  lastMediaTimeSeconds: number,
  timestampMs: number,
  kind: SourceKind,
): Frame | null {
  if (video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA || video.videoWidth === 0) return null;
  if (video.currentTime === lastMediaTimeSeconds) return null;
  return { pixels: video, widthPx: video.videoWidth, heightPx: video.videoHeight, timestampMs, kind };
}
