import { describe, expect, it } from 'vitest';
import { makeFace, makePose } from '../observations/test-poses';
import type { FaceDetection, ObjectDetection, PoseDetection } from '../types';
import {
  findHiddenPerson,
  hiddenNearerPerson,
  hiddenPersonAtPosition,
  judgeHiddenPerson,
  largestPerson,
  mayHidePerson,
} from './hidden-person';
import { type PersonSelection, selectPerson } from './select-person';

const CONFIG = {
  personDetectionScoreMin: 0.3,
  hiddenNearerPersonAreaRatioMin: 2,
  personMaxOffsetShoulderWidths: 1.5,
  hiddenPersonWidthMinShoulderWidths: 1,
};
const FRAME = { widthPx: 640, heightPx: 480 };

/** A face far back, its nose tip at (0.8, 0.15). */
const farFace: FaceDetection = makeFace({ noseTip: { x: 0.8, y: 0.15, z: 0 } });
const person = (x: number, y: number, width: number, height: number, score = 0.5): ObjectDetection => ({
  label: 'person',
  score,
  box: { x, y, width, height },
});
/** The far face's own box: 0.2 x 0.4. */
const farPerson = person(0.7, 0.0, 0.2, 0.4);

describe('hiddenNearerPerson', () => {
  it('finds a confident person box at least twice the face’s own box, not holding the face', () => {
    const headDown = person(0.0, 0.35, 0.5, 0.6); // 0.30 against 0.08: head down at the counter
    expect(hiddenNearerPerson(farFace, [farPerson, headDown], CONFIG)).toBe(headDown);
  });

  it('not a box holding the face itself (the same person, whole body)', () => {
    const wholeBody = person(0.6, 0.0, 0.4, 1.0);
    expect(hiddenNearerPerson(farFace, [farPerson, wholeBody], CONFIG)).toBeNull();
  });

  it('not someone at about the same distance (under twice the area)', () => {
    const beside = person(0.1, 0.1, 0.25, 0.5); // 0.125 against 0.08
    expect(hiddenNearerPerson(farFace, [farPerson, beside], CONFIG)).toBeNull();
  });

  it('not a box under the score cut-off', () => {
    expect(hiddenNearerPerson(farFace, [farPerson, person(0.0, 0.35, 0.5, 0.6, 0.2)], CONFIG)).toBeNull();
  });

  it('nothing to compare with when no confident box holds the face', () => {
    expect(hiddenNearerPerson(farFace, [person(0.0, 0.35, 0.5, 0.6)], CONFIG)).toBeNull();
    expect(hiddenNearerPerson(farFace, [person(0.7, 0.0, 0.2, 0.4, 0.1), person(0.0, 0.35, 0.5, 0.6)], CONFIG)).toBeNull();
  });

  it('judged instead: no landmarks, and the face found joins the others', () => {
    const selection = { pose: null, face: farFace, people: { choice: 'only' as const, count: 1, otherPoses: [], otherFaces: [] } };
    expect(judgeHiddenPerson(selection, 'nearest-camera')).toEqual({
      pose: null,
      face: null,
      people: { choice: 'nearest-camera', count: 2, otherPoses: [], otherFaces: [farFace] },
    });
  });
});

describe('largestPerson', () => {
  it('picks the largest confident person and ignores other labels and weak boxes', () => {
    const found = largestPerson(
      [
        person(0, 0.5, 0.2, 0.2, 0.9),
        person(0.2, 0.4, 0.6, 0.6, 0.8),
        person(0, 0, 1, 1, 0.2),
        { label: 'chair', score: 0.99, box: { x: 0, y: 0, width: 0.9, height: 0.9 } },
      ],
      0.5,
    );
    expect(found?.box).toEqual({ x: 0.2, y: 0.4, width: 0.6, height: 0.6 });
    expect(largestPerson([{ label: 'cup', score: 0.9, box: { x: 0, y: 0, width: 0.1, height: 0.1 } }], 0.5)).toBeNull();
  });
});

/** The station's person sat with the head at (0.3, 0.3), shoulders 0.3 of the frame wide. */
const POST = { headX: 0.3, headY: 0.3, shoulderWidthFraction: 0.3 };
/** Head and arms down on the counter under the post: 0.5 wide. */
const headDownAtPost = person(0.05, 0.45, 0.5, 0.55);
/** A customer standing on the right, head at (0.8, 0.2), found by the pose model. */
const customerPose: PoseDetection = makePose({
  nose: { x: 0.8, y: 0.2, z: 0 },
  leftShoulder: { x: 0.9, y: 0.35, z: 0 },
  rightShoulder: { x: 0.7, y: 0.35, z: 0 },
});
const customerBox = person(0.6, 0.05, 0.4, 0.95);

describe('hiddenPersonAtPosition', () => {
  const customerHead = { headX: 0.8, headY: 0.2, shoulderWidthFraction: 0.2 };

  it('finds the box whose top is near the calibrated head, wide enough, holding no head that was found', () => {
    expect(hiddenPersonAtPosition(POST, [customerHead], [customerBox, headDownAtPost], FRAME, CONFIG)).toBe(headDownAtPost);
  });

  it('not a box elsewhere: the post is empty', () => {
    expect(hiddenPersonAtPosition(POST, [], [customerBox], FRAME, CONFIG)).toBeNull();
    // Under the post, but its top far below where a head down on the counter would be (a bag on a chair).
    expect(hiddenPersonAtPosition(POST, [], [person(0.05, 0.95, 0.5, 0.05)], FRAME, CONFIG)).toBeNull();
  });

  it('not a box holding a head that was found (that person is away from the post)', () => {
    const wideCustomer = person(0.1, 0.2, 0.9, 0.8);
    expect(hiddenPersonAtPosition(POST, [customerHead], [wideCustomer], FRAME, CONFIG)).toBeNull();
  });

  it('not a box reaching above the calibrated head: someone sitting up there, untracked, is not a head down', () => {
    const sittingUp = person(0.05, 0.15, 0.5, 0.85); // the top of the head above the calibrated nose (0.3)
    expect(hiddenPersonAtPosition(POST, [customerHead], [customerBox, sittingUp], FRAME, CONFIG)).toBeNull();
  });

  it('not a box narrower than the calibrated shoulders (an arm, a cut-off torso)', () => {
    expect(hiddenPersonAtPosition(POST, [], [person(0.2, 0.45, 0.2, 0.55)], FRAME, CONFIG)).toBeNull();
  });
});

describe('findHiddenPerson', () => {
  const select = (poses: PoseDetection[], faces: FaceDetection[], calibrated: typeof POST | null): PersonSelection =>
    selectPerson(poses, faces, FRAME, calibrated, { personMaxOffsetShoulderWidths: 1.5 });

  it('calibrated, a customer found away from the post and a head down at it: the head down is judged, the customer listed', () => {
    const selection = select([customerPose], [], POST);
    expect(selection.people.choice).toBe('none-at-position');
    const found = findHiddenPerson(selection, [customerBox, headDownAtPost], POST, FRAME, CONFIG);
    expect(found.person).toBe(headDownAtPost);
    expect(found.selection).toMatchObject({ pose: null, face: null, people: { choice: 'at-calibrated-position', count: 2 } });
    expect(found.selection.people.otherPoses).toEqual([customerPose]);
  });

  it('calibrated, a customer found away from the post and nobody at it: still nobody at the post', () => {
    const selection = select([customerPose], [], POST);
    expect(findHiddenPerson(selection, [customerBox], POST, FRAME, CONFIG)).toEqual({ person: null, selection });
  });

  it('calibrated and nothing found by the landmark models: only a box at the post counts', () => {
    const selection = select([], [], POST);
    expect(findHiddenPerson(selection, [customerBox], POST, FRAME, CONFIG).person).toBeNull();
    expect(findHiddenPerson(selection, [customerBox, headDownAtPost], POST, FRAME, CONFIG)).toEqual({ person: headDownAtPost, selection });
  });

  it('uncalibrated: an empty frame takes the largest box; a face alone, someone nearer; a body stands', () => {
    expect(findHiddenPerson(select([], [], null), [customerBox, headDownAtPost], null, FRAME, CONFIG).person).toBe(customerBox);
    const faceOnly = select([], [farFace], null);
    expect(findHiddenPerson(faceOnly, [farPerson, person(0.0, 0.35, 0.5, 0.6)], null, FRAME, CONFIG).selection.people.choice).toBe('nearest-camera');
    const body = select([customerPose], [], null);
    expect(mayHidePerson(body, null)).toBe(false);
    expect(findHiddenPerson(body, [headDownAtPost], null, FRAME, CONFIG)).toEqual({ person: null, selection: body });
  });

  it('nothing to find without an object check', () => {
    const selection = select([customerPose], [], POST);
    expect(findHiddenPerson(selection, null, POST, FRAME, CONFIG)).toEqual({ person: null, selection });
  });
});
