import { describe, expect, it } from 'vitest';
import { degrees } from '../units';
import { armsCrossing } from './arms-crossing';
import { shoulderFrame } from './image-space';
import { ARMS_FOLDED, HANDS_CLASPED_ON_COUNTER, makeSeatedPose, SEATED_FRAME } from './test-poses';

const VISIBILITY_MIN = 0.5;

function measure(pose: ReturnType<typeof makeSeatedPose>) {
  const shoulders = shoulderFrame(pose.landmarks, SEATED_FRAME, degrees(0), VISIBILITY_MIN);
  return armsCrossing(pose.landmarks, SEATED_FRAME, shoulders, VISIBILITY_MIN);
}

describe('armsCrossing', () => {
  it('puts folded wrists past the midline, next to the other elbow', () => {
    const crossing = measure(makeSeatedPose({ image: ARMS_FOLDED }));
    // Wrists 0.13 of the frame width (83.2 px) past the midline; 24 px from the other elbow; 192 px shoulders.
    expect(crossing?.wristPastMidlineRatio).toBeCloseTo(83.2 / 192, 9);
    expect(crossing?.wristToOppositeElbowRatio).toBeCloseTo(24 / 192, 9);
  });

  it('keeps clasped hands near the midline and far from the other elbow', () => {
    const crossing = measure(makeSeatedPose({ image: HANDS_CLASPED_ON_COUNTER }));
    expect(crossing?.wristPastMidlineRatio).toBeCloseTo(6.4 / 192, 9);
    expect(crossing!.wristToOppositeElbowRatio).toBeGreaterThan(0.6);
  });

  it('reports the less crossed wrist, negative when a wrist stays on its own side', () => {
    const oneArm = measure(makeSeatedPose({ image: { ...ARMS_FOLDED, rightWrist: { x: 0.3, y: 0.95, z: 0 } } }));
    expect(oneArm!.wristPastMidlineRatio).toBeLessThan(0);
  });

  it('is null when a wrist is hidden or out of frame', () => {
    expect(
      measure(makeSeatedPose({ image: { ...ARMS_FOLDED, leftWrist: { x: 0.37, y: 0.92, z: 0, visibility: 0.2 } } })),
    ).toBeNull();
    expect(measure(makeSeatedPose({ image: { ...ARMS_FOLDED, leftWrist: { x: 0.37, y: 1.1, z: 0 } } }))).toBeNull();
    expect(measure(makeSeatedPose())).toBeNull();
  });
});
