import { describe, expect, it } from 'vitest';
import { measureEyeRegions } from './measure-eye-regions';
import { LENS, BROWN } from './test-helpers';
import { makeTestLandmarks, paintTestFace } from './test-face';

const measure = (paint: Parameters<typeof paintTestFace>[0] = {}) =>
  measureEyeRegions(paintTestFace(paint), makeTestLandmarks(paint));

describe('measureEyeRegions', () => {
  it('sees bare skin under the eyes like the cheeks', () => {
    const m = measure({ hair: BROWN })!;
    expect(m.eyesMeasured).toBe(2);
    expect(m.eyeWidthPx).toBeCloseTo(35.2, 6);
    expect(m.cheekLuminance).toBeGreaterThan(150);
    expect(m.underEyeToCheekLuminanceRatio).toBeGreaterThan(0.9);
    expect(m.eyeSkinLikeShare).toBeGreaterThan(0.5);
    // The white of the eye beside a dark iris.
    expect(m.scleraToIrisLuminanceRatio).toBeGreaterThan(2);
    expect(m.faceYawAsymmetry).toBeCloseTo(0, 6);
  });

  it('sees a dark lens: dark, no skin colour, no eye detail', () => {
    const m = measure({ hair: BROWN, sunglasses: LENS })!;
    expect(m.underEyeToCheekLuminanceRatio).toBeLessThan(0.25);
    expect(m.eyeSkinLikeShare).toBeLessThan(0.05);
    expect(m.scleraToIrisLuminanceRatio).toBeLessThan(1.5);
  });

  it('sees the skin through clear glasses', () => {
    const m = measure({ hair: BROWN, clearGlasses: true })!;
    expect(m.underEyeToCheekLuminanceRatio).toBeGreaterThan(0.8);
    expect(m.eyeSkinLikeShare).toBeGreaterThan(0.4);
  });

  it('boxes the lens regions in normalized coordinates', () => {
    const m = measure()!;
    expect(m.eyeBoxX).toBeGreaterThan(0);
    expect(m.eyeBoxX + m.eyeBoxWidth).toBeLessThan(1);
    expect(m.eyeBoxY).toBeGreaterThan(0.4);
    expect(m.eyeBoxY + m.eyeBoxHeight).toBeLessThan(0.6);
  });

  it('measures only the nearer eye of a turned face', () => {
    const landmarks = makeTestLandmarks();
    // Squeeze the left eye to half its width, as yaw foreshortens it.
    const squeezed = landmarks.map((point, index) =>
      [263, 249, 390, 373, 374, 380, 381, 382, 362, 398, 384, 385, 386, 387, 388, 466].includes(index)
        ? { ...point, x: 0.625 + (point.x - 0.625) / 2 }
        : point,
    );
    expect(measureEyeRegions(paintTestFace(), squeezed)!.eyesMeasured).toBe(1);
  });

  it('is null when the eyes or cheeks are out of frame or the mesh is incomplete', () => {
    expect(measure({ centerYPx: -60 })).toBeNull();
    expect(measure({ interocularPx: 8 })).toBeNull();
    expect(measureEyeRegions(paintTestFace(), makeTestLandmarks().slice(0, 100))).toBeNull();
  });
});
