import type { NormalizedBox } from '../core/geometry/box';
import type { Frame } from './frame';

/** The part of a frame inside `box`, as a new still frame on a canvas of the crop's own pixel size. */
export function cropFrame(frame: Frame, box: NormalizedBox): Frame {
  const sx = box.x * frame.widthPx;
  const sy = box.y * frame.heightPx;
  const widthPx = Math.max(1, Math.round(box.width * frame.widthPx));
  const heightPx = Math.max(1, Math.round(box.height * frame.heightPx));
  const canvas = document.createElement('canvas');
  canvas.width = widthPx;
  canvas.height = heightPx;
  canvas.getContext('2d')!.drawImage(frame.pixels, sx, sy, widthPx, heightPx, 0, 0, widthPx, heightPx);
  return { pixels: canvas, widthPx, heightPx, timestampMs: frame.timestampMs, kind: 'image' };
}
