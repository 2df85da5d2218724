import { describe, expect, it } from 'vitest';
import { faceGeometry, faceRollDeg, frameCoordinates, framePoint, insidePolygon } from './face-geometry';
import { makeTestLandmarks } from './test-face';

const SIZE = { widthPx: 320, heightPx: 320 };

describe('faceGeometry', () => {
  it('lays the face frame between the eyes, unit = interocular distance', () => {
    const geometry = faceGeometry(SIZE, makeTestLandmarks())!;
    expect(geometry.interocularPx).toBeCloseTo(80, 6);
    expect(geometry.face.originPx.x).toBeCloseTo(160, 6);
    expect(geometry.face.originPx.y).toBeCloseTo(150, 6);
    expect(geometry.rightEye.unitPx).toBeCloseTo(0.44 * 80, 6);
    expect(geometry.faceYawAsymmetry).toBeCloseTo(0, 6);
    expect(faceRollDeg(geometry)).toBeCloseTo(0, 6);
    // The eye frames point toward their outer corners and down the face.
    expect(geometry.rightEye.acrossUnit.x).toBeCloseTo(-1, 6);
    expect(geometry.leftEye.acrossUnit.x).toBeCloseTo(1, 6);
    expect(geometry.rightEye.downUnit.y).toBeCloseTo(1, 6);
  });

  it('maps frame coordinates to pixels and back', () => {
    const { face } = faceGeometry(SIZE, makeTestLandmarks())!;
    const point = framePoint(face, 0.5, -0.25);
    expect(point.x).toBeCloseTo(200, 9);
    expect(point.y).toBeCloseTo(130, 9);
    const back = frameCoordinates(face, point);
    expect(back.across).toBeCloseTo(0.5, 9);
    expect(back.down).toBeCloseTo(-0.25, 9);
  });

  it('measures a turned face by the nose between the face edges', () => {
    const geometry = faceGeometry(SIZE, makeTestLandmarks({ noseShiftIod: 0.5 }))!;
    expect(geometry.faceYawAsymmetry).toBeGreaterThan(0.3);
  });

  it('is null without the full mesh or with non-finite points', () => {
    expect(faceGeometry(SIZE, makeTestLandmarks().slice(0, 468))).toBeNull();
    const broken = makeTestLandmarks();
    broken[5] = { x: Number.NaN, y: 0, z: 0 };
    expect(faceGeometry(SIZE, broken)).toBeNull();
    expect(faceGeometry({ widthPx: 0, heightPx: 10 }, makeTestLandmarks())).toBeNull();
  });

  it('tests points against a polygon', () => {
    const square = [
      { x: 0, y: 0 },
      { x: 2, y: 0 },
      { x: 2, y: 2 },
      { x: 0, y: 2 },
    ];
    expect(insidePolygon({ x: 1, y: 1 }, square)).toBe(true);
    expect(insidePolygon({ x: 3, y: 1 }, square)).toBe(false);
  });
});
