import type { RgbaImage } from '../core/pixels/rgba-image';
import type { Frame } from './frame';

/** Pixel measures need no more detail than this; larger photos are scaled down first. */
const MAX_SIDE_PX = 1280;

/** Reads a frame's pixels (scaled to at most MAX_SIDE_PX a side) through a reusable canvas. */
export class PixelReader {
  private canvas: HTMLCanvasElement | null = null;

  read(frame: Frame): RgbaImage {
    const scale = Math.min(1, MAX_SIDE_PX / Math.max(frame.widthPx, frame.heightPx));
    const widthPx = Math.max(1, Math.round(frame.widthPx * scale));
    const heightPx = Math.max(1, Math.round(frame.heightPx * scale));
    this.canvas ??= document.createElement('canvas');
    this.canvas.width = widthPx;
    this.canvas.height = heightPx;
    const ctx = this.canvas.getContext('2d', { willReadFrequently: true })!;
    ctx.drawImage(frame.pixels, 0, 0, widthPx, heightPx);
    return { data: ctx.getImageData(0, 0, widthPx, heightPx).data, widthPx, heightPx };
  }
}
