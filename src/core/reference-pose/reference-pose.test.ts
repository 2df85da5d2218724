import { describe, expect, it } from 'vitest';
import { makePose, UPRIGHT_WORLD } from '../observations/test-poses';
import type { PoseDetection } from '../types';
import { degrees } from '../units';
import fixture from './real-poses.fixture.json';
import {
  captureReferencePose,
  compareToReference,
  describePose,
  formatJointDifference,
  type JointAngles,
  type ReferencePose,
} from './reference-pose';

type RawPose = { landmarks: number[][]; worldLandmarks: number[][] };
const toPose = ({ landmarks, worldLandmarks }: RawPose): PoseDetection => ({
  landmarks: landmarks.map(([x, y, z, visibility]) => ({ x: x!, y: y!, z: z!, visibility: visibility! })),
  worldLandmarks: worldLandmarks.map(([x, y, z, visibility]) => ({ x: x!, y: y!, z: z!, visibility: visibility! })),
});
/** Poses the pose model found in real photos (see `_about` in the fixture). */
const REAL = Object.fromEntries(
  Object.entries(fixture.poses).map(([name, raw]) => [name, toPose(raw as RawPose)]),
) as Record<keyof typeof fixture.poses, PoseDetection>;

const reference = (pose: PoseDetection): ReferencePose => {
  const captured = captureReferencePose(pose, 1_700_000_000_000);
  if (!captured) throw new Error('no reference');
  return captured;
};
const anglesOf = (pose: PoseDetection): JointAngles => {
  const described = describePose(pose);
  if (!described) throw new Error('no pose');
  return described.angles;
};

/** Upright person with the left arm hanging and the right forearm raised forward to 90 degrees. */
const ARMS = {
  ...UPRIGHT_WORLD,
  leftElbow: { x: 0.18, y: -0.2, z: 0 },
  leftWrist: { x: 0.18, y: 0.1, z: 0 },
  rightElbow: { x: -0.18, y: -0.2, z: 0 },
  rightWrist: { x: -0.18, y: -0.2, z: -0.3 },
};

describe('describePose (hand-computed)', () => {
  it('measures elbow, shoulder, neck and trunk angles from world landmarks', () => {
    const { angles, points } = describePose(makePose(ARMS))!;
    expect(angles.leftElbow).toBeCloseTo(180, 5);
    expect(angles.rightElbow).toBeCloseTo(90, 5);
    expect(angles.leftShoulder).toBeCloseTo(0, 5); // arm hanging straight down
    expect(angles.rightShoulder).toBeCloseTo(0, 5);
    expect(angles.trunk).toBeCloseTo(0, 5);
    expect(angles.neck).toBeCloseTo(0, 5);
    expect(angles.headTilt).toBeCloseTo(0, 5);
    // Torso points: shoulder centre at the origin, one shoulder width = 1.
    expect(points.leftShoulder!.x).toBeCloseTo(0.5, 5);
    expect(points.rightShoulder!.x).toBeCloseTo(-0.5, 5);
    expect(points.leftHip!.y).toBeCloseTo(0.5 / 0.36, 5);
  });

  it('leaves out joints whose landmarks are not seen, and the whole pose without both shoulders', () => {
    const { leftWrist: _hidden, ...withoutWrist } = ARMS;
    const angles = describePose(makePose(withoutWrist))!.angles;
    expect(angles.leftElbow).toBeNull();
    expect(angles.rightElbow).toBeCloseTo(90, 5);
    const { leftShoulder: _gone, ...oneShoulder } = ARMS;
    expect(describePose(makePose(oneShoulder))).toBeNull();
    expect(captureReferencePose(makePose(oneShoulder), 0)).toBeNull();
  });

  it('returns new data and keeps the reference JSON-safe', () => {
    const pose = makePose(ARMS);
    const before = JSON.stringify(pose);
    const captured = reference(pose);
    expect(JSON.stringify(pose)).toBe(before);
    expect(JSON.parse(JSON.stringify(captured))).toEqual(captured);
  });
});

describe('compareToReference (hand-computed)', () => {
  const base: JointAngles = {
    neck: degrees(10),
    headTilt: degrees(0),
    trunk: null,
    leftShoulder: degrees(20),
    rightShoulder: degrees(20),
    leftElbow: degrees(90),
    rightElbow: null,
  };

  it('scores 100 for the same angles and names no joint', () => {
    const result = compareToReference({ angles: base }, base);
    expect(result.similarityPercent).toBe(100);
    expect(result.differing).toEqual([]);
    expect(result.joints).toHaveLength(5);
  });

  it('averages per-joint scores (0 at 60 degrees off) and lists the largest difference first', () => {
    const live = { ...base, leftElbow: degrees(125), neck: degrees(22) };
    const result = compareToReference({ angles: base }, live);
    // elbow 35 off: 1 - 35/60; neck 12 off: 1 - 12/60; three joints match.
    expect(result.similarityPercent).toBe(Math.round((100 * (3 + (1 - 35 / 60) + (1 - 12 / 60))) / 5));
    expect(result.differing.map((d) => [d.joint, d.diffDeg])).toEqual([
      ['leftElbow', 35],
      ['neck', 12],
    ]);
    expect(formatJointDifference(result.differing[0]!, 'en')).toBe('left elbow 35° off');
    expect(formatJointDifference(result.differing[0]!, 'zh')).toBe('左肘 偏差 35°');
  });

  it('reports joints seen on one side only, and gives no score with fewer than two shared joints', () => {
    const live: JointAngles = { ...base, leftElbow: null, rightElbow: degrees(100), leftShoulder: null, rightShoulder: null, headTilt: null };
    const result = compareToReference({ angles: base }, live);
    expect([...result.unseen].sort()).toEqual(['headTilt', 'leftElbow', 'leftShoulder', 'rightElbow', 'rightShoulder']);
    expect(result.similarityPercent).toBeNull();
  });
});

describe('on real poses found by the pose model', () => {
  it('the same person sitting upright in another frame is closer to the upright reference than slouching', () => {
    const upright = reference(REAL.deskUprightA0);
    const again = compareToReference(upright, anglesOf(REAL.deskUprightA10));
    const slouch = compareToReference(upright, anglesOf(REAL.slouchA8));
    expect(compareToReference(upright, anglesOf(REAL.deskUprightA0)).similarityPercent).toBe(100);
    expect(again.similarityPercent).toBeGreaterThanOrEqual(95);
    expect(again.differing).toEqual([]);
    expect(slouch.similarityPercent!).toBeLessThan(again.similarityPercent!);
    // The slouch is in the neck: its angle from the trunk grows.
    const neck = slouch.joints.find((joint) => joint.joint === 'neck')!;
    expect(neck.liveDeg).toBeGreaterThan(neck.referenceDeg);
  });

  it('reclining against sitting properly scores lower and names the trunk first', () => {
    const proper = reference(REAL.jiayiiProper);
    const result = compareToReference(proper, anglesOf(REAL.jiayiiRecline));
    expect(result.similarityPercent!).toBeLessThan(80);
    expect(result.differing[0]!.joint).toBe('trunk');
    expect(result.differing[0]!.diffDeg).toBeGreaterThan(30);
    // The trunk leans back further than in the reference.
    expect(result.differing[0]!.liveDeg).toBeGreaterThan(result.differing[0]!.referenceDeg);
  });

  it('arms held out sideways are named at the shoulder against arms down on the counter', () => {
    const result = compareToReference(reference(REAL.jiayiiProper), anglesOf(REAL.yogaArmsOut));
    expect(result.similarityPercent!).toBeLessThan(60);
    expect(result.differing[0]!.joint).toBe('rightShoulder');
    expect(result.differing[0]!.diffDeg).toBeGreaterThan(40);
  });
});
