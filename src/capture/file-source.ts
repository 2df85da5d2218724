import { CaptureError } from './capture-error';
import type { Frame, FrameSource } from './frame';
import { createVideoElement, readVideoFrame } from './video-frames';

const IMAGE_TYPE = /^image\/(jpeg|png|webp|gif|bmp|avif)$/;
const VIDEO_TYPE = /^video\//;
const IMAGE_EXTENSION = /\.(jpe?g|png|webp|gif|bmp|avif)$/i;
const VIDEO_EXTENSION = /\.(mp4|webm|mov|m4v|ogv|mkv)$/i;

export type FileKind = 'image' | 'video';

/** Image or video, by MIME type and then by name; null for anything else. */
export function fileKind(file: { name: string; type: string }): FileKind | null {
  if (IMAGE_TYPE.test(file.type) || (!file.type && IMAGE_EXTENSION.test(file.name))) return 'image';
  if (VIDEO_TYPE.test(file.type) || (!file.type && VIDEO_EXTENSION.test(file.name))) return 'video';
  return null;
}

/** Decodes an image file into an element; throws a CaptureError naming the file when it cannot. */
export async function decodeImage(blob: Blob, name: string): Promise<HTMLImageElement> {
  const image = new Image();
  const url = URL.createObjectURL(blob);
  image.src = url;
  try {
    await image.decode();
  } catch {
    throw new CaptureError('unreadable-file', name);
  } finally {
    URL.revokeObjectURL(url);
  }
  return image;
}

export async function openImageFile(file: File): Promise<FrameSource> {
  const image = await decodeImage(file, file.name);
  let read = false;
  return {
    kind: 'image',
    element: image,
    label: file.name,
    readFrame(): Frame | null {
      if (read) return null;
      read = true;
      return { pixels: image, widthPx: image.naturalWidth, heightPx: image.naturalHeight, timestampMs: 0, kind: 'image' };
    },
    stop() {},
  };
}

/** Loads a video file, ready to play; throws a CaptureError naming the file when it cannot. */
export async function loadVideo(blob: Blob, name: string): Promise<HTMLVideoElement> {
  const video = createVideoElement();
  video.autoplay = false;
  video.src = URL.createObjectURL(blob);
  try {
    await new Promise<void>((resolve, reject) => {
      video.addEventListener('loadeddata', () => resolve(), { once: true });
      video.addEventListener('error', () => reject(video.error), { once: true });
    });
  } catch {
    URL.revokeObjectURL(video.src);
    throw new CaptureError('unreadable-file', name);
  }
  return video;
}

/** A video file that the page plays; every new frame is analysed at its media time. */
export async function openVideoFile(file: File): Promise<FrameSource> {
  const video = await loadVideo(file, file.name);
  video.loop = true;
  video.controls = true;
  // Muted playback may start without a gesture; if a browser still refuses, the controls let the person press play.
  void video.play().catch(() => undefined);
  let lastMediaTime = -1;
  return {
    kind: 'video',
    element: video,
    label: file.name,
    readFrame(): Frame | null {
      const frame = readVideoFrame(video, lastMediaTime, video.currentTime * 1000, 'video');
      if (frame) lastMediaTime = video.currentTime;
      return frame;
    },
    stop() {
      video.pause();
      URL.revokeObjectURL(video.src);
      video.removeAttribute('src');
    },
  };
}

/** Opens a dropped or picked file as the right kind of source. */
export async function openFile(file: File): Promise<FrameSource> {
  switch (fileKind(file)) {
    case 'image':
      return openImageFile(file);
    case 'video':
      return openVideoFile(file);
    default:
      throw new CaptureError('unsupported-file', file.name);
  }
}
