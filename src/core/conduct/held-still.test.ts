import { describe, expect, it } from 'vitest';
import { CONDUCT_RULE_IDS } from './conduct-rule';
import { EMPTY_COUNTER_SIGNALS, NEUTRAL_SIGNALS } from './conduct-test-streams';
import { judgeHeldStill } from './held-still';

describe('judgeHeldStill', () => {
  it('passes every rule on a photo of someone smiling at the customer, hands away, eyes open', () => {
    const verdicts = judgeHeldStill(NEUTRAL_SIGNALS);
    for (const id of CONDUCT_RULE_IDS) expect(verdicts[id].status, id).toBe('pass');
  });

  it('fails what the photo shows held: eyes closed, a hand at the nose, a phone in hand, a cup at the mouth', () => {
    expect(judgeHeldStill({ ...NEUTRAL_SIGNALS, eyesClosed: true, eyesClosedScore: 0.9 })['conduct.awake'].status).toBe('fail');
    const grooming = judgeHeldStill({ ...NEUTRAL_SIGNALS, handAt: 'nose', handToFaceFaceHeights: 0.1 });
    expect(grooming['conduct.no_grooming_in_public'].status).toBe('fail');
    expect(grooming['conduct.awake'].status).toBe('pass');
    expect(judgeHeldStill({ ...NEUTRAL_SIGNALS, phoneInHand: true, phoneScore: 0.8 })['conduct.no_phone'].status).toBe('fail');
    const eating = judgeHeldStill({ ...NEUTRAL_SIGNALS, eatingOrDrinking: true, eatingItem: 'cup' });
    expect(eating['conduct.no_eating'].status).toBe('fail');
    expect(eating['conduct.no_phone'].status).toBe('pass');
  });

  it('an empty counter held 40 s is no violation of the post (60 s allowed), and the face rules are unknown', () => {
    const verdicts = judgeHeldStill(EMPTY_COUNTER_SIGNALS);
    expect(verdicts['conduct.at_post'].status).not.toBe('fail');
    expect(verdicts['conduct.smile'].status).toBe('unknown');
    expect(verdicts['conduct.awake'].status).toBe('unknown');
  });
});
