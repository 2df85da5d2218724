import { describe, expect, it } from 'vitest';
import { makeFace, makePose } from '../observations/test-poses';
import type { FaceDetection, PoseDetection } from '../types';
import { facePosition, type PersonPosition, posePosition, selectPerson } from './select-person';

const FRAME = { widthPx: 640, heightPx: 480 };
const CONFIG = { personMaxOffsetShoulderWidths: 1.5 };

/** A body whose nose is at (x, y) with shoulders `width` apart (fraction of the frame width) below it. */
function body(x: number, y: number, width: number): PoseDetection {
  return makePose({
    nose: { x, y, z: 0 },
    leftShoulder: { x: x + width / 2, y: y + 0.2, z: 0 },
    rightShoulder: { x: x - width / 2, y: y + 0.2, z: 0 },
  });
}

/** A face with its nose tip at (x, y), `width` wide (fraction of the frame width). */
function face(x: number, y: number, width: number): FaceDetection {
  return makeFace({
    noseTip: { x, y, z: 0 },
    leftFaceSide: { x: x + width / 2, y, z: 0 },
    rightFaceSide: { x: x - width / 2, y, z: 0 },
  });
}

describe('posePosition and facePosition', () => {
  it('place the head at the nose and scale by the shoulders', () => {
    expect(posePosition(body(0.4, 0.3, 0.3), FRAME)).toEqual({ headX: 0.4, headY: 0.3, shoulderWidthFraction: expect.closeTo(0.3, 6) });
  });

  it('estimate the shoulders from the face width', () => {
    expect(facePosition(face(0.5, 0.4, 0.1), FRAME)?.shoulderWidthFraction).toBeCloseTo(0.24, 6);
  });

  it('give no position without finite landmarks', () => {
    const broken = body(Number.NaN, 0.3, 0.3);
    expect(posePosition(broken, FRAME)).toBeNull();
  });
});

describe('selectPerson', () => {
  it('answers nobody for an empty frame', () => {
    const selection = selectPerson([], [], FRAME, null, CONFIG);
    expect(selection).toMatchObject({ pose: null, face: null, people: { choice: 'nobody', count: 0 } });
  });

  it('judges the only person, with the face that belongs to the body', () => {
    const staff = body(0.5, 0.35, 0.35);
    const staffFace = face(0.505, 0.36, 0.14);
    const selection = selectPerson([staff], [staffFace], FRAME, null, CONFIG);
    expect(selection).toMatchObject({ pose: staff, face: staffFace, people: { choice: 'only', count: 1 } });
  });

  it('without a calibrated position judges the person nearest the camera and lists the others', () => {
    const passerBy = body(0.2, 0.3, 0.12);
    const staff = body(0.6, 0.4, 0.4);
    const staffFace = face(0.6, 0.41, 0.16);
    const passerFace = face(0.2, 0.3, 0.05);
    const selection = selectPerson([passerBy, staff], [passerFace, staffFace], FRAME, null, CONFIG);
    expect(selection).toMatchObject({ pose: staff, face: staffFace, people: { choice: 'nearest-camera', count: 2 } });
    expect(selection.people.otherPoses).toEqual([passerBy]);
    expect(selection.people.otherFaces).toEqual([passerFace]);
  });

  it('with a calibrated position judges the person there, even when someone larger leans in', () => {
    const calibrated: PersonPosition = { headX: 0.3, headY: 0.35, shoulderWidthFraction: 0.3 };
    const staff = body(0.32, 0.4, 0.3);
    const customer = body(0.75, 0.3, 0.5);
    const selection = selectPerson([customer, staff], [], FRAME, calibrated, CONFIG);
    expect(selection).toMatchObject({ pose: staff, face: null, people: { choice: 'at-calibrated-position' } });
  });

  it('leaves the post empty when nobody is at the calibrated position', () => {
    const calibrated: PersonPosition = { headX: 0.3, headY: 0.35, shoulderWidthFraction: 0.3 };
    const colleague = body(0.85, 0.3, 0.25);
    const selection = selectPerson([colleague], [face(0.85, 0.3, 0.1)], FRAME, calibrated, CONFIG);
    expect(selection).toMatchObject({ pose: null, face: null, people: { choice: 'none-at-position', count: 1 } });
    expect(selection.people.otherPoses).toEqual([colleague]);
  });

  it('keeps judging a person who slumps within reach of the calibrated position', () => {
    const calibrated: PersonPosition = { headX: 0.5, headY: 0.3, shoulderWidthFraction: 0.3 };
    const slumped = body(0.52, 0.55, 0.3);
    expect(selectPerson([slumped], [], FRAME, calibrated, CONFIG).people.choice).toBe('only');
  });

  it('does not pair a body with a face far from its head', () => {
    const staff = body(0.3, 0.35, 0.3);
    const other = face(0.8, 0.35, 0.1);
    const selection = selectPerson([staff], [other], FRAME, null, CONFIG);
    expect(selection.face).toBeNull();
    expect(selection.people.otherFaces).toEqual([other]);
  });

  it('does not take a body whose shoulders are not seen for the one nearest the camera', () => {
    const staff = body(0.4, 0.35, 0.3);
    const ghost = makePose({
      nose: { x: 0.7, y: 0.3, z: 0, visibility: 0.2 },
      leftShoulder: { x: 0.95, y: 0.5, z: 0, visibility: 0.1 },
      rightShoulder: { x: 0.45, y: 0.5, z: 0, visibility: 0.2 },
    });
    expect(selectPerson([ghost, staff], [], FRAME, null, CONFIG)).toMatchObject({ pose: staff, people: { choice: 'nearest-camera', count: 2 } });
  });

  it('judges the largest face when no body is found', () => {
    const small = face(0.2, 0.3, 0.05);
    const large = face(0.6, 0.4, 0.2);
    expect(selectPerson([], [small, large], FRAME, null, CONFIG)).toMatchObject({ pose: null, face: large, people: { choice: 'nearest-camera' } });
  });
});
