import { describe, expect, it } from 'vitest';
import { makeFace } from '../observations/test-poses';
import type { FaceDetection, ObjectDetection } from '../types';
import { hiddenNearerPerson, judgeHiddenNearerPerson } from './hidden-nearer-person';

const CONFIG = { personDetectionScoreMin: 0.3, hiddenNearerPersonAreaRatioMin: 2 };

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
    expect(judgeHiddenNearerPerson(selection)).toEqual({
      pose: null,
      face: null,
      people: { choice: 'nearest-camera', count: 2, otherPoses: [], otherFaces: [farFace] },
    });
  });
});
