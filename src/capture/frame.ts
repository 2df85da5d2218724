/** Pixels a model can read: a playing video, a decoded image or a drawn canvas. */
export type FramePixels = HTMLVideoElement | HTMLImageElement | HTMLCanvasElement | ImageBitmap;

export type SourceKind = 'camera' | 'image' | 'video';

/** One frame from any source, with the time it was captured. */
export interface Frame {
  readonly pixels: FramePixels;
  readonly widthPx: number;
  readonly heightPx: number;
  /** Media time for video files, capture time for the camera, 0 for a still. */
  readonly timestampMs: number;
  readonly kind: SourceKind;
}

/**
 * A source of frames. `readFrame` returns null while there is no new frame (video time has not
 * advanced, the image was already read), so a loop never analyses the same pixels twice.
 */
export interface FrameSource {
  readonly kind: SourceKind;
  /** The element the view shows under the overlay. */
  readonly element: HTMLVideoElement | HTMLImageElement;
  /** A short name for the UI: the file name or the camera label. */
  readonly label: string;
  readFrame(nowMs: number): Frame | null;
  stop(): void;
}
