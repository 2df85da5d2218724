import type { RgbaImage } from '../pixels/rgba-image';
import { degrees, toRadians } from '../units';

/** Test pictures for the badge matcher: plain data, drawn by hand (no files). */

export type Rgb = readonly [number, number, number];

/** A deterministic pseudo-random source (mulberry32), so the test pictures are the same every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A torso-like picture: a background, a shirt block (shoulders to hips) with a faint weave and noise of
 * +-`noise` grey levels, all in a `widthPx` x `heightPx` image.
 */
export function torsoImage(widthPx: number, heightPx: number, seed: number, shirt: Rgb = [70, 90, 120], noise = 12): RgbaImage {
  const random = seededRandom(seed);
  const data = new Uint8ClampedArray(widthPx * heightPx * 4);
  for (let y = 0; y < heightPx; y++) {
    for (let x = 0; x < widthPx; x++) {
      const onShirt = x > widthPx * 0.15 && x < widthPx * 0.85 && y > heightPx * 0.1;
      const base: Rgb = onShirt ? shirt : [200, 190, 170];
      const weave = onShirt ? ((x >> 2) + (y >> 2)) % 2 === 0 ? 6 : -6 : 0;
      const n = (random() - 0.5) * 2 * noise + weave;
      const i = (y * widthPx + x) * 4;
      data[i] = base[0] + n;
      data[i + 1] = base[1] + n;
      data[i + 2] = base[2] + n;
      data[i + 3] = 255;
    }
  }
  return { data, widthPx, heightPx };
}

/**
 * Paints a card badge into a copy of `image`: a coloured holder border, a white card with a photo square
 * and text lines, at pixel box (x, y, width, height), turned `tiltDeg` clockwise about its centre (a card
 * swinging on a lanyard). `style` 'b' draws another card (red holder, the photo on the other side, no text
 * lines): a different badge of the same size.
 */
export function withBadge(
  image: RgbaImage,
  box: { x: number; y: number; width: number; height: number },
  style: 'a' | 'b' = 'a',
  tiltDeg = 0,
): RgbaImage {
  const data = new Uint8ClampedArray(image.data);
  const holder: Rgb = style === 'a' ? [40, 80, 200] : [200, 40, 40];
  const centreX = box.x + box.width / 2;
  const centreY = box.y + box.height / 2;
  const reach = Math.hypot(box.width, box.height) / 2;
  const cos = Math.cos(toRadians(degrees(tiltDeg)));
  const sin = Math.sin(toRadians(degrees(tiltDeg)));
  for (let y = Math.floor(centreY - reach); y < Math.ceil(centreY + reach); y++) {
    for (let x = Math.floor(centreX - reach); x < Math.ceil(centreX + reach); x++) {
      if (x < 0 || y < 0 || x >= image.widthPx || y >= image.heightPx) continue;
      // the pixel centre turned back by the tilt, in the card's own coordinates (0..1 across it)
      const dx = x + 0.5 - centreX;
      const dy = y + 0.5 - centreY;
      const u = (dx * cos + dy * sin) / box.width + 0.5;
      const v = (-dx * sin + dy * cos) / box.height + 0.5;
      if (u < 0 || u >= 1 || v < 0 || v >= 1) continue;
      let colour: Rgb;
      if (u < 0.1 || u > 0.9 || v < 0.08 || v > 0.92) colour = holder;
      else if (style === 'a' && u > 0.2 && u < 0.5 && v > 0.2 && v < 0.5) colour = [150, 110, 90]; // photo
      else if (style === 'b' && u > 0.5 && u < 0.8 && v > 0.55 && v < 0.85) colour = [90, 150, 110];
      else if (style === 'a' && v > 0.6 && v < 0.85 && u > 0.2 && u < 0.8 && Math.floor(v * 30) % 3 === 0) colour = [30, 30, 30]; // text
      else colour = [245, 245, 240];
      const i = (y * image.widthPx + x) * 4;
      data[i] = colour[0];
      data[i + 1] = colour[1];
      data[i + 2] = colour[2];
    }
  }
  return { data, widthPx: image.widthPx, heightPx: image.heightPx };
}

/** Scales every pixel by `gain` (one for all channels, or red, green and blue: a coloured light) and adds `delta` grey levels (another light). */
export function relit(image: RgbaImage, gain: number | readonly [number, number, number], delta: number): RgbaImage {
  const [red, green, blue] = typeof gain === 'number' ? [gain, gain, gain] : gain;
  const data = new Uint8ClampedArray(image.data.length);
  for (let i = 0; i < data.length; i += 4) {
    data[i] = image.data[i]! * red + delta;
    data[i + 1] = image.data[i + 1]! * green + delta;
    data[i + 2] = image.data[i + 2]! * blue + delta;
    data[i + 3] = 255;
  }
  return { data, widthPx: image.widthPx, heightPx: image.heightPx };
}
