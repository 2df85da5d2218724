import { describe, expect, it } from 'vitest';
import { ARMS_FOLDED, HANDS_CLASPED_ON_COUNTER, makeSeatedPose } from '../observations/test-poses';
import { postureNoArmsCrossed } from './posture-no-arms-crossed';
import { expectWellFormed, input, observe, observed } from './test-helpers';

const evaluate = (...args: Parameters<typeof input>) => {
  const verdict = postureNoArmsCrossed.evaluate(input(...args));
  expectWellFormed(verdict);
  return verdict;
};

describe('posture.no_arms_crossed', () => {
  it('fails arms folded across the chest', () => {
    const verdict = evaluate(observe(makeSeatedPose({ image: ARMS_FOLDED })));
    expect(verdict.status).toBe('fail');
    expect(verdict.evidence.reason).toBe('arms folded across the chest');
    expect(verdict.evidence.thresholds).toEqual({
      crossedWristToElbowMaxRatio: 0.5,
      crossedWristPastMidlineMinRatio: 0.1,
    });
  });

  it('passes hands clasped on the counter and one arm reaching across', () => {
    expect(evaluate(observe(makeSeatedPose({ image: HANDS_CLASPED_ON_COUNTER }))).status).toBe('pass');
    const reach = { ...ARMS_FOLDED, rightWrist: { x: 0.3, y: 0.95, z: 0 } };
    expect(evaluate(observe(makeSeatedPose({ image: reach }))).status).toBe('pass');
  });

  it('is unknown when the wrists are hidden (folded arms can hide them)', () => {
    const verdict = evaluate(observe(makeSeatedPose()));
    expect(verdict.status).toBe('unknown');
    expect(verdict.evidence.reason).toBe('elbows not visible or out of frame');
  });

  it('edges: both conditions at their limits fail, either just outside passes', () => {
    const arms = (wristToOppositeElbowRatio: number, wristPastMidlineRatio: number) =>
      evaluate(observed({ armsCrossing: { wristToOppositeElbowRatio, wristPastMidlineRatio } })).status;
    expect(arms(0.5, 0.1)).toBe('fail');
    expect(arms(0.51, 0.3)).toBe('pass');
    expect(arms(0.2, 0.09)).toBe('pass');
  });
});
