import { boxArea, type NormalizedBox } from '../geometry/box';
import { FACE } from '../landmarks';
import type { FaceDetection, FrameSize, ObjectDetection } from '../types';
import { facePosition, type PersonChoice, type PersonPosition, type PersonSelection, posePosition } from './select-person';

/*
 * The person at the post whom only the object detector sees: a head down on the counter hides the face and
 * most of the body from the landmark models, but not from a 'person' box. Three cases, by what the landmark
 * models found and whether the station knows where its person sits (`findHiddenPerson`).
 */

export interface HiddenPersonConfig {
  /** A 'person' box from the object detector counts at this score (0..1) or above. */
  readonly personDetectionScoreMin: number;
  /** How many times the area of the found face's own person box a box must cover to be someone nearer the camera. */
  readonly hiddenNearerPersonAreaRatioMin: number;
  /** How near the calibrated head, in its shoulder widths, a person's head must be to be at the post (`selectPerson`'s reach). */
  readonly personMaxOffsetShoulderWidths: number;
  /** Least width of a person box at the calibrated post, in the calibrated person's shoulder widths. */
  readonly hiddenPersonWidthMinShoulderWidths: number;
}

const holds = (box: NormalizedBox, x: number, y: number): boolean =>
  x >= box.x && x <= box.x + box.width && y >= box.y && y <= box.y + box.height;

const confidentPeople = (objects: readonly ObjectDetection[], scoreMin: number): ObjectDetection[] =>
  objects.filter((o) => o.label === 'person' && o.score >= scoreMin);

/** The largest confident 'person' box; null when there is none. */
export function largestPerson(objects: readonly ObjectDetection[], scoreMin: number): ObjectDetection | null {
  let largest: ObjectDetection | null = null;
  for (const person of confidentPeople(objects, scoreMin)) {
    if (!largest || boxArea(person.box) > boxArea(largest.box)) largest = person;
  }
  return largest;
}

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
  config: HiddenPersonConfig,
): ObjectDetection | null {
  const nose = face.landmarks[FACE.noseTip];
  if (!nose || !Number.isFinite(nose.x) || !Number.isFinite(nose.y)) return null;
  const people = confidentPeople(objects, config.personDetectionScoreMin);
  const ownArea = Math.max(0, ...people.filter((o) => holds(o.box, nose.x, nose.y)).map((o) => boxArea(o.box)));
  if (!(ownArea > 0)) return null;
  // A box that many times the face's own (the largest holding it) is larger than every box holding it, so the
  // largest box of all is the one to check.
  const largest = largestPerson(people, config.personDetectionScoreMin);
  if (!largest || holds(largest.box, nose.x, nose.y)) return null;
  return boxArea(largest.box) >= config.hiddenNearerPersonAreaRatioMin * ownArea ? largest : null;
}

/**
 * The person at the calibrated post, seen only by the object detector, with the head down: the largest
 * confident 'person' box whose top centre (where a head down on the counter is) lies below the calibrated
 * head and within `personMaxOffsetShoulderWidths` calibrated shoulder widths of it, as a found head must to
 * be judged; at least `hiddenPersonWidthMinShoulderWidths` of them wide; and holding no head the landmark
 * models found (those are other people, away from the post). A box reaching above the calibrated head is
 * someone sitting up there whom the models did not track (the camera's tracker held on to a customer):
 * not judged, as before. A customer standing elsewhere never makes the empty post look occupied; the staff
 * member's head down on the counter with a customer in view is not mistaken for an absence. Null when
 * there is none. Pure.
 */
export function hiddenPersonAtPosition(
  calibrated: PersonPosition,
  otherHeads: readonly PersonPosition[],
  objects: readonly ObjectDetection[],
  frame: FrameSize,
  config: HiddenPersonConfig,
): ObjectDetection | null {
  const shoulderWidthPx = calibrated.shoulderWidthFraction * frame.widthPx;
  const atPost = confidentPeople(objects, config.personDetectionScoreMin).filter(({ box }) => {
    const topCentreOffsetPx = Math.hypot(
      (box.x + box.width / 2 - calibrated.headX) * frame.widthPx,
      (box.y - calibrated.headY) * frame.heightPx,
    );
    return (
      box.y > calibrated.headY &&
      topCentreOffsetPx <= config.personMaxOffsetShoulderWidths * shoulderWidthPx &&
      box.width * frame.widthPx >= config.hiddenPersonWidthMinShoulderWidths * shoulderWidthPx &&
      !otherHeads.some((head) => holds(box, head.headX, head.headY))
    );
  });
  return largestPerson(atPost, config.personDetectionScoreMin);
}

/** The selection once the judged person is a hidden one among others found: no landmarks; every body and face found is another's. */
export function judgeHiddenPerson(selection: PersonSelection, choice: PersonChoice): PersonSelection {
  const { people, pose, face } = selection;
  return {
    pose: null,
    face: null,
    people: {
      ...people,
      choice,
      count: people.count + 1,
      otherPoses: pose ? [...people.otherPoses, pose] : people.otherPoses,
      otherFaces: face ? [...people.otherFaces, face] : people.otherFaces,
    },
  };
}

/** Whether the object detector should be asked for a hidden person on a frame with this selection. */
export function mayHidePerson(selection: PersonSelection, calibrated: PersonPosition | null): boolean {
  const { choice } = selection.people;
  return choice === 'nobody' || choice === 'none-at-position' || (!calibrated && !selection.pose && selection.face !== null);
}

export interface HiddenPersonFinding {
  /** The person box judged as the person at the post; null when the landmark models' choice stands. */
  readonly person: ObjectDetection | null;
  readonly selection: PersonSelection;
}

/**
 * The person at the post whom only the object detector sees, and the selection that judges them. With a
 * calibrated post and nobody found at it, the box at the post (`hiddenPersonAtPosition`). Without one: on an
 * empty frame, the largest confident box; with only a face, someone nearer the camera (`hiddenNearerPerson`).
 * A body found at the post, or uncalibrated anywhere, stands. Pure.
 */
export function findHiddenPerson(
  selection: PersonSelection,
  objects: readonly ObjectDetection[] | null,
  calibrated: PersonPosition | null,
  frame: FrameSize,
  config: HiddenPersonConfig,
): HiddenPersonFinding {
  const unchanged = { person: null, selection };
  if (!objects || !mayHidePerson(selection, calibrated)) return unchanged;
  const { people } = selection;
  if (calibrated) {
    const otherHeads = [
      ...people.otherPoses.map((pose) => posePosition(pose, frame)),
      ...people.otherFaces.map((face) => facePosition(face, frame)),
    ].filter((head): head is PersonPosition => head !== null);
    const person = hiddenPersonAtPosition(calibrated, otherHeads, objects, frame, config);
    if (!person) return unchanged;
    return { person, selection: people.count === 0 ? selection : judgeHiddenPerson(selection, 'at-calibrated-position') };
  }
  // Nobody found: 'nobody' stays the choice, the box alone says someone is there.
  if (people.choice === 'nobody') return { person: largestPerson(objects, config.personDetectionScoreMin), selection };
  const person = selection.face ? hiddenNearerPerson(selection.face, objects, config) : null;
  return person ? { person, selection: judgeHiddenPerson(selection, 'nearest-camera') } : unchanged;
}
