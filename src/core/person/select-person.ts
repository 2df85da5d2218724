import { FACE, POSE } from '../landmarks';
import type { FaceDetection, FrameSize, NormalizedLandmark, PoseDetection } from '../types';

/**
 * Where a person's head is in the frame and how big the person looks: normalized image coordinates
 * (0..1) for the head, and the shoulder width as a fraction of the frame's width.
 */
export interface PersonPosition {
  readonly headX: number;
  readonly headY: number;
  readonly shoulderWidthFraction: number;
}

/** How the judged person was chosen, so the UI can say whom it judges. */
export type PersonChoice =
  /** Nobody in frame. */
  | 'nobody'
  /** One person in frame. */
  | 'only'
  /** Several people: the one nearest the station's calibrated position. */
  | 'at-calibrated-position'
  /** Several people and no calibrated position: the one nearest the camera (largest). */
  | 'nearest-camera'
  /** People in frame, but none at the calibrated position: the post is empty. */
  | 'none-at-position';

/** Who was in frame and how the judged person was chosen. */
export interface PeopleInFrame {
  readonly choice: PersonChoice;
  /** How many people were seen (bodies, or faces when no body was found). */
  readonly count: number;
  /** Everyone not judged, for the overlay (drawn dimmed, never judged). */
  readonly otherPoses: readonly PoseDetection[];
  readonly otherFaces: readonly FaceDetection[];
}

export interface PersonSelection {
  /** The judged person's body and face; null when not found. */
  readonly pose: PoseDetection | null;
  readonly face: FaceDetection | null;
  readonly people: PeopleInFrame;
}

export interface PersonSelectionConfig {
  /** A person counts as at the calibrated position when their head is within this many (calibrated) shoulder widths of it. */
  readonly personMaxOffsetShoulderWidths: number;
}

/** Shoulder width over face width for an adult (about 39 cm over 16 cm): a face alone still gives the body's scale. */
const SHOULDERS_PER_FACE_WIDTH = 2.4;
/** A face belongs to a body when its nose lies within this many shoulder widths of the body's nose. */
const FACE_TO_BODY_MAX_SHOULDER_WIDTHS = 0.5;

interface Placed<T> {
  readonly detection: T;
  readonly position: PersonPosition;
}

const finite = (...values: number[]): boolean => values.every(Number.isFinite);

/**
 * A head at `nose` and a span between `left` and `right` that is `shoulderWidthsPerSpan` shoulder widths
 * wide; null unless all three are finite.
 */
function positionFrom(
  nose: NormalizedLandmark | undefined,
  left: NormalizedLandmark | undefined,
  right: NormalizedLandmark | undefined,
  shoulderWidthsPerSpan: number,
  frame: FrameSize,
): PersonPosition | null {
  if (!nose || !left || !right || !finite(nose.x, nose.y, left.x, left.y, right.x, right.y)) return null;
  const spanPx = Math.hypot((left.x - right.x) * frame.widthPx, (left.y - right.y) * frame.heightPx);
  return { headX: nose.x, headY: nose.y, shoulderWidthFraction: (shoulderWidthsPerSpan * spanPx) / frame.widthPx };
}

/** A body's head position (its nose, seen or estimated: a head down on the counter hides it) and its shoulder width. */
export function posePosition(pose: PoseDetection, frame: FrameSize): PersonPosition | null {
  const { landmarks } = pose;
  return positionFrom(landmarks[POSE.nose], landmarks[POSE.leftShoulder], landmarks[POSE.rightShoulder], 1, frame);
}

/** A face's head position (nose tip) and the shoulder width its size implies. */
export function facePosition(face: FaceDetection, frame: FrameSize): PersonPosition | null {
  const { landmarks } = face;
  return positionFrom(landmarks[FACE.noseTip], landmarks[FACE.leftFaceSide], landmarks[FACE.rightFaceSide], SHOULDERS_PER_FACE_WIDTH, frame);
}

/** Distance between two heads in pixels. */
function headDistancePx(a: PersonPosition, b: PersonPosition, frame: FrameSize): number {
  return Math.hypot((a.headX - b.headX) * frame.widthPx, (a.headY - b.headY) * frame.heightPx);
}

function place<T>(detections: readonly T[], locate: (d: T, frame: FrameSize) => PersonPosition | null, frame: FrameSize): Placed<T>[] {
  return detections.flatMap((detection) => {
    const position = locate(detection, frame);
    return position ? [{ detection, position }] : [];
  });
}

const minBy = <T>(items: readonly T[], score: (item: T) => number): T | undefined =>
  items.reduce<T | undefined>((best, item) => (best === undefined || score(item) < score(best) ? item : best), undefined);

/**
 * The one person the rules judge. With a calibrated position, the person whose head is nearest it
 * (within `personMaxOffsetShoulderWidths`), else nobody: a customer leaning in or a colleague behind
 * is never judged. Without one, the person nearest the camera (the largest), who at a counter webcam
 * is the one sitting at it. Bodies decide; a face joins the body it belongs to.
 */
export function selectPerson(
  poses: readonly PoseDetection[],
  faces: readonly FaceDetection[],
  frame: FrameSize,
  calibrated: PersonPosition | null,
  config: PersonSelectionConfig,
): PersonSelection {
  const placedPoses = place(poses, posePosition, frame);
  const placedFaces = place(faces, facePosition, frame);
  const candidates: Placed<PoseDetection | FaceDetection>[] = placedPoses.length > 0 ? placedPoses : placedFaces;
  const count = candidates.length;
  const result = (chosen: Placed<PoseDetection | FaceDetection> | undefined, choice: PersonChoice): PersonSelection => {
    const pose = placedPoses.length > 0 ? ((chosen?.detection as PoseDetection | undefined) ?? null) : null;
    const face = pose ? faceOfBody(chosen!.position, placedFaces, frame) : ((chosen?.detection as FaceDetection | undefined) ?? null);
    const otherPoses = poses.filter((other) => other !== pose);
    return { pose, face, people: { choice, count, otherPoses, otherFaces: faces.filter((other) => other !== face) } };
  };
  if (count === 0) return result(undefined, 'nobody');
  if (calibrated) {
    const reachPx = config.personMaxOffsetShoulderWidths * calibrated.shoulderWidthFraction * frame.widthPx;
    const nearest = minBy(candidates, (c) => headDistancePx(c.position, calibrated, frame));
    return nearest && headDistancePx(nearest.position, calibrated, frame) <= reachPx
      ? result(nearest, count === 1 ? 'only' : 'at-calibrated-position')
      : result(undefined, 'none-at-position');
  }
  // A body whose shoulders the model does not see (a ghost in a poster or a screen, a cut-off passer-by) is
  // not the one nearest the camera, however wide its guessed shoulders.
  const seen = candidates.filter((c) => shouldersSeen(c.detection));
  const largest = minBy(seen.length > 0 ? seen : candidates, (c) => -c.position.shoulderWidthFraction);
  return result(largest, count === 1 ? 'only' : 'nearest-camera');
}

/** Shoulder visibility a body needs to count as clearly seen when choosing the one nearest the camera. */
const SHOULDER_SEEN_VISIBILITY_MIN = 0.5;

/** Both shoulders clearly seen; faces (no visibility) count as seen. */
function shouldersSeen(detection: PoseDetection | FaceDetection): boolean {
  if (!('worldLandmarks' in detection)) return true;
  const seen = (index: number) => (detection.landmarks[index]?.visibility ?? 0) >= SHOULDER_SEEN_VISIBILITY_MIN;
  return seen(POSE.leftShoulder) && seen(POSE.rightShoulder);
}

/** The face whose nose is nearest the body's, if near enough to be the same person's. */
function faceOfBody(body: PersonPosition, faces: readonly Placed<FaceDetection>[], frame: FrameSize): FaceDetection | null {
  const reachPx = FACE_TO_BODY_MAX_SHOULDER_WIDTHS * body.shoulderWidthFraction * frame.widthPx;
  const nearest = minBy(faces, (f) => headDistancePx(f.position, body, frame));
  return nearest && headDistancePx(nearest.position, body, frame) <= reachPx ? nearest.detection : null;
}
