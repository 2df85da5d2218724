// Hard negatives cut from real photos (the same torso sources, never the labelled badge photos): real hands
// (around the pose model's wrist and finger landmarks) and real-textured held objects (a book, folder or
// tablet is a rectangle with a photo-like cover, held by real hands at its edges). The first model fired on
// real hands and book corners held at the chest, which the flat synthetic hands and covers did not teach.
import { warpTexture } from './raster.mjs';

const HAND_LANDMARKS = [
  [15, 17, 19, 21],
  [16, 18, 20, 22],
];
const PATCH_PX = 32;

function toTexture(rgb, sizePx, soft) {
  const alpha = new Float32Array(sizePx * sizePx);
  for (let y = 0; y < sizePx; y++) {
    for (let x = 0; x < sizePx; x++) {
      const u = (x + 0.5) / sizePx - 0.5;
      const v = (y + 0.5) / sizePx - 0.5;
      // an elliptical soft edge for hands (the patch holds background around the hand), hard for covers
      alpha[y * sizePx + x] = soft ? Math.min(1, Math.max(0, (0.5 - Math.hypot(u, v)) / 0.12)) : 1;
    }
  }
  return { width: sizePx, height: sizePx, rgb, alpha };
}

/** Cuts the patch bank from torso sources [{ image, landmarks, chestBox }]: { hands, covers }. */
export function buildPatchBank(core, torsos, rng) {
  const hands = [];
  const covers = [];
  for (const torso of torsos) {
    const { image, landmarks } = torso;
    if (landmarks) {
      for (const ids of HAND_LANDMARKS) {
        const points = ids.map((i) => landmarks[i]).filter((p) => p && (p.visibility ?? 1) >= 0.5);
        if (points.length < 3) continue;
        const xs = points.map((p) => p.x * image.widthPx);
        const ys = points.map((p) => p.y * image.heightPx);
        const cx = (Math.min(...xs) + Math.max(...xs)) / 2;
        const cy = (Math.min(...ys) + Math.max(...ys)) / 2;
        const side = Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys), 8) * 1.8;
        if (side < 12) continue;
        const box = { x: (cx - side / 2) / image.widthPx, y: (cy - side / 2) / image.heightPx, width: side / image.widthPx, height: side / image.heightPx };
        if (box.x < 0 || box.y < 0 || box.x + box.width > 1 || box.y + box.height > 1) continue;
        hands.push(toTexture(core.cropToRgb(image, box, PATCH_PX), PATCH_PX, true));
      }
    }
    // random real texture from anywhere in the photo: book covers, screens and prints look like this
    for (let i = 0; i < 3; i++) {
      const w = rng.uniform(0.08, 0.4);
      const h = w * rng.uniform(0.6, 1.6) * (image.widthPx / image.heightPx);
      if (h >= 1) continue;
      const box = { x: rng.uniform(0, 1 - w), y: rng.uniform(0, 1 - h), width: w, height: h };
      covers.push(toTexture(core.cropToRgb(image, box, PATCH_PX), PATCH_PX, false));
    }
  }
  return { hands, covers };
}

function rotatedQuad(cx, cy, w, h, angle) {
  return [[-w / 2, -h / 2], [w / 2, -h / 2], [w / 2, h / 2], [-w / 2, h / 2]].map(([x, y]) => [
    cx + x * Math.cos(angle) - y * Math.sin(angle),
    cy + x * Math.sin(angle) + y * Math.cos(angle),
  ]);
}

export function drawRealHand(image, rng, bank, at = null) {
  if (bank.hands.length === 0) return;
  const s = image.width;
  const size = s * rng.uniform(0.16, 0.32);
  const cx = at?.[0] ?? s * rng.uniform(0.1, 0.9);
  const cy = at?.[1] ?? s * rng.uniform(0.35, 1.0);
  warpTexture(image, rng.pick(bank.hands), rotatedQuad(cx, cy, size, size, rng.uniform(-Math.PI, Math.PI)));
}

/** A book, folder or tablet with a real cover texture (sometimes a pale page block), held by 1..2 real hands. */
export function drawRealHeldObject(image, rng, bank) {
  if (bank.covers.length === 0) return;
  const s = image.width;
  const small = rng.chance(0.2);
  const w = s * (small ? rng.uniform(0.12, 0.22) : rng.uniform(0.28, 0.7));
  const h = w * (small ? rng.uniform(1.3, 2.0) : rng.uniform(0.7, 1.5));
  const cx = s * rng.uniform(0.2, 0.8);
  const cy = s * rng.uniform(0.45, 1.0);
  const angle = rng.uniform(-0.7, 0.7);
  const quad = rotatedQuad(cx, cy, w, h, angle);
  if (rng.chance(0.3)) {
    // page edges showing behind the cover
    warpTexture(image, { width: 1, height: 1, rgb: new Float32Array([0.93, 0.91, 0.86]), alpha: new Float32Array([1]) }, rotatedQuad(cx + w * 0.04, cy + h * 0.03, w, h, angle));
  }
  warpTexture(image, rng.pick(bank.covers), quad, { tint: [1, 1, 1].map(() => rng.uniform(0.8, 1.15)) });
  for (let i = rng.int(1, 3); i > 0; i--) {
    const corner = rng.pick(quad);
    drawRealHand(image, rng, bank, [corner[0] + rng.uniform(-0.08, 0.08) * s, corner[1] + rng.uniform(-0.08, 0.08) * s]);
  }
}
