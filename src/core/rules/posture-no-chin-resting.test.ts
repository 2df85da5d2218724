import { describe, expect, it } from 'vitest';
import {
  CHIN_PROPPED_ON_RIGHT_HAND,
  makeFace,
  makeSeatedPose,
  PHONE_AT_RIGHT_EAR,
  SEATED_CHIN,
} from '../observations/test-poses';
import { degrees } from '../units';
import { postureNoChinResting } from './posture-no-chin-resting';
import { expectWellFormed, input, observe, observed } from './test-helpers';

const evaluate = (...args: Parameters<typeof input>) => {
  const verdict = postureNoChinResting.evaluate(input(...args));
  expectWellFormed(verdict);
  return verdict;
};
const face = makeFace({ chin: SEATED_CHIN });

describe('posture.no_chin_resting', () => {
  it('fails a head propped on a hand', () => {
    const verdict = evaluate(observe(makeSeatedPose({ image: CHIN_PROPPED_ON_RIGHT_HAND }), face));
    expect(verdict.status).toBe('fail');
    expect(verdict.evidence.reason).toBe('chin resting on a hand');
  });

  it('passes a phone held at the ear (wrist above the jaw)', () => {
    expect(evaluate(observe(makeSeatedPose({ image: PHONE_AT_RIGHT_EAR }), face)).status).toBe('pass');
  });

  it('passes when no hand is anywhere in view, saying so', () => {
    const verdict = evaluate(observe(makeSeatedPose(), face));
    expect(verdict.status).toBe('pass');
    expect(verdict.evidence.reason).toBe('no hand seen near the face');
    expect(verdict.evidence.confidence).toBeLessThanOrEqual(0.5);
  });

  it('is unknown when a hand is at the chin but the arm is not seen, or the chin is not found', () => {
    const handOnly = { rightIndex: CHIN_PROPPED_ON_RIGHT_HAND.rightIndex! };
    expect(evaluate(observe(makeSeatedPose({ image: handOnly }), face)).evidence.reason).toBe(
      'hand at the chin, arm not seen',
    );
    const noChin = evaluate(observe(makeSeatedPose({ image: CHIN_PROPPED_ON_RIGHT_HAND })));
    expect(noChin.status).toBe('unknown');
  });

  it('edges: each condition at its limit still fails, just outside passes', () => {
    const rest = (handToChinRatio: number, wristBelowChinRatio: number, forearm: number) =>
      evaluate(
        observed({ chinRest: { handToChinRatio, wristBelowChinRatio, forearmFromVerticalDeg: degrees(forearm) } }),
      ).status;
    expect(rest(0.3, -0.1, 45)).toBe('fail');
    expect(rest(0.31, 0.2, 10)).toBe('pass');
    expect(rest(0.1, -0.11, 10)).toBe('pass');
    expect(rest(0.1, 0.2, 45.5)).toBe('pass');
  });
});
