// Procedural work badges: a card texture (white, pastel or coloured; photo, name lines, logo, barcode,
// header band, border, rounded corners, plastic sleeve) and its placement on a chest crop, with a clip or a
// lanyard, lighting, sheen and partial occlusion. Everything is drawn from a seeded rng.
import { ellipse, fillShape, makeImage, polygon, rect, roundedRect, segment, warpTexture } from './raster.mjs';

const SKIN = [
  [0.96, 0.8, 0.69],
  [0.87, 0.67, 0.53],
  [0.76, 0.57, 0.45],
  [0.55, 0.38, 0.28],
  [0.36, 0.24, 0.17],
];

function mix(a, b, t) {
  return a.map((v, i) => v * (1 - t) + b[i] * t);
}

/** Card texture in its own pixels: { width, height, rgb (via image.data), alpha }. */
export function drawCardTexture(rng) {
  const portrait = rng.chance(0.7);
  const nameTag = rng.chance(0.15); // small pin-on name tag: wide and thin, no photo
  const long = portrait ? rng.uniform(1.35, 1.7) : rng.uniform(1.4, 1.7);
  const [width, height] = nameTag ? [96, Math.round(96 / rng.uniform(2.2, 3.5))] : portrait ? [64, Math.round(64 * long)] : [Math.round(64 * long), 64];
  const style = rng.next();
  const base = style < 0.55 ? rng.hsv([0, 0.06], [0.88, 1]) : style < 0.8 ? rng.hsv([0.1, 0.35], [0.8, 1]) : rng.hsv([0.4, 0.95], [0.25, 0.85]);
  const ink = rng.chance(0.8) ? rng.hsv([0, 0.5], [0, 0.3]) : rng.hsv([0.5, 1], [0.3, 0.7]);
  const accent = rng.hsv([0.5, 1], [0.35, 0.95]);
  const img = makeImage(width, height, base);
  const light = base[0] + base[1] + base[2] > 1.6;
  const text = light ? ink : rng.hsv([0, 0.1], [0.85, 1]);

  if (!nameTag && rng.chance(0.55)) {
    // header band, top (or bottom) with a logo blob
    const bandH = height * rng.uniform(0.12, 0.3);
    const atTop = rng.chance(0.8);
    const y = atTop ? 0 : height - bandH;
    const r = rect(0, y, width, bandH);
    fillShape(img, r.bounds, r.inside, accent);
    if (rng.chance(0.7)) {
      const e = ellipse(width * rng.uniform(0.15, 0.3), y + bandH / 2, bandH * 0.32, bandH * 0.32);
      fillShape(img, e.bounds, e.inside, rng.hsv([0, 0.3], [0.8, 1]));
    }
    drawTextLines(img, rng, width * 0.4, y + bandH * 0.3, width * 0.5, bandH * 0.4, rng.hsv([0, 0.1], [0.9, 1]), 1);
  }
  if (!nameTag && rng.chance(0.75)) {
    // photo: face oval and shoulders on a plain background
    const pw = (portrait ? width : height) * rng.uniform(0.35, 0.6);
    const ph = pw * rng.uniform(1.15, 1.35);
    const px = portrait ? (width - pw) / 2 + rng.uniform(-0.1, 0.1) * width : width * rng.uniform(0.06, 0.12);
    const py = portrait ? height * rng.uniform(0.22, 0.35) : (height - ph) / 2;
    const bg = rng.chance(0.5) ? [0.85, 0.88, 0.95] : rng.hsv([0, 0.5], [0.5, 1]);
    const r = rect(px, py, pw, ph);
    fillShape(img, r.bounds, r.inside, bg);
    const skin = rng.pick(SKIN);
    const shirt = rng.hsv([0, 1], [0.1, 0.8]);
    const body = ellipse(px + pw / 2, py + ph * 1.05, pw * 0.48, ph * 0.35);
    fillShape(img, { x0: px, y0: py, x1: px + pw, y1: py + ph }, (x, y) => body.inside(x, y) && r.inside(x, y), shirt);
    const hair = rng.hsv([0, 0.6], [0.05, 0.35]);
    const head = ellipse(px + pw / 2, py + ph * 0.42, pw * 0.26, ph * 0.24);
    fillShape(img, head.bounds, head.inside, skin);
    const top = ellipse(px + pw / 2, py + ph * 0.3, pw * 0.28, ph * 0.13);
    fillShape(img, top.bounds, top.inside, hair);
    const textX = portrait ? width * 0.12 : px + pw + width * 0.06;
    const textY = portrait ? py + ph + height * 0.05 : height * 0.25;
    const textW = portrait ? width * 0.76 : width - textX - width * 0.05;
    const textH = portrait ? height - textY - height * 0.06 : height * 0.6;
    drawTextLines(img, rng, textX, textY, textW, textH, text, rng.int(2, 5));
  } else {
    drawTextLines(img, rng, width * 0.1, height * 0.2, width * 0.8, height * 0.6, text, nameTag ? rng.int(1, 3) : rng.int(3, 7));
  }
  if (!nameTag && rng.chance(0.2)) {
    // barcode
    const bx = width * 0.15;
    const by = height * 0.84;
    let x = bx;
    while (x < width * 0.85) {
      const w = rng.uniform(0.5, 2);
      if (rng.chance(0.6)) {
        const r = rect(x, by, w, height * 0.1);
        fillShape(img, r.bounds, r.inside, [0.05, 0.05, 0.05]);
      }
      x += w + rng.uniform(0.5, 1.5);
    }
  }
  if (rng.chance(0.35)) {
    // border frame
    const t = rng.uniform(1.5, 4);
    const c = rng.chance(0.5) ? accent : ink;
    const outer = rect(0, 0, width, height);
    fillShape(img, outer.bounds, (x, y) => x < t || y < t || x > width - t || y > height - t, c);
  }
  if (!nameTag && rng.chance(0.4)) {
    // slot punched for the clip
    const s = roundedRect(width * 0.38, height * 0.03, width * 0.24, height * 0.03 + 2, 2);
    fillShape(img, s.bounds, s.inside, [0.3, 0.3, 0.3]);
  }
  const alpha = new Float32Array(width * height);
  const corner = roundedRect(0, 0, width, height, rng.uniform(0, 0.12) * Math.min(width, height));
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) alpha[y * width + x] = corner.inside(x + 0.5, y + 0.5) ? 1 : 0;
  return { width, height, rgb: img.data, alpha, nameTag };
}

function drawTextLines(img, rng, x, y, w, h, color, count) {
  if (!(w >= 2 && h >= 2)) return; // no room left on the card
  const lineH = h / Math.max(count, 1);
  for (let i = 0; i < count; i++) {
    const thick = lineH * rng.uniform(0.25, 0.55) * (i === 0 ? 1.3 : 1);
    const len = w * rng.uniform(0.35, 1);
    const cx = rng.chance(0.5) ? x : x + (w - len) / 2;
    const cy = y + i * lineH + (lineH - thick) / 2;
    // words: short dashes with gaps, like text seen from afar
    let px = cx;
    while (px < cx + len) {
      const word = Math.max(Math.min(rng.uniform(thick * 1.5, thick * 5), cx + len - px), 0.5);
      const r = rect(px, cy, word, thick);
      fillShape(img, r.bounds, r.inside, color, rng.uniform(0.7, 1));
      px += word + thick * rng.uniform(0.5, 1);
    }
  }
}

const STRAP_COLOURS = [
  [0.1, 0.2, 0.6],
  [0.75, 0.1, 0.1],
  [0.08, 0.08, 0.08],
  [0.1, 0.5, 0.25],
  [0.95, 0.95, 0.95],
  [0.95, 0.6, 0.1],
];

/**
 * Draws one badge onto a square crop image (size = crop side, pixels). Returns the card's visible
 * coverage map (Float32Array of size*size, 0..1) for the heatmap label.
 */
export function drawBadge(image, rng, { shirt }) {
  const size = image.width;
  const texture = drawCardTexture(rng);
  const coverage = new Float32Array(size * size);
  // size on the chest: an ID card is ~0.15..0.28 of the chest crop wide, a name tag ~0.15..0.3
  const cardW = size * (texture.nameTag ? rng.uniform(0.13, 0.3) : rng.uniform(0.09, 0.3)) * (texture.width > texture.height ? 1.3 : 1);
  const cardH = (cardW * texture.height) / texture.width;
  const mode = texture.nameTag ? 'pin' : rng.pick(['lanyard', 'lanyard', 'clip', 'clip', 'pin']);
  let cx;
  let cy;
  if (mode === 'lanyard') {
    cx = size * (0.5 + rng.uniform(-0.12, 0.12));
    cy = size * rng.uniform(0.3, 0.88);
  } else {
    const side = rng.chance(0.7) ? 1 : -1; // a pocket clip on either chest, mostly the image right (person's left)
    cx = size * (0.5 + side * rng.uniform(0.05, 0.3));
    cy = size * rng.uniform(0.18, 0.5);
  }
  const angle = (rng.uniform(-1, 1) * (mode === 'lanyard' ? 25 : 15) * Math.PI) / 180;
  const persp = () => rng.uniform(-0.07, 0.07) * cardW;
  const corners = [
    [-cardW / 2, -cardH / 2],
    [cardW / 2, -cardH / 2],
    [cardW / 2, cardH / 2],
    [-cardW / 2, cardH / 2],
  ].map(([x, y]) => {
    const px = x + persp();
    const py = y + persp();
    return [cx + px * Math.cos(angle) - py * Math.sin(angle), cy + px * Math.sin(angle) + py * Math.cos(angle)];
  });
  const topMid = [(corners[0][0] + corners[1][0]) / 2, (corners[0][1] + corners[1][1]) / 2];

  if (mode === 'lanyard') {
    const strap = rng.pick(STRAP_COLOURS).map((v) => Math.min(1, Math.max(0, v + rng.uniform(-0.08, 0.08))));
    const w = size * rng.uniform(0.02, 0.045);
    const neckY = rng.uniform(-0.05, 0.1) * size;
    const spread = size * rng.uniform(0.08, 0.18);
    const join = [topMid[0], topMid[1] - cardH * rng.uniform(0.05, 0.25)];
    for (const dx of [-spread, spread]) {
      const s = segment([size / 2 + dx + rng.uniform(-3, 3), neckY], join, w);
      fillShape(image, s.bounds, s.inside, strap);
    }
    const hook = segment(join, topMid, Math.max(1.2, w * 0.4));
    fillShape(image, hook.bounds, hook.inside, [0.6, 0.6, 0.62]);
  }
  if (rng.chance(0.3)) {
    // clear plastic sleeve, a little larger than the card
    const grow = 1 + rng.uniform(0.06, 0.15);
    const sleeve = polygon(corners.map(([x, y]) => [cx + (x - cx) * grow, cy + (y - cy) * grow]));
    fillShape(image, sleeve.bounds, sleeve.inside, [0.92, 0.94, 0.96], rng.uniform(0.15, 0.4), coverage);
  }
  const light = rng.uniform(0.6, 1.08);
  const tint = [0, 1, 2].map(() => light * rng.uniform(0.92, 1.05));
  warpTexture(image, texture, corners, { tint, coverage });
  if (mode === 'clip') {
    const cw = cardW * rng.uniform(0.15, 0.3);
    const c = rect(topMid[0] - cw / 2, topMid[1] - cardH * 0.12, cw, cardH * 0.16);
    fillShape(image, c.bounds, c.inside, rng.chance(0.5) ? [0.7, 0.7, 0.72] : rng.hsv([0, 0.8], [0.1, 0.9]));
  }
  if (rng.chance(0.35)) {
    // sheen: a bright band across the card
    const t = rng.uniform(0.2, 0.8);
    const a = [corners[0][0] * (1 - t) + corners[1][0] * t, corners[0][1] * (1 - t) + corners[1][1] * t];
    const b = [corners[3][0] * (1 - t) + corners[2][0] * t + rng.uniform(-cardW, cardW) * 0.4, corners[3][1] * (1 - t) + corners[2][1] * t];
    const s = segment(a, b, cardW * rng.uniform(0.1, 0.35));
    const card = polygon(corners);
    fillShape(image, s.bounds, (x, y) => s.inside(x, y) && card.inside(x, y), [1, 1, 1], rng.uniform(0.15, 0.45));
  }
  if (rng.chance(0.15)) {
    // partial occlusion: a hand, hair or a fold of clothing over a corner
    const colour = rng.chance(0.5) ? rng.pick(SKIN) : shirt;
    const corner = rng.pick(corners);
    const e = ellipse(corner[0], corner[1], cardW * rng.uniform(0.3, 0.6), cardH * rng.uniform(0.3, 0.5), rng.uniform(0, Math.PI));
    const hidden = new Float32Array(size * size);
    fillShape(image, e.bounds, e.inside, colour, 1, hidden);
    for (let i = 0; i < coverage.length; i++) coverage[i] *= 1 - hidden[i];
  }
  return coverage;
}

export { mix };
