import type { RgbaImage } from '../pixels/rgba-image';
import type { NormalizedBox } from './normalized-box';

/**
 * Cuts `box` out of the image and resizes it to `sizePx` x `sizePx` RGB, values 0..1, row-major, 3 floats a pixel.
 * Each output pixel averages an n x n grid of bilinear samples (n grows with the shrink factor), so a large
 * photo is not aliased. The badge model is trained on crops made by this very function. Pure.
 */
export function cropToRgb(image: RgbaImage, box: NormalizedBox, sizePx: number): Float32Array {
  const { data, widthPx, heightPx } = image;
  if (data.length < widthPx * heightPx * 4) throw new Error('RgbaImage data is shorter than its size');
  const out = new Float32Array(sizePx * sizePx * 3);
  const x0 = box.x * widthPx;
  const y0 = box.y * heightPx;
  const stepX = (box.width * widthPx) / sizePx;
  const stepY = (box.height * heightPx) / sizePx;
  const n = Math.max(1, Math.min(8, Math.ceil(Math.max(stepX, stepY))));
  const weight = 1 / (255 * n * n);
  for (let oy = 0; oy < sizePx; oy++) {
    for (let ox = 0; ox < sizePx; ox++) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (let sy = 0; sy < n; sy++) {
        const y = clamp(y0 + (oy + (sy + 0.5) / n) * stepY - 0.5, 0, heightPx - 1);
        const yi = Math.min(Math.floor(y), heightPx - 2 < 0 ? 0 : heightPx - 2);
        const fy = heightPx > 1 ? y - yi : 0;
        for (let sx = 0; sx < n; sx++) {
          const x = clamp(x0 + (ox + (sx + 0.5) / n) * stepX - 0.5, 0, widthPx - 1);
          const xi = Math.min(Math.floor(x), widthPx - 2 < 0 ? 0 : widthPx - 2);
          const fx = widthPx > 1 ? x - xi : 0;
          const i00 = (yi * widthPx + xi) * 4;
          const i01 = widthPx > 1 ? i00 + 4 : i00;
          const i10 = heightPx > 1 ? i00 + widthPx * 4 : i00;
          const i11 = widthPx > 1 ? i10 + 4 : i10;
          const w00 = (1 - fx) * (1 - fy);
          const w01 = fx * (1 - fy);
          const w10 = (1 - fx) * fy;
          const w11 = fx * fy;
          r += data[i00]! * w00 + data[i01]! * w01 + data[i10]! * w10 + data[i11]! * w11;
          g += data[i00 + 1]! * w00 + data[i01 + 1]! * w01 + data[i10 + 1]! * w10 + data[i11 + 1]! * w11;
          b += data[i00 + 2]! * w00 + data[i01 + 2]! * w01 + data[i10 + 2]! * w10 + data[i11 + 2]! * w11;
        }
      }
      const o = (oy * sizePx + ox) * 3;
      out[o] = r * weight;
      out[o + 1] = g * weight;
      out[o + 2] = b * weight;
    }
  }
  return out;
}

const clamp = (value: number, min: number, max: number): number => Math.min(Math.max(value, min), max);
