// Hard negatives drawn on a chest crop: things that are on chests but are not badges (shirt pockets,
// buttons and plackets, ties, collars, printed logos and graphics, necklaces, bag straps, pens, an empty
// lanyard), and a procedural shirt to widen the range of clothing beyond the real torsos.
import { ellipse, fillShape, makeImage, polygon, rect, segment } from './raster.mjs';

const shade = (c, f) => c.map((v) => Math.min(1, Math.max(0, v * f)));

export const DISTRACTORS = {
  pocket(image, rng, { shirt }) {
    const s = image.width;
    const w = s * rng.uniform(0.14, 0.24);
    const h = w * rng.uniform(0.9, 1.3);
    const x = s * (0.5 + (rng.chance(0.7) ? 1 : -1) * rng.uniform(0.1, 0.3)) - w / 2;
    const y = s * rng.uniform(0.25, 0.45);
    const line = shade(shirt, rng.uniform(0.6, 0.85));
    const t = rng.uniform(0.8, 1.8);
    for (const [a, b] of [[[x, y], [x, y + h]], [[x + w, y], [x + w, y + h]], [[x, y + h], [x + w, y + h]], [[x, y], [x + w, y]]]) {
      const seg = segment(a, b, t);
      fillShape(image, seg.bounds, seg.inside, line, rng.uniform(0.5, 1));
    }
    if (rng.chance(0.5)) {
      const flap = polygon([[x, y], [x + w, y], [x + w, y + h * 0.3], [x + w / 2, y + h * 0.4], [x, y + h * 0.3]]);
      fillShape(image, flap.bounds, flap.inside, shade(shirt, rng.uniform(0.85, 1.1)), 0.8);
    }
    if (rng.chance(0.3)) DISTRACTORS.pen(image, rng, { x: x + w * rng.uniform(0.2, 0.8), y });
  },
  pen(image, rng, at = null) {
    const s = image.width;
    const x = at?.x ?? s * rng.uniform(0.2, 0.8);
    const y = at?.y ?? s * rng.uniform(0.2, 0.5);
    const p = segment([x, y - s * 0.03], [x, y + s * rng.uniform(0.06, 0.12)], s * rng.uniform(0.015, 0.03));
    fillShape(image, p.bounds, p.inside, rng.hsv([0, 1], [0.05, 0.9]));
  },
  buttons(image, rng, { shirt }) {
    const s = image.width;
    const x = s * (0.5 + rng.uniform(-0.04, 0.04));
    if (rng.chance(0.7)) {
      const seam = segment([x - s * 0.02, 0], [x - s * 0.02, s], rng.uniform(0.7, 1.5));
      fillShape(image, seam.bounds, seam.inside, shade(shirt, 0.75), 0.7);
    }
    const colour = rng.chance(0.5) ? shade(shirt, rng.uniform(0.7, 1.3)) : rng.hsv([0, 0.3], [0.1, 1]);
    for (let y = s * rng.uniform(0.05, 0.2); y < s; y += s * rng.uniform(0.13, 0.2)) {
      const b = ellipse(x, y, s * 0.014, s * 0.014);
      fillShape(image, b.bounds, b.inside, colour);
    }
  },
  tie(image, rng) {
    const s = image.width;
    const x = s * (0.5 + rng.uniform(-0.03, 0.03));
    const w = s * rng.uniform(0.05, 0.08);
    const colour = rng.hsv([0.3, 1], [0.15, 0.8]);
    const knot = polygon([[x - w * 0.7, -2], [x + w * 0.7, -2], [x + w * 0.5, s * 0.08], [x - w * 0.5, s * 0.08]]);
    fillShape(image, knot.bounds, knot.inside, colour);
    const blade = polygon([[x - w * 0.5, s * 0.08], [x + w * 0.5, s * 0.08], [x + w * 1.1, s * 0.9], [x, s * 0.98], [x - w * 1.1, s * 0.9]]);
    const stripe = rng.hsv([0, 1], [0.3, 1]);
    const striped = rng.chance(0.5);
    fillShape(image, blade.bounds, blade.inside, striped ? (px, py) => (Math.floor((px + py) / (s * 0.04)) % 2 ? colour : stripe) : colour);
  },
  collar(image, rng) {
    const s = image.width;
    const colour = rng.chance(0.5) ? [0.95, 0.95, 0.95] : rng.hsv([0, 1], [0.2, 1]);
    const depth = s * rng.uniform(0.1, 0.3);
    for (const side of [-1, 1]) {
      const c = polygon([[s / 2, depth], [s / 2 + side * s * 0.18, -2], [s / 2 + side * s * 0.3, s * 0.02], [s / 2 + side * s * 0.05, depth * 1.05]]);
      fillShape(image, c.bounds, c.inside, colour);
    }
  },
  logo(image, rng) {
    const s = image.width;
    const r = s * rng.uniform(0.025, 0.07);
    const x = s * (0.5 + (rng.chance(0.7) ? 1 : -1) * rng.uniform(0.1, 0.3));
    const y = s * rng.uniform(0.2, 0.45);
    const colour = rng.hsv([0, 1], [0.2, 1]);
    const kind = rng.int(0, 3);
    const shape = kind === 0 ? ellipse(x, y, r, r * rng.uniform(0.5, 1)) : kind === 1 ? polygon([[x, y - r], [x + r, y + r], [x - r, y + r]]) : segment([x - r, y], [x + r, y + r * 0.3], r * 0.5);
    fillShape(image, shape.bounds, shape.inside, colour);
  },
  print(image, rng) {
    // a T-shirt graphic: blobs and lettering straight on the fabric, no card
    const s = image.width;
    const cx = s * rng.uniform(0.35, 0.65);
    const cy = s * rng.uniform(0.35, 0.6);
    for (let i = rng.int(2, 6); i > 0; i--) {
      const e = ellipse(cx + rng.normal() * s * 0.1, cy + rng.normal() * s * 0.08, s * rng.uniform(0.03, 0.12), s * rng.uniform(0.03, 0.1), rng.uniform(0, 3));
      fillShape(image, e.bounds, e.inside, rng.hsv([0, 1], [0.1, 1]));
    }
    const ink = rng.hsv([0, 1], [0, 1]);
    for (let i = rng.int(0, 3); i > 0; i--) {
      const y = cy + rng.uniform(-0.2, 0.2) * s;
      const l = segment([cx - s * rng.uniform(0.05, 0.2), y], [cx + s * rng.uniform(0.05, 0.2), y], s * rng.uniform(0.02, 0.05));
      fillShape(image, l.bounds, l.inside, ink);
    }
  },
  necklace(image, rng) {
    const s = image.width;
    const depth = s * rng.uniform(0.1, 0.4);
    const half = s * rng.uniform(0.08, 0.16);
    const colour = rng.chance(0.6) ? [0.85, 0.75, 0.4] : [0.8, 0.8, 0.82];
    let prev = null;
    for (let t = -1; t <= 1.001; t += 0.1) {
      const p = [s / 2 + t * half, depth * (1 - t * t)];
      if (prev) {
        const seg = segment(prev, p, s * 0.008 + 0.5);
        fillShape(image, seg.bounds, seg.inside, colour);
      }
      prev = p;
    }
    if (rng.chance(0.6)) {
      const e = ellipse(s / 2, depth + s * 0.02, s * 0.02, s * 0.028);
      fillShape(image, e.bounds, e.inside, colour);
    }
  },
  strap(image, rng) {
    const s = image.width;
    const side = rng.chance(0.5) ? 1 : -1;
    const seg = segment([s / 2 + side * s * 0.4, -4], [s / 2 - side * s * rng.uniform(0.1, 0.5), s + 4], s * rng.uniform(0.05, 0.1));
    fillShape(image, seg.bounds, seg.inside, rng.hsv([0, 1], [0.05, 0.6]));
  },
  heldObject(image, rng) {
    // a book, folder, tablet or phone held against the chest or belly, hands at its edges
    const s = image.width;
    const kind = rng.next();
    const w = s * (kind < 0.2 ? rng.uniform(0.1, 0.18) : rng.uniform(0.3, 0.7));
    const h = w * (kind < 0.2 ? rng.uniform(1.6, 2.1) : rng.uniform(0.7, 1.5));
    const cx = s * rng.uniform(0.25, 0.75);
    const cy = s * rng.uniform(0.55, 1.0);
    const angle = rng.uniform(-0.6, 0.6);
    const corners = [[-w / 2, -h / 2], [w / 2, -h / 2], [w / 2, h / 2], [-w / 2, h / 2]].map(([x, y]) => [
      cx + x * Math.cos(angle) - y * Math.sin(angle),
      cy + x * Math.sin(angle) + y * Math.cos(angle),
    ]);
    const cover = rng.chance(0.3) ? rng.hsv([0, 0.15], [0.8, 1]) : rng.hsv([0, 1], [0.1, 0.95]);
    const body = polygon(corners);
    fillShape(image, body.bounds, body.inside, cover);
    if (rng.chance(0.5)) {
      // title or screen content
      const t = polygon(corners.map(([x, y]) => [cx + (x - cx) * 0.6, cy + (y - cy) * 0.25 - h * 0.2]));
      fillShape(image, t.bounds, t.inside, rng.hsv([0, 1], [0, 1]));
    }
    if (rng.chance(0.4)) {
      const edge = segment(corners[0], corners[3], Math.max(1, w * 0.06));
      fillShape(image, edge.bounds, edge.inside, [0.95, 0.93, 0.88]);
    }
    const skin = rng.uniform(0.3, 0.95);
    for (let i = rng.int(1, 3); i > 0; i--) {
      const corner = rng.pick(corners);
      const hand = ellipse(corner[0] + rng.uniform(-0.1, 0.1) * s, corner[1] + rng.uniform(-0.1, 0.1) * s, s * rng.uniform(0.05, 0.09), s * rng.uniform(0.06, 0.1), rng.uniform(0, 3));
      fillShape(image, hand.bounds, hand.inside, [skin, skin * 0.8, skin * 0.66]);
    }
  },
  backpackStraps(image, rng) {
    const s = image.width;
    const colour = rng.hsv([0, 1], [0.05, 0.7]);
    const w = s * rng.uniform(0.06, 0.12);
    for (const side of rng.chance(0.7) ? [-1, 1] : [rng.chance(0.5) ? -1 : 1]) {
      const top = [s / 2 + side * s * rng.uniform(0.22, 0.38), -4];
      const bottom = [s / 2 + side * s * rng.uniform(0.25, 0.45), s + 4];
      const strap = segment(top, bottom, w);
      fillShape(image, strap.bounds, strap.inside, colour);
      if (rng.chance(0.4)) {
        const y = s * rng.uniform(0.4, 0.8);
        const buckle = rect(bottom[0] - w * 0.6 + (top[0] - bottom[0]) * (1 - y / s), y, w * 1.2, w * 0.6);
        fillShape(image, buckle.bounds, buckle.inside, rng.chance(0.5) ? [0.1, 0.1, 0.1] : [0.7, 0.7, 0.7]);
      }
    }
  },
  emptyLanyard(image, rng) {
    const s = image.width;
    const colour = rng.hsv([0.4, 1], [0.1, 0.9]);
    const w = s * rng.uniform(0.02, 0.045);
    const bottom = [s / 2 + rng.uniform(-0.1, 0.1) * s, s * rng.uniform(0.7, 1.1)];
    for (const dx of [-1, 1]) {
      const seg = segment([s / 2 + dx * s * rng.uniform(0.08, 0.18), -2], bottom, w);
      fillShape(image, seg.bounds, seg.inside, colour);
    }
  },
};

/** Held objects and backpack straps are common on real chests: drawn three times as often. */
const DISTRACTOR_NAMES = [...Object.keys(DISTRACTORS), 'heldObject', 'heldObject', 'backpackStraps', 'backpackStraps'];

export function drawDistractors(image, rng, context, count) {
  for (let i = 0; i < count; i++) DISTRACTORS[rng.pick(DISTRACTOR_NAMES)](image, rng, context);
}

/** A procedural chest: a shirt colour with shading and folds, skin at the neck, background past the shoulders. */
export function drawSyntheticTorso(size, rng) {
  const shirt = rng.chance(0.3) ? rng.hsv([0, 0.1], [0.05, 0.98]) : rng.hsv([0.1, 0.9], [0.1, 0.9]);
  const image = makeImage(size, size, rng.hsv([0, 0.4], [0.2, 1]));
  const body = polygon([[size * 0.02, size * 0.12], [size * 0.98, size * 0.12], [size * 1.1, size * 1.1], [size * -0.1, size * 1.1]]);
  const pattern = rng.int(0, 4);
  const stripe = rng.hsv([0, 1], [0.1, 1]);
  const period = size * rng.uniform(0.04, 0.12);
  const colourAt = (x, y) => {
    const shadeF = 1 - 0.25 * Math.abs(x / size - 0.5) - 0.1 * (y / size);
    let c = shirt;
    if (pattern === 1 && Math.floor(y / period) % 2) c = stripe;
    if (pattern === 2 && (Math.floor(x / period) + Math.floor(y / period)) % 2) c = stripe.map((v, i) => (v + shirt[i]) / 2);
    return c.map((v) => v * shadeF);
  };
  fillShape(image, body.bounds, body.inside, colourAt);
  const neck = ellipse(size / 2, size * 0.02, size * rng.uniform(0.1, 0.18), size * rng.uniform(0.08, 0.2));
  const skin = rng.uniform(0.3, 0.95);
  fillShape(image, neck.bounds, neck.inside, [skin, skin * 0.8, skin * 0.66]);
  for (let i = rng.int(0, 4); i > 0; i--) {
    const x = size * rng.uniform(0.1, 0.9);
    const fold = segment([x, size * rng.uniform(0.2, 0.6)], [x + size * rng.uniform(-0.2, 0.2), size * rng.uniform(0.7, 1)], size * rng.uniform(0.01, 0.04));
    fillShape(image, fold.bounds, fold.inside, shade(shirt, 0.7), 0.5);
  }
  return { image, shirt };
}
