import { describe, expect, it } from 'vitest';
import { bodyYawDeg } from './body-yaw';
import { makePose, makeSeatedPose } from './test-poses';

describe('bodyYawDeg', () => {
  it('is 0 square to the camera and follows a turn either way', () => {
    expect(bodyYawDeg(makeSeatedPose(), 0.5)).toBeCloseTo(0, 9);
    expect(bodyYawDeg(makeSeatedPose({ bodyYawDeg: 30 }), 0.5)).toBeCloseTo(30, 9);
    expect(bodyYawDeg(makeSeatedPose({ bodyYawDeg: -70 }), 0.5)).toBeCloseTo(-70, 9);
  });

  it('is null when a shoulder is not visible', () => {
    const pose = makePose({
      leftShoulder: { x: 0.2, y: -0.5, z: 0 },
      rightShoulder: { x: -0.2, y: -0.5, z: 0, visibility: 0.1 },
    });
    expect(bodyYawDeg(pose, 0.5)).toBeNull();
  });
});
