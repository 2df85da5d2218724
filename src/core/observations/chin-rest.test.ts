import { describe, expect, it } from 'vitest';
import { degrees } from '../units';
import { chinPoint, chinRest } from './chin-rest';
import { shoulderFrame } from './image-space';
import {
  CHIN_PROPPED_ON_RIGHT_HAND,
  makeFace,
  makeSeatedPose,
  PHONE_AT_RIGHT_EAR,
  SEATED_CHIN,
  SEATED_FRAME,
} from './test-poses';

const VISIBILITY_MIN = 0.5;
const face = makeFace({ chin: SEATED_CHIN });

function measure(pose: ReturnType<typeof makeSeatedPose>, withFace = face) {
  const shoulders = shoulderFrame(pose.landmarks, SEATED_FRAME, degrees(0), VISIBILITY_MIN);
  return chinRest(pose.landmarks, withFace, SEATED_FRAME, shoulders, VISIBILITY_MIN);
}

describe('chinPoint', () => {
  it('takes the face mesh chin', () => {
    expect(chinPoint(makeSeatedPose().landmarks, face, SEATED_FRAME, VISIBILITY_MIN)).toEqual({
      x: 320,
      y: 0.62 * 480,
    });
  });

  it('estimates the chin from the eyes and mouth without a face', () => {
    const pose = makeSeatedPose({
      image: {
        leftEye: { x: 0.53, y: 0.5, z: 0 },
        rightEye: { x: 0.47, y: 0.5, z: 0 },
        mouthLeft: { x: 0.52, y: 0.58, z: 0 },
        mouthRight: { x: 0.48, y: 0.58, z: 0 },
      },
    });
    const chin = chinPoint(pose.landmarks, null, SEATED_FRAME, VISIBILITY_MIN);
    expect(chin?.x).toBeCloseTo(320, 9);
    expect(chin?.y).toBeCloseTo((0.58 + 0.7 * 0.08) * 480, 9);
  });

  it('is null without a face or the face points', () => {
    expect(chinPoint(makeSeatedPose().landmarks, null, SEATED_FRAME, VISIBILITY_MIN)).toBeNull();
  });
});

describe('chinRest', () => {
  it('measures a propped head: hand at the chin, wrist below, forearm upright', () => {
    const rest = measure(makeSeatedPose({ image: CHIN_PROPPED_ON_RIGHT_HAND }));
    expect(rest?.handToChinRatio).toBeCloseTo(Math.hypot(6.4, 7.2) / 192, 9);
    expect(rest?.wristBelowChinRatio).toBeCloseTo((0.06 * 480) / 192, 9);
    expect(rest?.forearmFromVerticalDeg).toBeCloseTo((Math.atan2(25.6, 129.6) * 180) / Math.PI, 9);
  });

  it('puts a phone hand above the chin', () => {
    expect(measure(makeSeatedPose({ image: PHONE_AT_RIGHT_EAR }))!.wristBelowChinRatio).toBeLessThan(-0.1);
  });

  it('reports nulls when no hand is seen, and null when the chin is out of frame', () => {
    expect(measure(makeSeatedPose())).toEqual({
      handToChinRatio: null,
      wristBelowChinRatio: null,
      forearmFromVerticalDeg: null,
    });
    expect(measure(makeSeatedPose(), makeFace({ chin: { x: 0.5, y: 1.2, z: 0 } }))).toBeNull();
  });
});
