import { describe, expect, it } from 'vitest';
import { faceGeometry } from './face-geometry';
import { headSegmentationBox, headSilhouette } from './head-silhouette';
import type { PixelMask } from './pixel-sampling';
import { type TestFaceLayout, makeTestLandmarks } from './test-face';

/*
 * Hand-made person masks around the synthetic test face (eye centres 50 px apart, eye midpoint at (160, 200)
 * in a 320 px square; the mesh top, point 10, sits 0.82 IOD above the eye line). Shapes are drawn in the
 * face frame: `across` to the person's left, `down` from the eye line, both in IOD.
 */

const LAYOUT: TestFaceLayout = { sizePx: 320, centerXPx: 160, centerYPx: 200, interocularPx: 50 };
const SIZE = 320;
const IOD = 50;

type Shape = (across: number, down: number) => boolean;

/** The head with hair: an ellipse 2.5 IOD wide reaching 1.9 IOD above the eyes (1.08 above point 10), and shoulders. */
const head: Shape = (across, down) =>
  (across / 1.25) ** 2 + ((down - 0) / (down < 0 ? 1.9 : 1.8)) ** 2 <= 1 || (down > 2 && Math.abs(across) < 3);
/** A wide-brimmed hat: a crown 2.2 IOD wide up to 3 IOD above the eyes, a brim 5.4 IOD wide at 1.1..1.3 above. */
const brimmedHat: Shape = (across, down) =>
  (Math.abs(across) <= 1.1 && down >= -3 && down <= -1.1) || (Math.abs(across) <= 2.7 && down >= -1.3 && down <= -1.1);

function maskOf(shapes: readonly Shape[], layout: TestFaceLayout = LAYOUT): PixelMask {
  const data = new Uint8Array(SIZE * SIZE);
  const cx = layout.centerXPx!;
  const cy = layout.centerYPx!;
  const iod = layout.interocularPx!;
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      const across = (x + 0.5 - cx) / iod;
      const down = (y + 0.5 - cy) / iod;
      data[y * SIZE + x] = shapes.some((inside) => inside(across, down)) ? 255 : 0;
    }
  }
  return { data, widthPx: SIZE, heightPx: SIZE, maxValue: 255 };
}

const image = { widthPx: SIZE, heightPx: SIZE };
const geometryOf = (layout: TestFaceLayout = LAYOUT) => faceGeometry(image, makeTestLandmarks(layout))!;

describe('headSilhouette', () => {
  it('measures a bare head with hair: its top about 1.08 IOD above the mesh top, 2.5 IOD wide', () => {
    const outline = headSilhouette(image, geometryOf(), maskOf([head]));
    expect(outline.topCutOff).toBe(false);
    expect(outline.topAboveMeshTopIod).toBeCloseTo(1.08, 1);
    expect(outline.widthAboveForeheadIod).toBeGreaterThan(2.2);
    expect(outline.widthAboveForeheadIod).toBeLessThan(2.7);
    expect(outline.widthCutOff).toBe(false);
    expect(outline.matterAboveForeheadShare).toBeGreaterThan(0.9);
  });

  it('sees a brimmed hat as a taller and far wider outline', () => {
    const outline = headSilhouette(image, geometryOf(), maskOf([head, brimmedHat]));
    expect(outline.topCutOff).toBe(false);
    expect(outline.topAboveMeshTopIod).toBeCloseTo(3 - 0.82, 1);
    expect(outline.widthAboveForeheadIod).toBeCloseTo(5.4, 0);
  });

  it('says the top is cut off when the head runs out of the image', () => {
    const high = { ...LAYOUT, centerYPx: 70 };
    const outline = headSilhouette(image, faceGeometry(image, makeTestLandmarks(high))!, maskOf([head], high));
    expect(outline.topCutOff).toBe(true);
    expect(outline.topAboveMeshTopIod).toBeNull();
    expect(outline.widthAboveForeheadIod).toBeNull();
  });

  it('finds no top over a forehead with no person above it (an empty mask)', () => {
    const outline = headSilhouette(image, geometryOf(), maskOf([]));
    expect(outline.topCutOff).toBe(false);
    expect(outline.topAboveMeshTopIod).toBeNull();
    expect(outline.matterAboveForeheadShare).toBe(0);
  });

  it('reads a mask that covers only a crop of the image through its box', () => {
    const geometry = geometryOf();
    const box = headSegmentationBox(geometry, image)!;
    // The crop: 6 IOD (300 px) square, from 3.8 IOD above the eyes to 2.2 below.
    expect(box.x * SIZE).toBeCloseTo(10, 0);
    expect(box.y * SIZE).toBeCloseTo(10, 0);
    expect((box.x + box.width) * SIZE).toBeCloseTo(310, 0);
    expect((box.y + box.height) * SIZE).toBeCloseTo(310, 0);
    const full = maskOf([head, brimmedHat]);
    const cropW = Math.round(box.width * SIZE);
    const cropH = Math.round(box.height * SIZE);
    const data = new Uint8Array(cropW * cropH);
    const x0 = Math.round(box.x * SIZE);
    const y0 = Math.round(box.y * SIZE);
    for (let y = 0; y < cropH; y++) for (let x = 0; x < cropW; x++) data[y * cropW + x] = full.data[(y + y0) * SIZE + x + x0]!;
    const outline = headSilhouette(image, geometry, { data, widthPx: cropW, heightPx: cropH, maxValue: 255, box });
    expect(outline.topAboveMeshTopIod).toBeCloseTo(3 - 0.82, 1);
    expect(outline.widthAboveForeheadIod).toBeCloseTo(5.4, 0);
  });

  it('clips the crop to the image', () => {
    const low = { ...LAYOUT, centerYPx: 260 };
    const box = headSegmentationBox(faceGeometry(image, makeTestLandmarks(low))!, image)!;
    expect((box.y + box.height) * SIZE).toBe(SIZE);
    expect(box.y * SIZE).toBeCloseTo(260 - 3.8 * IOD, 0);
  });
});
