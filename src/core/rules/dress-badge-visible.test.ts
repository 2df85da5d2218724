import { describe, expect, it } from 'vitest';
import { DEFAULT_BADGE_RULE_CONFIG } from '../badge/badge-config';
import { badgePosition, makeBadgeObservation, type BadgeObservation } from '../badge/badge-observation';
import { CHEST_REASONS, type ChestRegion } from '../badge/chest-region';
import { dressBadgeVisible, type BadgeVerdict } from './dress-badge-visible';

const CHEST: ChestRegion = {
  box: { x: 0.38, y: 0.39, width: 0.24, height: 0.27 },
  shoulderWidthPx: 200,
  hipsSeen: true,
  midlineX: 0.5,
  shoulderSpanX: 0.2, // facing the camera: the person's left is the image right
  occlusion: null,
};

/** A badge whose centre sits at normalized image x `centreX`. */
const observation = (probability: number, centreX: number | null, chest: ChestRegion = CHEST): BadgeObservation =>
  makeBadgeObservation(
    { region: chest, unknownReason: null },
    {
      probability,
      heatmapMaxProbability: probability,
      box: centreX === null ? null : { x: centreX - 0.02, y: 0.45, width: 0.04, height: 0.06 },
    },
  );

function evaluate(badge: BadgeObservation | null, config = DEFAULT_BADGE_RULE_CONFIG): BadgeVerdict {
  const verdict = dressBadgeVisible.evaluate({ badge, config });
  const { measures, thresholds, confidence, reason } = verdict.evidence;
  for (const value of [...Object.values(measures), ...Object.values(thresholds), confidence]) expect(Number.isFinite(value)).toBe(true);
  expect(confidence).toBeGreaterThanOrEqual(0);
  expect(confidence).toBeLessThanOrEqual(1);
  expect(JSON.parse(JSON.stringify(verdict))).toEqual(verdict);
  if (verdict.status === 'unknown' || verdict.status === 'fail') expect(reason).toBeTruthy();
  expect(verdict.ruleId).toBe('dress.badge_visible');
  return verdict;
}

describe('dress.badge_visible', () => {
  it('passes a badge on the left chest (image right when facing the camera), with its box and position', () => {
    const verdict = evaluate(observation(0.9, 0.56));
    expect(verdict.status).toBe('pass');
    expect(verdict.evidence.reason).toBeUndefined();
    expect(verdict.evidence.measures).toMatchObject({
      badgeProbability: 0.9,
      badgeBoxX: 0.54,
      badgePositionCode: 1,
      badgeAtExpectedPosition: 1,
    });
    expect(verdict.evidence.measures.badgeOffsetFromMidlineRatio).toBeCloseTo(0.3, 9);
    expect(verdict.evidence.thresholds).toEqual({ badgeProbabilityMin: 0.5, noBadgeProbabilityMax: 0.3, sternumHalfWidthRatio: 0.15 });
  });

  it('passes a lanyard badge at the sternum', () => {
    const verdict = evaluate(observation(0.7, 0.51));
    expect(verdict.status).toBe('pass');
    expect(verdict.evidence.measures.badgePositionCode).toBe(0);
  });

  it('passes a badge on the right chest but says where it is', () => {
    const verdict = evaluate(observation(0.8, 0.44));
    expect(verdict.status).toBe('pass');
    expect(verdict.evidence.measures.badgeAtExpectedPosition).toBe(0);
    expect(verdict.evidence.reason).toBe('badge on the right chest, expected left chest or sternum');
    const anywhere = evaluate(observation(0.8, 0.44), { ...DEFAULT_BADGE_RULE_CONFIG, expectedPositions: ['right_chest'] });
    expect(anywhere.evidence.reason).toBeUndefined();
  });

  it('fails when the whole chest is seen and no badge scores', () => {
    const verdict = evaluate(observation(0.05, null));
    expect(verdict.status).toBe('fail');
    expect(verdict.evidence.reason).toBe('no badge seen on the chest');
    expect(verdict.evidence.confidence).toBeGreaterThan(0.8);
  });

  it('is unknown, not fail, when an arm covers the chest; a badge still seen passes', () => {
    const covered = { ...CHEST, occlusion: CHEST_REASONS.armAcross };
    const hidden = evaluate(observation(0.05, null, covered));
    expect(hidden.status).toBe('unknown');
    expect(hidden.evidence.reason).toBe('arm across the chest');
    expect(evaluate(observation(0.9, 0.56, covered)).status).toBe('pass');
  });

  it('is unknown for a turned body, no pose, or an unsure score', () => {
    const turned = makeBadgeObservation({ region: null, unknownReason: CHEST_REASONS.turned }, null);
    expect(evaluate(turned).evidence.reason).toBe('body turned too far from the camera');
    expect(evaluate(null).status).toBe('unknown');
    const unsure = evaluate(observation(0.4, null));
    expect(unsure.status).toBe('unknown');
    expect(unsure.evidence.reason).toBe('badge detector not sure');
  });

  it('a badge-like spot only at a hand is not counted, and the evidence says so', () => {
    const held = makeBadgeObservation({ region: CHEST, unknownReason: null }, { probability: 0.1, heatmapMaxProbability: 0.85, handPeakProbability: 0.85, box: null });
    const verdict = evaluate(held);
    expect(verdict.status).toBe('fail');
    expect(verdict.evidence.reason).toBe('no badge seen on the chest; a badge-like spot at a hand (a held object) not counted');
    expect(verdict.evidence.measures).toMatchObject({ badgeProbability: 0.1, handPeakProbability: 0.85 });
    // a weak spot at the hand is reported as a measure but not in the reason
    const weak = evaluate(makeBadgeObservation({ region: CHEST, unknownReason: null }, { probability: 0.1, heatmapMaxProbability: 0.2, handPeakProbability: 0.2, box: null }));
    expect(weak.evidence.reason).toBe('no badge seen on the chest');
    expect(weak.evidence.measures.handPeakProbability).toBe(0.2);
    // nothing on a hand: no such measure
    expect(evaluate(observation(0.05, null)).evidence.measures).not.toHaveProperty('handPeakProbability');
  });

  it('edges: the pass and fail limits are inclusive', () => {
    expect(evaluate(observation(0.5, 0.56)).status).toBe('pass');
    expect(evaluate(observation(0.3, null)).status).toBe('fail');
  });
});

describe('badgePosition', () => {
  it('splits the chest at the sternum band', () => {
    expect(badgePosition(0.3)).toBe('left_chest');
    expect(badgePosition(0.15)).toBe('sternum');
    expect(badgePosition(-0.16)).toBe('right_chest');
  });

  it('follows the shoulders when the person faces away from a mirrored view', () => {
    const mirrored = observation(0.9, 0.44, { ...CHEST, shoulderSpanX: -0.2 });
    expect(mirrored.measured && mirrored.offsetFromMidlineRatio).toBeCloseTo(0.3, 9);
  });
});
