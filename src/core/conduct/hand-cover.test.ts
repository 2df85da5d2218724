import { describe, expect, it } from 'vitest';
import { makePose } from '../observations/test-poses';
import type { FaceDetection, HandDetection, NormalizedLandmark } from '../types';
import type { FaceTargets } from './face-targets';
import { convexHull, handCoveredTarget, handSearchRegion, insideConvex, handDetectorWanted } from './hand-cover';

const FRAME = { widthPx: 200, heightPx: 100 } as const;
const px = (x: number, y: number) => ({ x, y });

/** A face's targets in pixels: mouth (100, 60), nose (100, 45), ears at x 70 and 130, hair (100, 10), chin (100, 75). */
const TARGETS: FaceTargets = {
  source: 'face-mesh',
  faceHeightPx: 70,
  mouthPx: px(100, 60),
  points: [
    { target: 'mouth', pointPx: px(100, 60) },
    { target: 'nose', pointPx: px(100, 45) },
    { target: 'ear', pointPx: px(70, 40) },
    { target: 'ear', pointPx: px(130, 40) },
    { target: 'hair', pointPx: px(100, 10) },
    { target: 'chin', pointPx: px(100, 75) },
    { target: 'cheek', pointPx: px(85, 50) },
  ],
  regionPx: { left: 70, top: 10, right: 130, bottom: 75 },
};

/** A hand whose 21 points fill the pixel rectangle (corners and points along its edges). */
function handIn(left: number, top: number, right: number, bottom: number, score = 0.7): HandDetection {
  const landmarks: NormalizedLandmark[] = Array.from({ length: 21 }, (_, i) => {
    const t = (i % 5) / 4;
    const edge = Math.floor(i / 5) % 4;
    const [x, y] = [
      [left + t * (right - left), top],
      [right, top + t * (bottom - top)],
      [right - t * (right - left), bottom],
      [left, bottom - t * (bottom - top)],
    ][edge]!;
    return { x: x! / FRAME.widthPx, y: y! / FRAME.heightPx, z: 0 };
  });
  return { score, landmarks };
}

describe('convexHull and insideConvex', () => {
  it('keeps the outline of a square with points inside and on its edges', () => {
    const hull = convexHull([px(0, 0), px(10, 0), px(10, 10), px(0, 10), px(5, 5), px(5, 0), px(2, 3)]);
    expect(hull).toHaveLength(4);
    expect(insideConvex(hull, px(5, 5))).toBe(true);
    expect(insideConvex(hull, px(10, 5))).toBe(true);
    expect(insideConvex(hull, px(11, 5))).toBe(false);
    expect(insideConvex(hull, px(5, -0.1))).toBe(false);
  });

  it('has no inside with fewer than three points or all on a line', () => {
    expect(insideConvex(convexHull([px(0, 0), px(1, 1)]), px(0.5, 0.5))).toBe(false);
    expect(insideConvex(convexHull([px(0, 0), px(1, 1), px(2, 2)]), px(1, 1))).toBe(false);
  });
});

describe('handCoveredTarget', () => {
  it('names the grooming target inside a hand, mouth and nose before ear and hair', () => {
    expect(handCoveredTarget([handIn(90, 55, 110, 65)], TARGETS, FRAME, 0.6)).toBe('mouth');
    expect(handCoveredTarget([handIn(90, 40, 110, 50)], TARGETS, FRAME, 0.6)).toBe('nose');
    expect(handCoveredTarget([handIn(60, 30, 75, 50)], TARGETS, FRAME, 0.6)).toBe('ear');
    expect(handCoveredTarget([handIn(60, 30, 75, 50), handIn(90, 40, 110, 65)], TARGETS, FRAME, 0.6)).toBe('mouth');
  });

  it('is null for a hand on the chin or a cheek, a doubtful hand, or a hand with missing points', () => {
    expect(handCoveredTarget([handIn(90, 68, 110, 85)], TARGETS, FRAME, 0.6)).toBeNull();
    expect(handCoveredTarget([handIn(80, 47, 90, 53)], TARGETS, FRAME, 0.6)).toBeNull();
    expect(handCoveredTarget([handIn(90, 55, 110, 65, 0.5)], TARGETS, FRAME, 0.6)).toBeNull();
    const partial = handIn(90, 55, 110, 65);
    expect(handCoveredTarget([{ ...partial, landmarks: partial.landmarks.slice(0, 20) }], TARGETS, FRAME, 0.6)).toBeNull();
    expect(handCoveredTarget([], TARGETS, FRAME, 0.6)).toBeNull();
  });
});

describe('handSearchRegion', () => {
  const face = (points: [number, number][]): FaceDetection => ({
    landmarks: points.map(([x, y]) => ({ x: x / FRAME.widthPx, y: y / FRAME.heightPx, z: 0 })),
    blendshapes: {},
    transformationMatrix: null,
  });

  it('is a square in pixels on the face box centre, sides times its larger side', () => {
    // face box 80..120 x 30..80: 40 x 50 px, centre (100, 55); 2 face sizes = 100 px
    const region = handSearchRegion(face([[80, 30], [120, 80], [100, 55]]), FRAME, 2)!;
    expect(region.x * FRAME.widthPx).toBeCloseTo(50);
    expect(region.y * FRAME.heightPx).toBeCloseTo(5);
    expect(region.width * FRAME.widthPx).toBeCloseTo(100);
    expect(region.height * FRAME.heightPx).toBeCloseTo(100);
  });

  it('is null without a face or with a face of no size', () => {
    expect(handSearchRegion(null, FRAME, 2)).toBeNull();
    expect(handSearchRegion(face([[100, 50]]), FRAME, 2)).toBeNull();
  });
});

describe('handDetectorWanted', () => {
  // the pose's head on a 200 x 100 frame: eyes y 0.4, mouth corners y 0.6; face height 2.6 x 20 px = 52 px
  const head = {
    leftEye: { x: 0.55, y: 0.4, z: 0 },
    rightEye: { x: 0.45, y: 0.4, z: 0 },
    mouthLeft: { x: 0.53, y: 0.6, z: 0 },
    mouthRight: { x: 0.47, y: 0.6, z: 0 },
    leftShoulder: { x: 0.7, y: 0.95, z: 0 },
    rightShoulder: { x: 0.3, y: 0.95, z: 0 },
  };

  it('is true for a hand point within the limit of a face target, false for hands on the counter', () => {
    // the chin is placed 0.8 eye-to-mouth below the mouth (y 76 px): a wrist at y 99 px is 23 px = 0.44 face heights from it
    const near = makePose({ ...head, rightWrist: { x: 0.5, y: 0.99, z: 0 } });
    expect(handDetectorWanted(null, near, FRAME, 0.5, 1, 0.3)).toBe(true);
    expect(handDetectorWanted(null, near, FRAME, 0.5, 0.3, 0.2)).toBe(false);
    const far = makePose({ ...head, rightWrist: { x: 0.95, y: 0.99, z: 0 } });
    expect(handDetectorWanted(null, far, FRAME, 0.5, 1, 0.3)).toBe(false);
  });

  it('is false when the pose already puts the hand at a grooming target (its answer is taken first)', () => {
    // a wrist on the mouth's centre (x 100 px, y 60 px): 0 face heights from the mouth
    const atMouth = makePose({ ...head, rightWrist: { x: 0.5, y: 0.6, z: 0 } });
    expect(handDetectorWanted(null, atMouth, FRAME, 0.5, 1, 0.3)).toBe(false);
    // with a tighter "at" limit the pose does not decide, so the detector is wanted
    expect(handDetectorWanted(null, atMouth, FRAME, 0.5, 1, -1)).toBe(true);
  });

  it('asks the detector about a hand at a target whose shoulder is out of frame (a close-up of a face)', () => {
    const closeUp = makePose({ ...head, rightShoulder: { x: -0.2, y: 1.3, z: 0 }, rightWrist: { x: 0.5, y: 0.6, z: 0 } });
    expect(handDetectorWanted(null, closeUp, FRAME, 0.5, 1, 0.3)).toBe(true);
  });

  it('is false without a face or without hands', () => {
    expect(handDetectorWanted(null, makePose(head), FRAME, 0.5, 1, 0.3)).toBe(false);
    expect(handDetectorWanted(null, null, FRAME, 0.5, 1, 0.3)).toBe(false);
  });
});
