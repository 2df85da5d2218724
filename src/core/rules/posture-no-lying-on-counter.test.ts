import { describe, expect, it } from 'vitest';
import type { StationCalibration } from '../calibration/station-calibration';
import { HANDS_CLASPED_ON_COUNTER, makeFace, makeSeatedPose, rolledFaceMatrix } from '../observations/test-poses';
import { degrees } from '../units';
import { postureNoLyingOnCounter } from './posture-no-lying-on-counter';
import { expectWellFormed, input, observe, observed } from './test-helpers';

const evaluate = (...args: Parameters<typeof input>) => {
  const verdict = postureNoLyingOnCounter.evaluate(input(...args));
  expectWellFormed(verdict);
  return verdict;
};

/** Head down on folded forearms: ears at the shoulder line, shoulder-to-ear line near horizontal, face hidden. */
const lyingOnArms = () =>
  makeSeatedPose({
    headLeanDeg: 80,
    earAboveShoulderRatio: -0.05,
    image: {
      nose: { x: 0.5, y: 0.8, z: 0, visibility: 0.05 },
      leftElbow: { x: 0.75, y: 0.9, z: 0 },
      rightElbow: { x: 0.25, y: 0.9, z: 0 },
    },
  });

describe('posture.no_lying_on_counter on landmark sets', () => {
  it('passes a person sitting up', () => {
    expect(evaluate(observe(makeSeatedPose())).status).toBe('pass');
  });

  it('passes forearms resting on the counter while the head is up (000: 可以將手臂放在櫃臺上)', () => {
    const verdict = evaluate(observe(makeSeatedPose({ image: HANDS_CLASPED_ON_COUNTER })));
    expect(verdict.status).toBe('pass');
  });

  it('fails a head lying on the arms, using shoulders and ears when the face is hidden', () => {
    const verdict = evaluate(observe(lyingOnArms()));
    expect(verdict.status).toBe('fail');
    expect(verdict.evidence.measures.headFromVerticalDeg).toBeCloseTo(80, 6);
    expect(verdict.evidence.measures).not.toHaveProperty('noseAboveShoulderRatio');
    expect(verdict.evidence.confidence).toBeGreaterThan(0.9);
  });

  it('fails a head resting sideways on an arm', () => {
    expect(
      evaluate(observe(makeSeatedPose({ headLeanDeg: 5, headSideLeanDeg: 75, earAboveShoulderRatio: 0.1 }))).status,
    ).toBe('fail');
    expect(evaluate(observe(null, makeFace({}, rolledFaceMatrix(80)))).status).toBe('fail');
  });

  it('passes a slump that is not lying (upright fails it, this rule does not)', () => {
    expect(evaluate(observe(makeSeatedPose({ headLeanDeg: 50, earAboveShoulderRatio: 0.25 }))).status).toBe('pass');
  });

  it('fails a torso lying over the counter seen from the side', () => {
    const pose = makeSeatedPose({ trunkLeanDeg: 70, headLeanDeg: 50, hipsInFrame: true, bodyYawDeg: 75 });
    expect(evaluate(observe(pose)).evidence.reason).toMatch(/torso lying/);
  });

  it('is unknown with a reason when there is no head to place', () => {
    const hidden = makeSeatedPose({
      image: {
        leftEar: { x: 0.56, y: 0.53, z: 0, visibility: 0.1 },
        rightEar: { x: 0.44, y: 0.53, z: 0, visibility: 0.1 },
        nose: { x: 0.5, y: 0.55, z: 0, visibility: 0.1 },
      },
    });
    const verdict = evaluate(observe(hidden));
    expect(verdict.status).toBe('unknown');
    expect(verdict.evidence.reason).toBe('ears not visible or out of frame');
    expect(evaluate(observe(null, makeFace({}, rolledFaceMatrix(0)))).status).toBe('unknown');
  });
});

describe('posture.no_lying_on_counter threshold edges', () => {
  it('head from vertical: 60 passes, just past fails', () => {
    expect(evaluate(observed({ headFromVerticalDeg: degrees(60) })).status).toBe('pass');
    expect(evaluate(observed({ headFromVerticalDeg: degrees(60.1) })).status).toBe('fail');
  });

  it('ears above the shoulder line: 0.15 passes, just below fails', () => {
    expect(evaluate(observed({ earAboveShoulderRatio: 0.15 })).status).toBe('pass');
    expect(evaluate(observed({ earAboveShoulderRatio: 0.149 })).status).toBe('fail');
  });

  it('nose: at the shoulder line passes, below it fails', () => {
    expect(evaluate(observed({ noseAboveShoulderRatio: 0 })).status).toBe('pass');
    expect(evaluate(observed({ noseAboveShoulderRatio: -0.01 })).status).toBe('fail');
  });

  it('face sideways tilt: 45 passes, past fails', () => {
    const face = (roll: number) =>
      observed({
        headFromVerticalDeg: degrees(10),
        headPose: { yaw: degrees(0), pitch: degrees(0), roll: degrees(roll) },
      });
    expect(evaluate(face(45)).status).toBe('pass');
    expect(evaluate(face(-45.5)).status).toBe('fail');
  });

  it('counter line from the calibration: head at the line passes, below it fails', () => {
    const calibration: StationCalibration = {
      version: 1,
      capturedAtMs: 0,
      sampleCount: 1,
      baseline: {
        earAboveShoulderRatio: 0.6,
        noseAboveShoulderRatio: 0.5,
        headFromVerticalDeg: 15,
        headForwardLeanDeg: 15,
        shoulderTiltDeg: 0,
        trunkLeanForwardDeg: null,
        headPitchDeg: null,
        headImageY: 0.5,
      },
      counterLineY: 0.7,
    };
    const head = (y: number) => observed({ headFromVerticalDeg: degrees(20), headImageY: y });
    expect(evaluate(head(0.7), { calibration }).status).toBe('pass');
    const below = evaluate(head(0.72), { calibration });
    expect(below.status).toBe('fail');
    expect(below.evidence.reason).toMatch(/counter line/);
    expect(below.evidence.thresholds.headImageMaxY).toBe(0.7);
    expect(evaluate(head(0.72)).status).toBe('pass');
  });
});
