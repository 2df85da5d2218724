import { describe, expect, it } from 'vitest';
import type { FaceDetection, NormalizedLandmark } from '../types';
import { CONDUCT_EYE_MESH, CONDUCT_EYE_MESH_MIN_POINTS } from './conduct-landmarks';
import { lidGapIrisDiameters } from './eye-opening';

/* A 400 x 200 frame; points are placed in pixels and stored normalized, so the frame's proportions matter. */
const FRAME = { widthPx: 400, heightPx: 200 } as const;
type Pixel = { x: number; y: number };
type Eye = (typeof CONDUCT_EYE_MESH)[keyof typeof CONDUCT_EYE_MESH];

/** An eye centred at `centre`: corners 30 px apart, lids `gapPx` apart at the middle, an iris `irisPx` across; rotated by `tiltDeg`. */
function eyePoints(eye: Eye, centre: Pixel, gapPx: number, irisPx: number, tiltDeg = 0, outerOnImageLeft = true): Map<number, Pixel> {
  const angle = (tiltDeg * Math.PI) / 180;
  const place = (dx: number, dy: number): Pixel => ({
    x: centre.x + dx * Math.cos(angle) - dy * Math.sin(angle),
    y: centre.y + dx * Math.sin(angle) + dy * Math.cos(angle),
  });
  const side = outerOnImageLeft ? -1 : 1;
  const r = irisPx / 2;
  const [c0, c1, c2, c3] = eye.irisContour;
  return new Map([
    [eye.outerCorner, place(side * 15, 0)],
    [eye.innerCorner, place(-side * 15, 0)],
    [eye.upperLid, place(0, -gapPx / 2)],
    [eye.lowerLid, place(0, gapPx / 2)],
    [c0, place(r, 0)],
    [c1, place(0, -r)],
    [c2, place(-r, 0)],
    [c3, place(0, r)],
  ]);
}

function faceWith(points: Map<number, Pixel>, count = CONDUCT_EYE_MESH_MIN_POINTS): FaceDetection {
  const landmarks: NormalizedLandmark[] = Array.from({ length: count }, () => ({ x: 0.5, y: 0.5, z: 0 }));
  for (const [index, { x, y }] of points) if (index < count) landmarks[index] = { x: x / FRAME.widthPx, y: y / FRAME.heightPx, z: 0 };
  return { landmarks, blendshapes: {}, transformationMatrix: null };
}

const bothEyes = (rightGapPx: number, leftGapPx: number, irisPx = 12, tiltDeg = 0): Map<number, Pixel> =>
  new Map([
    // the person's right eye is on the image left: its outer corner is the left one
    ...eyePoints(CONDUCT_EYE_MESH.right, { x: 150, y: 100 }, rightGapPx, irisPx, tiltDeg, true),
    ...eyePoints(CONDUCT_EYE_MESH.left, { x: 250, y: 100 }, leftGapPx, irisPx, tiltDeg, false),
  ]);

describe('lidGapIrisDiameters', () => {
  it('is the lids’ distance at the eye middle over the iris diameter, the mean of both eyes', () => {
    expect(lidGapIrisDiameters(faceWith(bothEyes(6, 6)), FRAME)).toBeCloseTo(0.5, 6);
    expect(lidGapIrisDiameters(faceWith(bothEyes(3, 9)), FRAME)).toBeCloseTo(0.5, 6);
    expect(lidGapIrisDiameters(faceWith(bothEyes(1.2, 1.2)), FRAME)).toBeCloseTo(0.1, 6);
  });

  it('holds on a tilted head and at any face size', () => {
    expect(lidGapIrisDiameters(faceWith(bothEyes(6, 6, 12, 25)), FRAME)).toBeCloseTo(0.5, 6);
    expect(lidGapIrisDiameters(faceWith(bothEyes(6, 6, 12, -40)), FRAME)).toBeCloseTo(0.5, 6);
    expect(lidGapIrisDiameters(faceWith(bothEyes(12, 12, 24)), FRAME)).toBeCloseTo(0.5, 6);
  });

  it('reads a gap across the corner line only: lids shifted along the eye do not count', () => {
    const points = bothEyes(6, 6);
    const upper = points.get(CONDUCT_EYE_MESH.right.upperLid)!;
    points.set(CONDUCT_EYE_MESH.right.upperLid, { x: upper.x + 5, y: upper.y });
    expect(lidGapIrisDiameters(faceWith(points), FRAME)).toBeCloseTo(0.5, 6);
  });

  it('is null without the iris points or without a face; one eye serves when the other has no size', () => {
    expect(lidGapIrisDiameters(faceWith(bothEyes(6, 6), 468), FRAME)).toBeNull();
    expect(lidGapIrisDiameters(null, FRAME)).toBeNull();
    const points = bothEyes(6, 3);
    for (const index of CONDUCT_EYE_MESH.left.irisContour) points.set(index, { x: 250, y: 100 });
    expect(lidGapIrisDiameters(faceWith(points), FRAME)).toBeCloseTo(0.5, 6);
  });
});
