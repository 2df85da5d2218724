import { describe, expect, it } from 'vitest';
import { poseVisibility } from './pose-visibility';
import { makeSeatedPose } from './test-poses';

describe('poseVisibility', () => {
  it('takes the weaker of a pair, the stronger ear, and 0 outside the frame', () => {
    const pose = makeSeatedPose({
      image: {
        leftEar: { x: 0.56, y: 0.53, z: 0, visibility: 0.2 },
        leftShoulder: { x: 0.65, y: 0.75, z: 0, visibility: 0.7 },
        leftWrist: { x: 0.6, y: 1.2, z: 0, visibility: 0.9 },
        rightWrist: { x: 0.4, y: 0.9, z: 0, visibility: 0.9 },
      },
    });
    const visibility = poseVisibility(pose.landmarks);
    expect(visibility.ears).toBe(1);
    expect(visibility.shoulders).toBe(0.7);
    expect(visibility.wrists).toBe(0);
    expect(visibility.hips).toBe(0);
    expect(visibility.elbows).toBe(0);
  });
});
