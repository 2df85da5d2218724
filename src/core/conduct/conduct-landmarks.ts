/**
 * Named face-mesh points, blendshapes and COCO labels the conduct signals read, so that code says
 * `CONDUCT_FACE_MESH.noseTip`, never `mesh[1]`. Face mesh: MediaPipe canonical face model (478 points with
 * irises); "right" and "left" are the person's own (on a camera image, the person's right is the image's left).
 * Heights below are on the canonical model, in face heights above the chin (forehead top 10 = 1).
 */
export const CONDUCT_FACE_MESH = {
  /** Top of the mesh on the upper forehead, below the hairline (1.0). */
  foreheadTop: 10,
  /** Upper forehead at the sides, the hairline at the temples (0.9). */
  rightTemple: 54,
  leftTemple: 284,
  /** Face edge at the cheekbones, in front of the ear's tragus (0.56). */
  rightFaceEdge: 234,
  leftFaceEdge: 454,
  /** Nose tip (0.48). */
  noseTip: 1,
  /** Mid-cheek beside the nose wing (0.45). */
  rightCheek: 205,
  leftCheek: 425,
  /** Inner upper and lower lip on the midline: their midpoint is the mouth centre (0.31). */
  upperLipInner: 13,
  lowerLipInner: 14,
  /** Chin (0). */
  chin: 152,
} as const;

export type ConductFaceMeshName = keyof typeof CONDUCT_FACE_MESH;

/** A face mesh needs at least this many points for the conduct targets. */
export const CONDUCT_FACE_MESH_MIN_POINTS = Math.max(...Object.values(CONDUCT_FACE_MESH)) + 1;

/**
 * Named eye points of the face mesh with irises (478 points), per eye, the person's own side: the eye
 * corners, the lid points at the middle of each lid, and the iris contour (four points, right/top/left/bottom
 * in mesh order, so 0-2 and 1-3 are diameters).
 */
export const CONDUCT_EYE_MESH = {
  right: { outerCorner: 33, innerCorner: 133, upperLid: 159, lowerLid: 145, irisContour: [469, 470, 471, 472] },
  left: { outerCorner: 263, innerCorner: 362, upperLid: 386, lowerLid: 374, irisContour: [474, 475, 476, 477] },
} as const;

/** A face mesh needs this many points (the iris points last) for the eye measures. */
export const CONDUCT_EYE_MESH_MIN_POINTS = 478;

/** MediaPipe face blendshape names (ARKit's), by what the conduct signals use them for. */
export const CONDUCT_BLENDSHAPES = {
  smile: ['mouthSmileLeft', 'mouthSmileRight'],
  eyeBlink: ['eyeBlinkLeft', 'eyeBlinkRight'],
  jawOpen: 'jawOpen',
  /** Gaze pairs, one per direction: both eyes turned the same way (an eye looks "in" toward the nose, "out" away from it). */
  gazeTowardPersonLeft: ['eyeLookOutLeft', 'eyeLookInRight'],
  gazeTowardPersonRight: ['eyeLookInLeft', 'eyeLookOutRight'],
  gazeUp: ['eyeLookUpLeft', 'eyeLookUpRight'],
  gazeDown: ['eyeLookDownLeft', 'eyeLookDownRight'],
} as const;

/** COCO labels of a phone. */
export const PHONE_LABELS: readonly string[] = ['cell phone'];

/** COCO labels of food and drink a person might bring to the mouth at a counter. */
export const FOOD_AND_DRINK_LABELS: readonly string[] = [
  'cup',
  'bottle',
  'wine glass',
  'bowl',
  'sandwich',
  'banana',
  'apple',
  'orange',
  'donut',
  'pizza',
  'cake',
  'hot dog',
];
