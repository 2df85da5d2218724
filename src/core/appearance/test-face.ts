import type { RgbaImage } from '../pixels/rgba-image';
import type { FaceDetection, NormalizedLandmark } from '../types';
import { FACE_MESH, FACE_MESH_POINT_COUNT } from './face-mesh-regions';

/*
 * A synthetic, hand-placed face for the appearance tests: landmarks at positions measured on real frontal
 * faces (in the face frame: origin between the eye centres, unit = their distance, IOD), and a painted
 * image with skin, eyes, brows and optional hair, hat, bangs and glasses. Colours are 0..255 RGB.
 */

export type Rgb = readonly [number, number, number];

export interface TestFaceLayout {
  /** Image size, pixels (square). Default 320. */
  readonly sizePx?: number;
  /** Mid-eye point, pixels. Default (160, 150). */
  readonly centerXPx?: number;
  readonly centerYPx?: number;
  /** Eye-centre distance, pixels. Default 80. */
  readonly interocularPx?: number;
  /** Moves the nose tip across, in IOD (a turned face). Default 0. */
  readonly noseShiftIod?: number;
}

export interface TestFacePaint extends TestFaceLayout {
  readonly skin?: Rgb;
  readonly background?: Rgb;
  /** Hair over the crown and beside the temples; none = a bald head (skin-coloured scalp). */
  readonly hair?: Rgb | null;
  /** A hat covering the crown (above the forehead), the temples keep the hair colour. */
  readonly hat?: Rgb | null;
  /** Bangs covering the forehead down over the eyebrows, in this colour. */
  readonly bangs?: Rgb | null;
  /** Dark lenses over the eyes, in this colour. */
  readonly sunglasses?: Rgb | null;
  /** Clear glasses: thin dark rims, the eyes and skin seen through. */
  readonly clearGlasses?: boolean;
  /** Multiplies every pixel (a dark or overexposed still). Default 1. */
  readonly brightness?: number;
  /** Noise amplitude per channel, 0..255. Default 6. */
  readonly noise?: number;
}

const DEFAULTS = { sizePx: 320, centerXPx: 160, centerYPx: 150, interocularPx: 80, noseShiftIod: 0 } as const;

/** Face-frame positions (across, down) in IOD, from the medians of real frontal faces. */
const FIXED_POINTS: Record<number, readonly [number, number]> = {
  [FACE_MESH.rightEyeOuterCorner]: [-0.72, 0],
  [FACE_MESH.rightEyeInnerCorner]: [-0.28, 0],
  [FACE_MESH.leftEyeInnerCorner]: [0.28, 0],
  [FACE_MESH.leftEyeOuterCorner]: [0.72, 0],
  [FACE_MESH.rightCheek]: [-0.4, 0.64],
  [FACE_MESH.leftCheek]: [0.4, 0.64],
  [FACE_MESH.rightFaceEdge]: [-1.12, 0.24],
  [FACE_MESH.leftFaceEdge]: [1.12, 0.24],
  21: [-1.06, -0.4],
  54: [-0.96, -0.57],
  103: [-0.81, -0.69],
  67: [-0.57, -0.77],
  109: [-0.31, -0.81],
  10: [0, -0.82],
  338: [0.31, -0.81],
  297: [0.57, -0.77],
  332: [0.81, -0.69],
  284: [0.96, -0.57],
  251: [1.06, -0.4],
  162: [-1.12, -0.21],
  127: [-1.14, 0.02],
  389: [1.12, -0.21],
  356: [1.14, 0.02],
  299: [0.51, -0.58],
  337: [0.27, -0.58],
  151: [0, -0.58],
  108: [-0.27, -0.58],
  69: [-0.51, -0.58],
};
const RIGHT_BROW_UPPER: readonly (readonly [number, number])[] = [
  [-0.93, -0.25],
  [-0.83, -0.34],
  [-0.69, -0.38],
  [-0.48, -0.36],
  [-0.24, -0.33],
];
const BROW_THICKNESS_IOD = 0.07;
const EYE_SEMI_IOD = [0.22, 0.08] as const;
const IRIS_RADIUS_IOD = 0.09;
const NOSE_TIP: readonly [number, number] = [0, 0.55];

/** Eye contour points (outer corner, lower lid, inner corner, upper lid) around an eye centre. */
function eyeContour(centreAcross: number, outward: 1 | -1): (readonly [number, number])[] {
  return Array.from({ length: 16 }, (_, k) => {
    const t = k <= 8 ? (k * Math.PI) / 8 : Math.PI + ((k - 8) * Math.PI) / 8;
    return [centreAcross + outward * EYE_SEMI_IOD[0] * Math.cos(t), EYE_SEMI_IOD[1] * Math.sin(t)] as const;
  });
}

/** 478 landmarks of the test face in the face frame (IOD units); unplaced points sit on the nose tip. */
function facePoints(noseShiftIod: number): (readonly [number, number])[] {
  const noseTip = [NOSE_TIP[0] + noseShiftIod, NOSE_TIP[1]] as const;
  const points: (readonly [number, number])[] = Array.from({ length: FACE_MESH_POINT_COUNT }, () => noseTip);
  for (const [index, point] of Object.entries(FIXED_POINTS)) points[Number(index)] = point;
  points[FACE_MESH.noseTip] = noseTip;
  eyeContour(-0.5, -1).forEach((point, k) => (points[FACE_MESH.rightEyeContour[k]!] = point));
  eyeContour(0.5, 1).forEach((point, k) => (points[FACE_MESH.leftEyeContour[k]!] = point));
  for (const [side, iris] of [
    [-0.5, FACE_MESH.rightIris],
    [0.5, FACE_MESH.leftIris],
  ] as const) {
    const [centre, ...rim] = iris;
    points[centre] = [side, 0];
    rim.forEach((index, k) => {
      const angle = (k * Math.PI) / 2;
      points[index] = [side + IRIS_RADIUS_IOD * Math.cos(angle), IRIS_RADIUS_IOD * Math.sin(angle)];
    });
  }
  RIGHT_BROW_UPPER.forEach(([across, down], k) => {
    points[FACE_MESH.rightBrowUpper[k]!] = [across, down];
    points[FACE_MESH.rightBrowLower[k]!] = [across, down + BROW_THICKNESS_IOD];
    points[FACE_MESH.leftBrowUpper[k]!] = [-across, down];
    points[FACE_MESH.leftBrowLower[k]!] = [-across, down + BROW_THICKNESS_IOD];
  });
  return points;
}

/** The test face's landmarks, normalized to the image. */
export function makeTestLandmarks(layout: TestFaceLayout = {}): NormalizedLandmark[] {
  const { sizePx, centerXPx, centerYPx, interocularPx, noseShiftIod } = { ...DEFAULTS, ...layout };
  return facePoints(noseShiftIod).map(([across, down]) => ({
    x: (centerXPx + across * interocularPx) / sizePx,
    y: (centerYPx + down * interocularPx) / sizePx,
    z: 0,
  }));
}

export function makeTestFace(layout: TestFaceLayout = {}): FaceDetection {
  return { landmarks: makeTestLandmarks(layout), blendshapes: {}, transformationMatrix: null };
}

/** A small deterministic generator (mulberry32), so tests are repeatable. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const insideEllipse = (a: number, d: number, ca: number, cd: number, sa: number, sd: number): boolean =>
  ((a - ca) / sa) ** 2 + ((d - cd) / sd) ** 2 <= 1;

/** The colour of the test face at (across, down), in IOD. */
function colorAt(across: number, down: number, paint: TestFacePaint): Rgb {
  const skin = paint.skin ?? [200, 150, 120];
  let color: Rgb = paint.background ?? [190, 200, 210];
  const onHead = insideEllipse(across, down, 0, -0.3, 1.35, 1.55);
  if (onHead) color = paint.hair ?? skin;
  if (paint.hat && onHead && down < -0.75) color = paint.hat;
  if (insideEllipse(across, down, 0, 0.45, 1.12, 1.3)) color = skin;
  // The upper forehead joins the crown: the face ellipse alone stops short of the mesh top.
  if (Math.abs(across) < 0.9 && down > -0.86 && down < 0 && insideEllipse(across, down, 0, -0.3, 1.35, 1.55)) {
    color = skin;
  }
  if (paint.hat && Math.abs(across) < 1.2 && down < -0.75 && onHead) color = paint.hat;
  const browAcross = Math.abs(across);
  if (browAcross >= 0.24 && browAcross <= 0.93) {
    // Brow band: from the nearest upper-edge point down BROW_THICKNESS.
    const nearest = RIGHT_BROW_UPPER.reduce((best, point) =>
      Math.abs(-point[0] - browAcross) < Math.abs(-best[0] - browAcross) ? point : best,
    );
    if (down >= nearest[1] && down <= nearest[1] + BROW_THICKNESS_IOD) color = [70, 50, 40];
  }
  for (const side of [-1, 1]) {
    if (insideEllipse(across, down, side * 0.5, 0, EYE_SEMI_IOD[0], EYE_SEMI_IOD[1])) {
      color = Math.hypot(across - side * 0.5, down) <= IRIS_RADIUS_IOD ? [60, 40, 30] : [235, 235, 232];
    }
  }
  if (paint.bangs && Math.abs(across) < 0.95 && down > -0.9 && down < -0.2) color = paint.bangs;
  for (const side of [-1, 1]) {
    const lens = insideEllipse(across, down, side * 0.5, 0.05, 0.3, 0.2);
    const rimOuter = insideEllipse(across, down, side * 0.5, 0.05, 0.32, 0.22);
    if (paint.sunglasses && (lens || rimOuter)) color = lens ? paint.sunglasses : [20, 20, 20];
    if (paint.clearGlasses && rimOuter && !lens) color = [30, 30, 30];
  }
  return color;
}

/** Paints the test face into a new RGBA image. */
export function paintTestFace(paint: TestFacePaint = {}, seed = 1): RgbaImage {
  const { sizePx, centerXPx, centerYPx, interocularPx } = { ...DEFAULTS, ...paint };
  const random = seededRandom(seed);
  const noise = paint.noise ?? 6;
  const brightness = paint.brightness ?? 1;
  const data = new Uint8ClampedArray(sizePx * sizePx * 4);
  for (let y = 0; y < sizePx; y++) {
    for (let x = 0; x < sizePx; x++) {
      const color = colorAt((x + 0.5 - centerXPx) / interocularPx, (y + 0.5 - centerYPx) / interocularPx, paint);
      const offset = (y * sizePx + x) * 4;
      for (let channel = 0; channel < 3; channel++) {
        data[offset + channel] = (color[channel]! + (random() * 2 - 1) * noise) * brightness;
      }
      data[offset + 3] = 255;
    }
  }
  return { data, widthPx: sizePx, heightPx: sizePx };
}
