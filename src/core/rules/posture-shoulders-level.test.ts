import { describe, expect, it } from 'vitest';
import { calibrateFromObservations } from '../calibration/station-calibration';
import { makeSeatedPose } from '../observations/test-poses';
import { degrees } from '../units';
import { postureShouldersLevel } from './posture-shoulders-level';
import { expectWellFormed, input, observe, observed } from './test-helpers';

const evaluate = (...args: Parameters<typeof input>) => {
  const verdict = postureShouldersLevel.evaluate(input(...args));
  expectWellFormed(verdict);
  return verdict;
};

describe('posture.shoulders_level', () => {
  it('passes level shoulders and fails a dropped one, either side', () => {
    expect(evaluate(observe(makeSeatedPose())).status).toBe('pass');
    expect(evaluate(observe(makeSeatedPose({ shoulderTiltDeg: 14 }))).status).toBe('fail');
    expect(evaluate(observe(makeSeatedPose({ shoulderTiltDeg: -14 }))).status).toBe('fail');
  });

  it('edge: 8 degrees passes, just past fails', () => {
    expect(evaluate(observed({ shoulderTiltDeg: degrees(8) })).status).toBe('pass');
    expect(evaluate(observed({ shoulderTiltDeg: degrees(-8.1) })).status).toBe('fail');
  });

  it('measures from the baseline tilt when calibrated (a rolled camera)', () => {
    const calibration = calibrateFromObservations([observe(makeSeatedPose({ shoulderTiltDeg: 6 }))], 0);
    const tilted = observe(makeSeatedPose({ shoulderTiltDeg: 12 }));
    expect(evaluate(tilted).status).toBe('fail');
    const verdict = evaluate(tilted, { calibration });
    expect(verdict.status).toBe('pass');
    expect(verdict.evidence.measures.shoulderTiltOffsetDeg).toBeCloseTo(6, 6);
    expect(verdict.evidence.thresholds.baselineShoulderTiltDeg).toBeCloseTo(6, 6);
  });

  it('is unknown when the body is turned far, or a shoulder is out of frame', () => {
    const turned = evaluate(observe(makeSeatedPose({ bodyYawDeg: 60 })));
    expect(turned.status).toBe('unknown');
    expect(turned.evidence.reason).toBe('body turned too far from the camera');
    const offFrame = evaluate(observe(makeSeatedPose({ image: { leftShoulder: { x: 1.05, y: 0.75, z: 0 } } })));
    expect(offFrame.status).toBe('unknown');
    expect(offFrame.evidence.reason).toBe('shoulders not visible or out of frame');
  });
});
