import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, resolveConfig } from '../config';
import { POSTURE_RULES } from '../rules/index';
import type { RuleId, Verdict } from '../rules/rule';
import type { VerdictStatus } from '../types';
import { RuleSmoothers, VerdictSmoother } from './verdict-smoother';

const FRAME_MS = 1000 / 30;
const HOLD_MS = 2000;

const verdict = (status: VerdictStatus, measure = 0, ruleId: RuleId = 'posture.upright'): Verdict => ({
  ruleId,
  status,
  evidence: { measures: { headFromVerticalDeg: measure }, thresholds: {}, confidence: 1 },
});

/** Feeds statuses at 30 fps from t = 0 and returns the smoothed statuses. */
function run(smoother: VerdictSmoother, statuses: readonly VerdictStatus[]): VerdictStatus[] {
  return statuses.map((status, frame) => smoother.update(verdict(status, frame), frame * FRAME_MS).smoothed.status);
}

const repeat = (status: VerdictStatus, frames: number): VerdictStatus[] => Array.from({ length: frames }, () => status);

describe('VerdictSmoother', () => {
  it('adopts the first verdict at once', () => {
    const smoother = new VerdictSmoother(HOLD_MS);
    const first = smoother.update(verdict('fail'), 0);
    expect(first.smoothed.status).toBe('fail');
    expect(first.raw).toEqual(verdict('fail'));
  });

  it('never flips on flicker shorter than the hold', () => {
    const smoother = new VerdictSmoother(HOLD_MS);
    // 59 frames of fail (1.93 s) between passes, repeatedly, and single-frame unknowns.
    const input = [
      ...repeat('pass', 10),
      ...repeat('fail', 59),
      'pass',
      ...repeat('fail', 59),
      'unknown',
      ...repeat('pass', 5),
    ] as VerdictStatus[];
    expect(run(smoother, input).every((status) => status === 'pass')).toBe(true);
  });

  it('flips exactly when the new status has held for holdMs', () => {
    const smoother = new VerdictSmoother(HOLD_MS);
    smoother.update(verdict('pass'), 0);
    const startMs = 1000;
    for (let t = startMs; t < startMs + HOLD_MS; t += FRAME_MS) {
      expect(smoother.update(verdict('fail'), t).smoothed.status).toBe('pass');
    }
    expect(smoother.update(verdict('fail'), startMs + HOLD_MS).smoothed.status).toBe('fail');
  });

  it('flips on the first 30 fps frame at or after the hold', () => {
    const smoother = new VerdictSmoother(HOLD_MS);
    const output = run(smoother, [...repeat('pass', 30), ...repeat('fail', 90)]);
    // fail starts at frame 30 (1000 ms); 2000 ms later is frame 90.
    expect(output.indexOf('fail')).toBe(90);
    expect(new Set(output.slice(90))).toEqual(new Set(['fail']));
  });

  it('restarts the hold when the new status changes again', () => {
    const smoother = new VerdictSmoother(HOLD_MS);
    const output = run(smoother, [
      ...repeat('pass', 1),
      ...repeat('fail', 40),
      ...repeat('unknown', 40),
      ...repeat('fail', 40),
    ]);
    expect(output.every((status) => status === 'pass')).toBe(true);
  });

  it('carries the latest evidence of the smoothed status while another status is pending', () => {
    const smoother = new VerdictSmoother(HOLD_MS);
    smoother.update(verdict('pass', 1), 0);
    smoother.update(verdict('pass', 2), FRAME_MS);
    const pending = smoother.update(verdict('fail', 99), 2 * FRAME_MS);
    expect(pending.smoothed.evidence.measures.headFromVerticalDeg).toBe(2);
    expect(pending.raw.evidence.measures.headFromVerticalDeg).toBe(99);
  });

  it('keeps the output within the statuses it was given', () => {
    const smoother = new VerdictSmoother(500);
    const statuses: VerdictStatus[] = ['pass', 'fail', 'unknown'];
    const input = Array.from({ length: 300 }, (_, i) => statuses[(i * 7 + Math.floor(i / 13)) % 3]!);
    const output = run(smoother, input);
    for (const status of output) expect(input).toContain(status);
  });

  it('starts afresh on reset and when time goes backwards', () => {
    const smoother = new VerdictSmoother(HOLD_MS);
    smoother.update(verdict('pass'), 0);
    smoother.reset();
    expect(smoother.update(verdict('fail'), 10).smoothed.status).toBe('fail');
    expect(smoother.update(verdict('pass'), 5).smoothed.status).toBe('pass');
  });

  it('with a zero hold follows the raw verdict', () => {
    const smoother = new VerdictSmoother(0);
    expect(run(smoother, ['pass', 'fail', 'pass', 'unknown'])).toEqual(['pass', 'fail', 'pass', 'unknown']);
  });

  it('rejects a negative or non-finite hold', () => {
    expect(() => new VerdictSmoother(-1)).toThrow(RangeError);
    expect(() => new VerdictSmoother(Number.NaN)).toThrow(RangeError);
  });
});

describe('RuleSmoothers', () => {
  const both = (upright: VerdictStatus, lying: VerdictStatus) =>
    ({
      'posture.upright': verdict(upright, 0, 'posture.upright'),
      'posture.no_lying_on_counter': verdict(lying, 0, 'posture.no_lying_on_counter'),
    }) as Record<RuleId, Verdict>;

  it('smooths each rule on its own, with per-rule holds', () => {
    const smoothers = new RuleSmoothers({
      defaultHoldMs: HOLD_MS,
      holdMsByRule: { 'posture.no_lying_on_counter': 100 },
    });
    smoothers.update(both('pass', 'pass'), 0);
    const later = smoothers.update(both('fail', 'fail'), 100);
    expect(later.raw['posture.upright'].status).toBe('fail');
    expect(later.smoothed['posture.upright'].status).toBe('pass');
    const held = smoothers.update(both('fail', 'fail'), 200);
    expect(held.smoothed['posture.no_lying_on_counter'].status).toBe('fail');
    expect(held.smoothed['posture.upright'].status).toBe('pass');
  });

  it('resets every smoother', () => {
    const smoothers = RuleSmoothers.forRules(POSTURE_RULES, DEFAULT_CONFIG);
    smoothers.update(both('pass', 'pass'), 0);
    smoothers.reset();
    expect(smoothers.update(both('fail', 'unknown'), 10).smoothed['posture.upright'].status).toBe('fail');
  });

  it('takes the posture hold from the config', () => {
    const smoothers = RuleSmoothers.forRules(POSTURE_RULES, resolveConfig({ rules: { postureHoldMs: 500 } }));
    smoothers.update(both('pass', 'pass'), 0);
    expect(smoothers.update(both('fail', 'fail'), 499).smoothed['posture.upright'].status).toBe('pass');
    expect(smoothers.update(both('fail', 'fail'), 999).smoothed['posture.upright'].status).toBe('fail');
  });
});
