import { describe, expect, it } from 'vitest';
import { bodyForward, headForwardLeanDeg, headFromVerticalDeg, trunkLeanForwardDeg } from './lean-angles';
import { makeSeatedPose } from './test-poses';

const VISIBILITY_MIN = 0.5;

describe('bodyForward', () => {
  it('points at the camera (-z) for a person facing it, and turns with the body', () => {
    const forward = bodyForward(makeSeatedPose(), VISIBILITY_MIN);
    expect(forward?.z).toBeCloseTo(-1, 9);
    const turned = bodyForward(makeSeatedPose({ bodyYawDeg: 90 }), VISIBILITY_MIN);
    expect(turned?.x).toBeCloseTo(-1, 9);
  });
});

describe('headForwardLeanDeg', () => {
  it('measures a forward head in the sagittal plane, signed', () => {
    expect(headForwardLeanDeg(makeSeatedPose({ headLeanDeg: 15 }), VISIBILITY_MIN)).toBeCloseTo(15, 6);
    expect(headForwardLeanDeg(makeSeatedPose({ headLeanDeg: 70 }), VISIBILITY_MIN)).toBeCloseTo(70, 6);
    expect(headForwardLeanDeg(makeSeatedPose({ headLeanDeg: -25 }), VISIBILITY_MIN)).toBeCloseTo(-25, 6);
  });

  it('does not depend on where the camera sees the body from', () => {
    expect(headForwardLeanDeg(makeSeatedPose({ headLeanDeg: 40, bodyYawDeg: 80 }), VISIBILITY_MIN)).toBeCloseTo(40, 6);
  });

  it('ignores a sideways tilt, which headFromVerticalDeg counts', () => {
    const tilted = makeSeatedPose({ headLeanDeg: 0, headSideLeanDeg: 70 });
    expect(headForwardLeanDeg(tilted, VISIBILITY_MIN)).toBeCloseTo(0, 6);
    expect(headFromVerticalDeg(tilted, VISIBILITY_MIN)).toBeCloseTo(70, 6);
  });
});

describe('headFromVerticalDeg', () => {
  it('is unsigned in 3D and needs no hips', () => {
    expect(headFromVerticalDeg(makeSeatedPose({ headLeanDeg: -30 }), VISIBILITY_MIN)).toBeCloseTo(30, 6);
    expect(headFromVerticalDeg(makeSeatedPose({ headLeanDeg: 85, hipsInFrame: false }), VISIBILITY_MIN)).toBeCloseTo(
      85,
      6,
    );
  });

  it('is null without ears', () => {
    const pose = makeSeatedPose({
      image: { leftEar: { x: 0.5, y: 0.5, z: 0, visibility: 0 }, rightEar: { x: 0.5, y: 0.5, z: 0, visibility: 0 } },
    });
    expect(headFromVerticalDeg(pose, VISIBILITY_MIN)).toBeNull();
  });
});

describe('trunkLeanForwardDeg', () => {
  it('is signed: + forward, - reclining', () => {
    expect(trunkLeanForwardDeg(makeSeatedPose({ trunkLeanDeg: 20, hipsInFrame: true }), VISIBILITY_MIN)).toBeCloseTo(
      20,
      6,
    );
    expect(
      trunkLeanForwardDeg(makeSeatedPose({ trunkLeanDeg: -35, hipsInFrame: true, bodyYawDeg: -80 }), VISIBILITY_MIN),
    ).toBeCloseTo(-35, 6);
  });

  it('is null when the hips are below the frame, even if the model calls them visible', () => {
    const hidden = makeSeatedPose({
      trunkLeanDeg: 50,
      image: {
        leftHip: { x: 0.56, y: 1.3, z: 0, visibility: 0.97 },
        rightHip: { x: 0.44, y: 1.3, z: 0, visibility: 0.97 },
      },
    });
    expect(trunkLeanForwardDeg(hidden, VISIBILITY_MIN)).toBeNull();
    expect(trunkLeanForwardDeg(makeSeatedPose({ trunkLeanDeg: 50 }), VISIBILITY_MIN)).toBeNull();
  });
});
