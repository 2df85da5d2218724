import type { Frame } from './frame';

/** The frame turned a quarter turn (clockwise or not), as a new still frame on a canvas. */
export function rotateQuarterTurn(frame: Frame, clockwise: boolean): Frame {
  const canvas = document.createElement('canvas');
  canvas.width = frame.heightPx;
  canvas.height = frame.widthPx;
  const ctx = canvas.getContext('2d')!;
  ctx.translate(canvas.width / 2, canvas.height / 2);
  ctx.rotate(((clockwise ? 1 : -1) * Math.PI) / 2);
  ctx.drawImage(frame.pixels, -frame.widthPx / 2, -frame.heightPx / 2);
  return { pixels: canvas, widthPx: canvas.width, heightPx: canvas.height, timestampMs: frame.timestampMs, kind: 'image' };
}
