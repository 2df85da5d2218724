import type { Frame } from './frame';

/** A thumbnail this small is enough for the mean brightness of a frame and costs next to nothing. */
const SAMPLE_SIDE_PX = 16;

let canvas: HTMLCanvasElement | null = null;

/** Mean luma (Rec. 601, 0..255) of a frame, from a 16x16 thumbnail. */
export function meanLuma(frame: Frame): number {
  canvas ??= document.createElement('canvas');
  canvas.width = SAMPLE_SIDE_PX;
  canvas.height = SAMPLE_SIDE_PX;
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  ctx.drawImage(frame.pixels, 0, 0, SAMPLE_SIDE_PX, SAMPLE_SIDE_PX);
  const { data } = ctx.getImageData(0, 0, SAMPLE_SIDE_PX, SAMPLE_SIDE_PX);
  let sum = 0;
  for (let i = 0; i < data.length; i += 4) sum += 0.299 * data[i]! + 0.587 * data[i + 1]! + 0.114 * data[i + 2]!;
  return sum / (data.length / 4);
}
