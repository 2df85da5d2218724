import { describe, expect, it } from 'vitest';
import { headPoseFromMatrix } from './head-pose';

type Mat3 = number[][];

const rotX = (deg: number): Mat3 => {
  const a = (deg * Math.PI) / 180;
  return [
    [1, 0, 0],
    [0, Math.cos(a), -Math.sin(a)],
    [0, Math.sin(a), Math.cos(a)],
  ];
};
const rotY = (deg: number): Mat3 => {
  const a = (deg * Math.PI) / 180;
  return [
    [Math.cos(a), 0, Math.sin(a)],
    [0, 1, 0],
    [-Math.sin(a), 0, Math.cos(a)],
  ];
};
const rotZ = (deg: number): Mat3 => {
  const a = (deg * Math.PI) / 180;
  return [
    [Math.cos(a), -Math.sin(a), 0],
    [Math.sin(a), Math.cos(a), 0],
    [0, 0, 1],
  ];
};
const multiply = (a: Mat3, b: Mat3): Mat3 =>
  a.map((row, i) => row.map((_, j) => row.reduce((sum, _v, k) => sum + a[i]![k]! * b[k]![j]!, 0)));

/** A column-major 4x4 with rotation R, a uniform scale and a translation, as MediaPipe returns it. */
function transform(r: Mat3, scale = 1, translation = [0, 0, -50]): number[] {
  const m: number[] = new Array(16).fill(0);
  for (let row = 0; row < 3; row++) for (let col = 0; col < 3; col++) m[col * 4 + row] = r[row]![col]! * scale;
  m[12] = translation[0]!;
  m[13] = translation[1]!;
  m[14] = translation[2]!;
  m[15] = 1;
  return m;
}

describe('headPoseFromMatrix', () => {
  it('is all zero for the identity', () => {
    const pose = headPoseFromMatrix(transform(rotX(0)));
    expect(pose?.yaw).toBeCloseTo(0, 9);
    expect(pose?.pitch).toBeCloseTo(0, 9);
    expect(pose?.roll).toBeCloseTo(0, 9);
  });

  it('recovers each angle alone', () => {
    expect(headPoseFromMatrix(transform(rotY(30)))?.yaw).toBeCloseTo(30, 6);
    expect(headPoseFromMatrix(transform(rotX(-20)))?.pitch).toBeCloseTo(-20, 6);
    expect(headPoseFromMatrix(transform(rotZ(15)))?.roll).toBeCloseTo(15, 6);
  });

  it('recovers a combined rotation and ignores uniform scale', () => {
    const r = multiply(rotZ(10), multiply(rotY(-25), rotX(12)));
    const pose = headPoseFromMatrix(transform(r, 1.7));
    expect(pose?.yaw).toBeCloseTo(-25, 6);
    expect(pose?.pitch).toBeCloseTo(12, 6);
    expect(pose?.roll).toBeCloseTo(10, 6);
  });

  it('is null for a missing, short or non-finite matrix', () => {
    expect(headPoseFromMatrix(null)).toBeNull();
    expect(headPoseFromMatrix([1, 0, 0])).toBeNull();
    expect(headPoseFromMatrix(transform(rotX(0)).map((v, i) => (i === 0 ? Number.NaN : v)))).toBeNull();
  });
});
