import { describe, expect, it } from 'vitest';
import { loadCore } from './load-core.mjs';
import { makeImage } from './raster.mjs';
import { buildPatchBank, drawRealHand, drawRealHeldObject } from './real-patches.mjs';
import { makeRng } from './rng.mjs';

/** A 200 x 160 photo: grey, with a red "hand" square around (150, 120); pose landmarks put the right hand there. */
function torso() {
  const widthPx = 200;
  const heightPx = 160;
  const data = new Uint8Array(widthPx * heightPx * 4).fill(128);
  for (let y = 110; y < 130; y++) for (let x = 140; x < 160; x++) data.set([230, 40, 40, 255], (y * widthPx + x) * 4);
  const landmarks = Array.from({ length: 33 }, () => ({ x: 0.5, y: 0.5, z: 0, visibility: 0.1 }));
  for (const [i, x, y] of [[16, 145, 115], [18, 155, 118], [20, 152, 125], [22, 146, 124]]) landmarks[i] = { x: x / widthPx, y: y / heightPx, z: 0, visibility: 0.9 };
  return { image: { data, widthPx, heightPx }, landmarks, chestBox: { x: 0.2, y: 0.2, width: 0.6, height: 0.6 } };
}

describe('real patches (hard negatives from real photos)', () => {
  it('cuts hands only where the hand landmarks are seen, and covers from anywhere', async () => {
    const core = await loadCore();
    const bank = buildPatchBank(core, [torso()], makeRng(1));
    expect(bank.hands).toHaveLength(1); // the left hand's landmarks are not visible
    expect(bank.covers.length).toBeGreaterThan(0);
    const hand = bank.hands[0];
    const centre = (16 * hand.width + 16) * 3;
    expect(hand.rgb[centre]).toBeGreaterThan(0.8); // red at the centre: the hand itself
    expect(hand.rgb[centre + 1]).toBeLessThan(0.3);
    expect(hand.alpha[16 * hand.width + 16]).toBe(1);
    expect(hand.alpha[0]).toBe(0); // soft round edge: the background corners are left out
  });

  it('draws a held object and a hand into a chest crop, keeping values in 0..1', async () => {
    const core = await loadCore();
    const bank = buildPatchBank(core, [torso()], makeRng(2));
    const image = makeImage(96, 96, [0.1, 0.5, 0.9]);
    const rng = makeRng(3);
    drawRealHeldObject(image, rng, bank);
    drawRealHand(image, rng, bank);
    let changed = 0;
    for (let i = 0; i < image.data.length; i += 3) {
      if (Math.abs(image.data[i] - 0.1) > 0.02 || Math.abs(image.data[i + 2] - 0.9) > 0.02) changed++;
      for (let k = 0; k < 3; k++) expect(image.data[i + k]).toBeGreaterThanOrEqual(0);
    }
    expect(changed).toBeGreaterThan(96 * 96 * 0.03);
    expect(Math.max(...image.data)).toBeLessThanOrEqual(1.0001);
  });
});
