import { describe, expect, it } from 'vitest';
import { neckFlexionDeg, shoulderTiltDeg, trunkInclinationDeg } from './posture-angles';
import { makePose, UPRIGHT_WORLD } from './test-poses';

const VISIBILITY_MIN = 0.5;

describe('trunkInclinationDeg', () => {
  it('is 0 for an upright trunk', () => {
    expect(trunkInclinationDeg(makePose(UPRIGHT_WORLD), VISIBILITY_MIN)).toBeCloseTo(0, 6);
  });

  it('is 45 for shoulders as far forward as they are above the hips', () => {
    const leaning = makePose({
      ...UPRIGHT_WORLD,
      leftShoulder: { x: 0.18, y: -0.5, z: -0.5 },
      rightShoulder: { x: -0.18, y: -0.5, z: -0.5 },
    });
    expect(trunkInclinationDeg(leaning, VISIBILITY_MIN)).toBeCloseTo(45, 6);
  });

  it('is null when the hips are hidden (e.g. behind the counter)', () => {
    const hidden = makePose({ ...UPRIGHT_WORLD, leftHip: { x: 0.1, y: 0, z: 0, visibility: 0.2 } });
    expect(trunkInclinationDeg(hidden, VISIBILITY_MIN)).toBeNull();
  });
});

describe('neckFlexionDeg', () => {
  it('is 0 when the ears sit straight above the shoulders', () => {
    expect(neckFlexionDeg(makePose(UPRIGHT_WORLD), VISIBILITY_MIN)).toBeCloseTo(0, 6);
  });

  it('measures a dropped head against the trunk', () => {
    const dropped = makePose({
      ...UPRIGHT_WORLD,
      leftEar: { x: 0.07, y: -0.6, z: -0.1 },
      rightEar: { x: -0.07, y: -0.6, z: -0.1 },
    });
    expect(neckFlexionDeg(dropped, VISIBILITY_MIN)).toBeCloseTo(45, 6);
  });

  it('measures against the trunk, not vertical, when the trunk leans', () => {
    // Trunk and head lean together by 45 degrees: the neck itself is straight.
    const leaning = makePose({
      leftHip: { x: 0.1, y: 0, z: 0 },
      rightHip: { x: -0.1, y: 0, z: 0 },
      leftShoulder: { x: 0.18, y: -0.5, z: -0.5 },
      rightShoulder: { x: -0.18, y: -0.5, z: -0.5 },
      leftEar: { x: 0.07, y: -0.7, z: -0.7 },
      rightEar: { x: -0.07, y: -0.7, z: -0.7 },
    });
    expect(neckFlexionDeg(leaning, VISIBILITY_MIN)).toBeCloseTo(0, 4);
  });

  it('falls back to vertical without hips, and to one ear when the other is hidden', () => {
    const { leftHip: _l, rightHip: _r, rightEar: _e, ...rest } = UPRIGHT_WORLD;
    const pose = makePose({ ...rest, leftEar: { x: 0, y: -0.7, z: -0.2 } });
    expect(neckFlexionDeg(pose, VISIBILITY_MIN)).toBeCloseTo(45, 6);
  });

  it('is null without shoulders or ears', () => {
    const { leftEar: _l, rightEar: _r, ...noEars } = UPRIGHT_WORLD;
    expect(neckFlexionDeg(makePose(noEars), VISIBILITY_MIN)).toBeNull();
  });
});

describe('shoulderTiltDeg', () => {
  const frame = { widthPx: 640, heightPx: 480 };

  it('is 0 for level shoulders', () => {
    const pose = makePose({ leftShoulder: { x: 0.7, y: 0.5, z: 0 }, rightShoulder: { x: 0.3, y: 0.5, z: 0 } });
    expect(shoulderTiltDeg(pose.landmarks, frame, VISIBILITY_MIN)).toBeCloseTo(0, 6);
  });

  it('uses true pixel proportions: 45 degrees in pixels, not in normalized units', () => {
    // dx = 0.3 * 640 = 192 px, dy = 0.4 * 480 = 192 px.
    const pose = makePose({ leftShoulder: { x: 0.65, y: 0.7, z: 0 }, rightShoulder: { x: 0.35, y: 0.3, z: 0 } });
    expect(shoulderTiltDeg(pose.landmarks, frame, VISIBILITY_MIN)).toBeCloseTo(45, 6);
  });

  it('is negative when the right shoulder is lower, null when one is missing', () => {
    const pose = makePose({ leftShoulder: { x: 0.7, y: 0.4, z: 0 }, rightShoulder: { x: 0.3, y: 0.5, z: 0 } });
    expect(shoulderTiltDeg(pose.landmarks, frame, VISIBILITY_MIN)).toBeLessThan(0);
    const onlyOne = makePose({ leftShoulder: { x: 0.7, y: 0.4, z: 0 } });
    expect(shoulderTiltDeg(onlyOne.landmarks, frame, VISIBILITY_MIN)).toBeNull();
  });
});
