import { describe, expect, it } from 'vitest';
import { makePose } from '../observations/test-poses';
import { DEFAULT_CHEST_REGION_CONFIG } from './badge-config';
import { CHEST_REASONS, chestRegion, segmentLengthInside } from './chest-region';

const FRAME = { widthPx: 1000, heightPx: 1000 };
const FACE = {
  leftEye: { x: 0.52, y: 0.25, z: 0 },
  rightEye: { x: 0.48, y: 0.25, z: 0 },
  mouthLeft: { x: 0.51, y: 0.29, z: 0 },
  mouthRight: { x: 0.49, y: 0.29, z: 0 },
};
// Square on: shoulders 200 px apart, face height (eyes to mouth) 40 px, hips 350 px below the shoulders.
const FRONTAL = {
  ...FACE,
  leftShoulder: { x: 0.6, y: 0.4, z: 0 },
  rightShoulder: { x: 0.4, y: 0.4, z: 0 },
  leftHip: { x: 0.57, y: 0.75, z: 0 },
  rightHip: { x: 0.43, y: 0.75, z: 0 },
};
const EPS = 1e-9;

const regionOf = (points: Parameters<typeof makePose>[0]) => chestRegion(makePose(points).landmarks, FRAME);

describe('chestRegion', () => {
  it('frontal: shoulders plus margins, down to the hips capped at 1.5 shoulder widths', () => {
    const { region } = regionOf(FRONTAL);
    expect(region).not.toBeNull();
    expect(region!.box.x).toBeCloseTo(0.38, 9);
    expect(region!.box.width).toBeCloseTo(0.24, 9);
    expect(region!.box.y).toBeCloseTo(0.39, 9);
    expect(region!.box.height).toBeCloseTo(0.31, 9); // min(350, 1.5 * 200) = 300 px, plus 10 px above
    expect(region!.shoulderWidthPx).toBeCloseTo(200, 9);
    expect(region!.hipsSeen).toBe(true);
    expect(region!.midlineX).toBeCloseTo(0.5, 9);
    expect(region!.shoulderSpanX).toBeCloseTo(0.2, 9); // the person's left is on the image right
    expect(region!.occlusion).toBeNull();
  });

  it('hips out of frame: extrapolates 1.35 shoulder widths down', () => {
    const { leftHip: _l, rightHip: _r, ...noHips } = FRONTAL;
    const { region } = regionOf(noHips);
    expect(region!.hipsSeen).toBe(false);
    expect(region!.box.y + region!.box.height).toBeCloseTo(0.67, 9);
    const below = regionOf({ ...noHips, leftHip: { x: 0.57, y: 1.2, z: 0 }, rightHip: { x: 0.43, y: 1.2, z: 0 } });
    expect(below.region!.hipsSeen).toBe(false);
  });

  it('turned body (shoulders narrow against the face) -> no region', () => {
    const turned = { ...FRONTAL, leftShoulder: { x: 0.54, y: 0.4, z: 0 }, rightShoulder: { x: 0.46, y: 0.4, z: 0 } };
    expect(regionOf(turned)).toEqual({ region: null, unknownReason: CHEST_REASONS.turned });
  });

  it('shoulders or face not seen -> no region, with the reason', () => {
    const { leftShoulder: _s, ...noShoulder } = FRONTAL;
    expect(regionOf(noShoulder).unknownReason).toBe(CHEST_REASONS.shouldersHidden);
    expect(chestRegion(null, FRAME).unknownReason).toBe(CHEST_REASONS.noPose);
  });

  it('face out of frame: judges the turn from the shoulders\' depth', () => {
    const { leftEye: _a, rightEye: _b, mouthLeft: _c, mouthRight: _d, ...headless } = FRONTAL;
    expect(regionOf(headless).region).not.toBeNull();
    const deep = { ...headless, leftShoulder: { x: 0.6, y: 0.4, z: 0.2 } }; // 200 px deeper: yaw 45 degrees
    expect(regionOf(deep).region).not.toBeNull();
    const side = { ...headless, leftShoulder: { x: 0.6, y: 0.4, z: 0.4 } }; // yaw 63 degrees
    expect(regionOf(side).unknownReason).toBe(CHEST_REASONS.turned);
  });

  it('chest mostly below the frame -> no region', () => {
    const low = Object.fromEntries(Object.entries(FRONTAL).map(([k, p]) => [k, { ...p, y: p.y + 0.55 }]));
    const { leftHip: _l, rightHip: _r, ...noHips } = low;
    expect(regionOf(noHips).unknownReason).toBe(CHEST_REASONS.outOfFrame);
  });

  it('a forearm across the chest is reported as occlusion; hands on the counter are not', () => {
    const across = { ...FRONTAL, leftElbow: { x: 0.62, y: 0.6, z: 0 }, leftWrist: { x: 0.42, y: 0.5, z: 0 } };
    expect(regionOf(across).region!.occlusion).toBe(CHEST_REASONS.armAcross);
    const partial = { ...FRONTAL, leftElbow: { x: 0.66, y: 0.55, z: 0 }, leftWrist: { x: 0.58, y: 0.5, z: 0 } };
    expect(regionOf(partial).region!.occlusion).toBeNull(); // a hand reaching in at the side hides little
    const counter = { ...FRONTAL, leftElbow: { x: 0.6, y: 0.85, z: 0 }, leftWrist: { x: 0.45, y: 0.9, z: 0 } };
    expect(regionOf(counter).region!.occlusion).toBeNull();
    const hidden = { ...FRONTAL, leftElbow: { x: 0.62, y: 0.6, z: 0, visibility: 0.1 }, leftWrist: { x: 0.42, y: 0.5, z: 0 } };
    expect(regionOf(hidden).region!.occlusion).toBeNull();
  });

  it('uses true pixel proportions on a wide frame', () => {
    const wide = chestRegion(makePose(FRONTAL).landmarks, { widthPx: 2000, heightPx: 1000 });
    expect(wide.region!.shoulderWidthPx).toBeCloseTo(400, 9);
    expect(DEFAULT_CHEST_REGION_CONFIG.shoulderToFaceHeightMinRatio).toBeGreaterThan(0);
  });
});

describe('segmentLengthInside', () => {
  const rect = { x0: 0, x1: 10, y0: 0, y1: 10 };
  it('clips a segment to a rectangle', () => {
    expect(segmentLengthInside({ x: -5, y: 5 }, { x: 15, y: 5 }, rect)).toBeCloseTo(10, 9);
    expect(segmentLengthInside({ x: 2, y: 2 }, { x: 5, y: 6 }, rect)).toBeCloseTo(5, 9);
    expect(segmentLengthInside({ x: -5, y: -5 }, { x: -1, y: 20 }, rect)).toBeLessThan(EPS);
  });
});
