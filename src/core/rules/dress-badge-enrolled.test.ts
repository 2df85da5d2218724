import { describe, expect, it } from 'vitest';
import { DEFAULT_BADGE_RULE_CONFIG, DEFAULT_ENROLLED_BADGE_CONFIG } from '../badge/badge-config';
import type { EnrolledBadgeObservation } from '../badge/badge-matcher';
import { CHEST_REASONS } from '../badge/chest-region';
import { ENROLLED_BADGE_REASONS, evaluateEnrolledBadge } from './dress-badge-enrolled';
import { dressBadgeVisible } from './dress-badge-visible';
import { rulesOnWithEnrolledBadge } from './enrolled-badge-rules';
import { FRAME_RULES } from './index';

const CHEST = { x: 0.3, y: 0.3, width: 0.4, height: 0.5 };
const observed = (score: number, boxX: number | null, occlusion: string | null = null): EnrolledBadgeObservation => ({
  measured: true,
  chestBox: CHEST,
  match: {
    score,
    greyCorrelation: Math.min(1, score + 0.05),
    colourSimilarity: 0.95,
    box: boxX === null ? null : { x: boxX, y: 0.4, width: 0.06, height: 0.09 },
    tiltDeg: 15,
    windowsTried: 5000,
  },
  // shoulders 0.3 wide in x, the person's left on the image right (facing the camera)
  offsetFromMidlineRatio: boxX === null ? null : (boxX + 0.03 - 0.5) / 0.3,
  occlusion,
});
const judge = (enrolled: EnrolledBadgeObservation) =>
  evaluateEnrolledBadge(enrolled, DEFAULT_BADGE_RULE_CONFIG, DEFAULT_ENROLLED_BADGE_CONFIG);

describe('dress.badge_visible by the enrolled badge', () => {
  it('found on the left chest: pass with the box and the position as evidence', () => {
    const verdict = judge(observed(0.85, 0.57));
    expect(verdict.status).toBe('pass');
    expect(verdict.evidence.measures).toMatchObject({
      enrolledMatchScore: 0.85,
      badgeBoxX: 0.57,
      badgeBoxWidth: 0.06,
      badgeTiltDeg: 15,
      badgePositionCode: 1,
      badgeAtExpectedPosition: 1,
    });
    expect(verdict.evidence.decidingMeasure).toBe('enrolledMatchScore');
    expect(verdict.evidence.thresholds).toMatchObject({ matchScoreMin: 0.6, noMatchScoreMax: 0.4 });
    expect(verdict.evidence.confidence).toBeGreaterThan(0.5);
  });

  it('found on the right chest: still a pass, the reason says where it was expected', () => {
    const verdict = judge(observed(0.7, 0.36));
    expect(verdict.status).toBe('pass');
    expect(verdict.evidence.measures.badgePositionCode).toBe(-1);
    expect(verdict.evidence.reason).toBe('badge on the right chest, expected left chest or sternum');
  });

  it('a sure non-match over the whole chest fails; an arm across it is unknown; in between is unknown', () => {
    expect(judge(observed(0.2, 0.5))).toMatchObject({ status: 'fail', evidence: { reason: ENROLLED_BADGE_REASONS.notSeen } });
    expect(judge(observed(0.2, 0.5)).evidence.measures).not.toHaveProperty('badgeBoxX');
    expect(judge(observed(0.2, 0.5, CHEST_REASONS.armAcross))).toMatchObject({
      status: 'unknown',
      evidence: { reason: CHEST_REASONS.armAcross, confidence: 0 },
    });
    expect(judge(observed(0.5, 0.5))).toMatchObject({ status: 'unknown', evidence: { reason: ENROLLED_BADGE_REASONS.notSure } });
  });

  it('no chest (turned body, no person): unknown with the reason', () => {
    expect(judge({ measured: false, reason: CHEST_REASONS.turned })).toMatchObject({
      status: 'unknown',
      evidence: { reason: CHEST_REASONS.turned, measures: {} },
    });
  });

  it('the rule decides by the enrolled match when there is one, and by the general detector without', () => {
    const general = {
      measured: true as const,
      chestBox: CHEST,
      probability: 0.9,
      box: { x: 0.5, y: 0.4, width: 0.05, height: 0.05 },
      offsetFromMidlineRatio: 0.1,
      occlusion: null,
      handPeakProbability: null,
    };
    const withEnrolled = dressBadgeVisible.evaluate({ badge: general, config: DEFAULT_BADGE_RULE_CONFIG, enrolled: observed(0.1, 0.5) });
    expect(withEnrolled).toMatchObject({ ruleId: 'dress.badge_visible', status: 'fail' });
    const without = dressBadgeVisible.evaluate({ badge: general, config: DEFAULT_BADGE_RULE_CONFIG });
    expect(without.status).toBe('pass');
    expect(without.evidence.measures).toHaveProperty('badgeProbability', 0.9);
    expect(dressBadgeVisible.evaluate({ badge: general, config: DEFAULT_BADGE_RULE_CONFIG, enrolled: null })).toEqual(without);
  });
});

describe('rulesOnWithEnrolledBadge', () => {
  it('turns the badge rule on for an enrolled station, keeping its other choices; changes nothing without', () => {
    expect(rulesOnWithEnrolledBadge(undefined, false)).toBeUndefined();
    const defaults = rulesOnWithEnrolledBadge(undefined, true)!;
    expect(defaults.has('dress.badge_visible')).toBe(true);
    expect(defaults.size).toBe(FRAME_RULES.filter((rule) => !rule.defaultOff).length + 1);
    const chosen = new Set(['posture.upright'] as const);
    expect([...rulesOnWithEnrolledBadge(chosen, true)!].sort()).toEqual(['dress.badge_visible', 'posture.upright']);
    expect(rulesOnWithEnrolledBadge(chosen, false)).toBe(chosen);
  });
});
