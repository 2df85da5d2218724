import { describe, expect, it } from 'vitest';
import { degrees } from '../units';
import { headHeight } from './head-height';
import { shoulderFrame, YAW_CORRECTION_COS_MIN } from './image-space';
import { makeSeatedPose, SEATED_FRAME } from './test-poses';

const VISIBILITY_MIN = 0.5;

function heights(pose: ReturnType<typeof makeSeatedPose>, yawDeg = 0) {
  const shoulders = shoulderFrame(pose.landmarks, SEATED_FRAME, degrees(yawDeg), VISIBILITY_MIN);
  return headHeight(pose.landmarks, SEATED_FRAME, shoulders, VISIBILITY_MIN);
}

describe('headHeight', () => {
  it('recovers ear and nose heights in shoulder widths, in true pixel proportions', () => {
    const result = heights(makeSeatedPose({ earAboveShoulderRatio: 0.6, noseAboveShoulderRatio: -0.2 }));
    expect(result.earAboveShoulderRatio).toBeCloseTo(0.6, 9);
    expect(result.noseAboveShoulderRatio).toBeCloseTo(-0.2, 9);
    expect(result.headImageY).toBeCloseTo(0.75 - (0.6 * 192) / 480, 9);
  });

  it('corrects the shoulder width for body yaw, capped at 60 degrees', () => {
    const pose = makeSeatedPose({ earAboveShoulderRatio: 0.6 });
    expect(heights(pose, 60).earAboveShoulderRatio).toBeCloseTo(0.6 * 0.5, 9);
    expect(heights(pose, 85).earAboveShoulderRatio).toBeCloseTo(0.6 * YAW_CORRECTION_COS_MIN, 9);
    expect(heights(pose, -30).earAboveShoulderRatio).toBeCloseTo(0.6 * Math.cos(Math.PI / 6), 9);
  });

  it('uses one ear when the other is hidden (a head resting on an arm)', () => {
    const pose = makeSeatedPose({
      earAboveShoulderRatio: 0.1,
      image: { rightEar: { x: 0.44, y: 0.2, z: 0, visibility: 0.1 } },
    });
    expect(heights(pose).earAboveShoulderRatio).toBeCloseTo(0.1, 9);
  });

  it('is null without both shoulders inside the frame', () => {
    const pose = makeSeatedPose({ image: { leftShoulder: { x: 0.65, y: 1.02, z: 0, visibility: 0.99 } } });
    const result = heights(pose);
    expect(result.earAboveShoulderRatio).toBeNull();
    expect(result.noseAboveShoulderRatio).toBeNull();
    expect(result.headImageY).not.toBeNull();
  });
});
