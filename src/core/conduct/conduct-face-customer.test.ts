import { describe, expect, it } from 'vitest';
import { ConductFaceCustomer } from './conduct-face-customer';
import { expectWellFormedVerdicts, frameTimes, runRule } from './conduct-test-streams';

/** Facing away for the first `share` of every 10 s. */
const awayShare = (share: number) => (t: number) => ({ facingCustomer: t % 10_000 >= share * 10_000 });

describe('conduct.face_customer', () => {
  it.each([5, 30])('fails when facing away for most of the window at %i fps', (fps) => {
    const verdicts = runRule(new ConductFaceCustomer(), frameTimes(0, 61_000, fps, 0.3), awayShare(0.7));
    expect(verdicts.at(-1)!.status).toBe('fail');
    expect(verdicts.at(-1)!.evidence.measures.facingShare).toBeCloseTo(0.3, 1);
    expectWellFormedVerdicts(verdicts);
  });

  it('passes when facing away for a small share', () => {
    const verdicts = runRule(new ConductFaceCustomer(), frameTimes(0, 61_000, 5, 0.3), awayShare(0.2));
    expect(verdicts.at(-1)!.status).toBe('pass');
    expect(verdicts.at(-1)!.evidence.measures.facingShare).toBeCloseTo(0.8, 1);
  });

  it('is unknown while the head direction is not measured', () => {
    const verdicts = runRule(new ConductFaceCustomer(), frameTimes(0, 61_000, 5), () => ({ facingCustomer: null }));
    expect(verdicts.at(-1)!.status).toBe('unknown');
    expect(verdicts.at(-1)!.evidence.reason).toMatch(/no face/);
  });
});
