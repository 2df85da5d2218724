import { describe, expect, it } from 'vitest';
import { dressNoHat } from '../rules/dress-no-hat';
import { groomingHairColorNatural } from '../rules/grooming-hair-color-natural';
import { computeAppearance } from './compute-appearance';
import type { PixelMask } from './pixel-sampling';
import { type TestFaceLayout, type TestFacePaint, makeTestFace, paintTestFace } from './test-face';
import { BLUE, BROWN, PINK, judgeWith } from './test-helpers';

/*
 * The head measures with a hand-made person mask over the painted test face (see test-face.ts: the head is an
 * ellipse 2.7 IOD wide, centred 0.3 IOD above the eyes, 3.1 IOD high; eye centres 50 px apart here).
 */

const LAYOUT: TestFaceLayout = { sizePx: 320, centerXPx: 160, centerYPx: 190, interocularPx: 50 };

/** A byte mask of the image: 255 where `inside(across, down)` (face frame, IOD), else 0. */
function maskWhere(inside: (across: number, down: number) => boolean): PixelMask {
  const size = LAYOUT.sizePx!;
  const data = new Uint8Array(size * size);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const across = (x + 0.5 - LAYOUT.centerXPx!) / LAYOUT.interocularPx!;
      const down = (y + 0.5 - LAYOUT.centerYPx!) / LAYOUT.interocularPx!;
      data[y * size + x] = inside(across, down) ? 255 : 0;
    }
  }
  return { data, widthPx: size, heightPx: size, maxValue: 255 };
}

/** The whole painted head (hair, hat, face) and the shoulders below it. */
const HEAD_MASK = maskWhere((a, d) => (a / 1.35) ** 2 + ((d + 0.3) / 1.55) ** 2 <= 1 || (d > 1.6 && Math.abs(a) < 2.5));
/** Only the face, up to the eyebrows: a segmenter that left the hair out. */
const FACE_ONLY_MASK = maskWhere((a, d) => (a / 1.12) ** 2 + ((d - 0.45) / 1.3) ** 2 <= 1 && d > -0.3);

const appearance = (paint: TestFacePaint, mask?: PixelMask) =>
  computeAppearance(paintTestFace({ ...LAYOUT, ...paint }), makeTestFace(LAYOUT), mask ? { personMask: { mask } } : {});

describe('head measures with a person mask', () => {
  it('fails a hat-coloured block above the forehead inside the person mask, over brown temples', () => {
    const measured = appearance({ hair: BROWN, hat: BLUE }, HEAD_MASK);
    const m = measured.headTop!;
    expect(m.personMaskUsed).toBe(1);
    expect(m.crownUnnaturalColorShare).toBeGreaterThan(0.5);
    expect(m.sideUnnaturalColorShare).toBeLessThan(0.05);
    // The outline's top: the painted head reaches 1.85 IOD above the eyes, the mesh top sits at 0.82.
    expect(m.silhouetteTopCutOff).toBe(0);
    expect(m.silhouetteTopAboveMeshTopIod).toBeCloseTo(1.03, 1);
    expect(m.silhouetteWidthAboveForeheadIod).toBeGreaterThan(2.3);
    expect(m.silhouetteWidthAboveForeheadIod).toBeLessThan(2.8);
    const verdict = judgeWith(dressNoHat, measured);
    expect(verdict.status).toBe('fail');
  });

  it('leaves a blue background out of the temples: brown hair passes instead of reading as one unnatural colour', () => {
    const paint = { hair: BROWN, background: BLUE };
    const unmasked = appearance(paint).headTop!;
    const masked = appearance(paint, HEAD_MASK).headTop!;
    expect(unmasked.personMaskUsed).toBe(0);
    expect(masked.personMaskUsed).toBe(1);
    expect(masked.sideUnnaturalColorShare).toBeLessThan(0.02);
    expect(masked.sideUnnaturalColorShare).toBeLessThan(unmasked.sideUnnaturalColorShare);
    expect(judgeWith(dressNoHat, appearance(paint, HEAD_MASK)).status).toBe('pass');
    expect(judgeWith(groomingHairColorNatural, appearance(paint, HEAD_MASK)).status).toBe('pass');
  });

  it('fails saturated pink hair inside the person mask', () => {
    const measured = appearance({ hair: PINK }, HEAD_MASK);
    expect(measured.hair!.personMaskUsed).toBe(1);
    expect(measured.hair!.hairUnnaturalColorShare).toBeGreaterThan(0.5);
    expect(judgeWith(groomingHairColorNatural, measured).status).toBe('fail');
  });

  it('reads the head unmasked when the mask leaves out what is over the forehead (dyed hair the segmenter missed)', () => {
    const measured = appearance({ hair: PINK }, FACE_ONLY_MASK);
    expect(measured.headTop!.matterAboveForeheadShare).toBeLessThan(0.1);
    expect(measured.hair!.personMaskUsed).toBe(0);
    expect(judgeWith(groomingHairColorNatural, measured).status).toBe('fail');
  });

  it('judges a small face with a mask that is too small to judge without one', () => {
    const small: TestFaceLayout = { sizePx: 128, centerXPx: 64, centerYPx: 76, interocularPx: 20 };
    // Same proportions as LAYOUT (the mask is read at relative positions), eye centres 20 px apart.
    const image = paintTestFace({ ...small, hair: BROWN, hat: BLUE });
    const withMask = computeAppearance(image, makeTestFace(small), { personMask: { mask: HEAD_MASK } });
    const without = computeAppearance(image, makeTestFace(small));
    expect(judgeWith(dressNoHat, without).evidence.reason).toBe('face too small to see the head');
    expect(judgeWith(dressNoHat, withMask).status).toBe('fail');
  });
});
