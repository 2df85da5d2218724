/**
 * Face-mesh landmark groups the appearance measures read (MediaPipe face mesh, 478 points with irises;
 * indices as in MediaPipe's `FACE_LANDMARKS_*` connection sets). "Right" and "left" are the person's own:
 * on a camera image facing the person, the right eye lies on the image's left.
 */
export const FACE_MESH = {
  /** Eye-opening contour, outer corner first, lower lid then upper lid. */
  rightEyeContour: [33, 7, 163, 144, 145, 153, 154, 155, 133, 173, 157, 158, 159, 160, 161, 246],
  leftEyeContour: [263, 249, 390, 373, 374, 380, 381, 382, 362, 398, 384, 385, 386, 387, 388, 466],
  rightEyeOuterCorner: 33,
  rightEyeInnerCorner: 133,
  leftEyeOuterCorner: 263,
  leftEyeInnerCorner: 362,
  /** Iris centre then four points on the iris rim. */
  rightIris: [468, 469, 470, 471, 472],
  leftIris: [473, 474, 475, 476, 477],
  /** Upper edge of each eyebrow, outer end first. */
  rightBrowUpper: [70, 63, 105, 66, 107],
  leftBrowUpper: [300, 293, 334, 296, 336],
  /** Lower edge of each eyebrow, outer end first. */
  rightBrowLower: [46, 53, 52, 65, 55],
  leftBrowLower: [276, 283, 282, 295, 285],
  /** Mid-cheek, beside the nose wing: below even large spectacle lenses, above most beards. */
  rightCheek: 205,
  leftCheek: 425,
  noseTip: 1,
  /** Face edges at the cheekbones, on the image's left (person's right) and right. */
  rightFaceEdge: 234,
  leftFaceEdge: 454,
  /** Upper face outline, from the right temple over the forehead (10, the mesh top) to the left temple. */
  upperOutline: [21, 54, 103, 67, 109, 10, 338, 297, 332, 284, 251],
  /** Upper forehead strip: its upper edge on the outline (right to left), its lower edge through mid-forehead (left to right). */
  foreheadTop: [67, 109, 10, 338, 297],
  foreheadMiddle: [299, 337, 151, 108, 69],
  /** Face outline beside each temple, top to bottom. */
  rightTempleOutline: [21, 162, 127],
  leftTempleOutline: [251, 389, 356],
} as const;

/** Landmarks a face must have for the appearance measures: the full mesh with irises. */
export const FACE_MESH_POINT_COUNT = 478;
