import { boxArea, type NormalizedBox } from '../geometry/box';
import { FACE } from '../landmarks';
import { personWithoutLandmarks } from '../observations/person-without-landmarks';
import type { FaceDetection, ObjectDetection } from '../types';
import type { PersonSelection } from './select-person';

export interface HiddenNearerPersonConfig {
  /** A 'person' box from the object detector counts at this score (0..1) or above. */
  readonly personDetectionScoreMin: number;
  /** How many times the area of the found face's own person box a box must cover to be someone nearer the camera. */
  readonly hiddenNearerPersonAreaRatioMin: number;
}

const holds = (box: NormalizedBox, x: number, y: number): boolean =>
  x >= box.x && x <= box.x + box.width && y >= box.y && y <= box.y + box.height;

/**
 * Someone nearer the camera than the person whose face alone was found, seen only by the object detector:
 * a confident 'person' box at least `hiddenNearerPersonAreaRatioMin` times the area of the largest
 * confident box holding that face's nose tip, and not holding it itself. At a counter, the one at the post
 * with the head down on it (face and body hidden) while a colleague further back shows a face. Null when
 * there is none, or when no confident box holds the face (nothing to measure nearness against). Pure.
 */
export function hiddenNearerPerson(
  face: FaceDetection,
  objects: readonly ObjectDetection[],
  config: HiddenNearerPersonConfig,
): ObjectDetection | null {
  const nose = face.landmarks[FACE.noseTip];
  if (!nose || !Number.isFinite(nose.x) || !Number.isFinite(nose.y)) return null;
  const people = objects.filter((o) => o.label === 'person' && o.score >= config.personDetectionScoreMin);
  const ownArea = Math.max(0, ...people.filter((o) => holds(o.box, nose.x, nose.y)).map((o) => boxArea(o.box)));
  if (!(ownArea > 0)) return null;
  // A box that many times the face's own (the largest holding it) is larger than every box holding it, so the
  // largest box of all is the one to check: the same one the observations then judge as the hidden person.
  const largest = personWithoutLandmarks(people, config.personDetectionScoreMin);
  if (!largest || holds(largest.box, nose.x, nose.y)) return null;
  return boxArea(largest.box) >= config.hiddenNearerPersonAreaRatioMin * ownArea ? largest : null;
}

/** The selection once the judged person is a hidden one nearer the camera: no landmarks; the face found is someone else's. */
export function judgeHiddenNearerPerson(selection: PersonSelection): PersonSelection {
  const { people, face } = selection;
  return {
    pose: null,
    face: null,
    people: { ...people, choice: 'nearest-camera', count: people.count + 1, otherFaces: face ? [...people.otherFaces, face] : people.otherFaces },
  };
}
