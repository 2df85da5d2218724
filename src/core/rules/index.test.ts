import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, resolveConfig } from '../config';
import { EMPTY_OBSERVATIONS } from '../observations/empty-observations';
import { ARMS_FOLDED, makeSeatedPose } from '../observations/test-poses';
import { makeBadgeObservation } from '../badge/badge-observation';
import { evaluateRules, isRuleOn, POSTURE_RULES, RULE_IDS, ruleById, ruleHoldMs } from './index';
import type { RuleId } from './rule';
import { expectWellFormed, observe } from './test-helpers';

describe('POSTURE_RULES', () => {
  it('lists the five posture rules, then the dress and grooming rules (the badge last), then the counter rule, once each, upright and lying first', () => {
    expect(RULE_IDS).toEqual([
      'posture.upright',
      'posture.no_lying_on_counter',
      'posture.shoulders_level',
      'posture.no_arms_crossed',
      'posture.no_chin_resting',
      'dress.no_sunglasses',
      'dress.no_hat',
      'grooming.hair_color_natural',
      'grooming.bangs_above_brows',
      'dress.badge_visible',
      'counter.no_personal_items',
    ]);
    expect(new Set(RULE_IDS).size).toBe(RULE_IDS.length);
  });

  it('gives every rule a bilingual title and a sourced quote', () => {
    for (const rule of POSTURE_RULES) {
      expect(rule.title.zh && rule.title.en).toBeTruthy();
      expect(rule.source.zh && rule.source.en).toBeTruthy();
      expect(rule.source.refs.length).toBeGreaterThan(0);
      for (const ref of rule.source.refs) expect(rule.source.zh).toContain(ref);
    }
  });

  it('finds rules by id and their hold', () => {
    expect(ruleById('posture.shoulders_level').id).toBe('posture.shoulders_level');
    expect(() => ruleById('posture.nope' as RuleId)).toThrow(RangeError);
    expect(ruleHoldMs(ruleById('posture.upright'), resolveConfig({ rules: { postureHoldMs: 3000 } }))).toBe(3000);
  });
});

describe('evaluateRules', () => {
  it('answers every rule with well-formed evidence', () => {
    const verdicts = evaluateRules(observe(makeSeatedPose({ image: ARMS_FOLDED })), {
      calibration: null,
      config: DEFAULT_CONFIG,
    });
    expect(Object.keys(verdicts).sort()).toEqual([...RULE_IDS].sort());
    for (const [id, verdict] of Object.entries(verdicts)) {
      expect(verdict.ruleId).toBe(id);
      expectWellFormed(verdict);
    }
    expect(verdicts['posture.upright'].status).toBe('pass');
    expect(verdicts['posture.no_arms_crossed'].status).toBe('fail');
  });

  it('answers unknown for every rule when nobody is in frame', () => {
    const verdicts = evaluateRules(EMPTY_OBSERVATIONS, { calibration: null, config: DEFAULT_CONFIG, enabled: new Set(RULE_IDS) });
    for (const verdict of Object.values(verdicts)) {
      expect(verdict.status).toBe('unknown');
      expect(verdict.evidence.reason).toBe('no person in frame');
      expectWellFormed(verdict);
    }
  });

  it('answers off for disabled rules, even with nobody in frame', () => {
    const enabled = new Set<RuleId>(['posture.upright']);
    const verdicts = evaluateRules(observe(makeSeatedPose()), { calibration: null, config: DEFAULT_CONFIG, enabled });
    expect(verdicts['posture.upright'].status).toBe('pass');
    expect(verdicts['posture.no_lying_on_counter'].status).toBe('off');
    expect(verdicts['posture.no_chin_resting'].status).toBe('off');
    const empty = evaluateRules(EMPTY_OBSERVATIONS, { calibration: null, config: DEFAULT_CONFIG, enabled });
    expect(empty['posture.shoulders_level'].status).toBe('off');
    expect(empty['posture.upright'].status).toBe('unknown');
  });

  it('leaves a default-off rule off unless the station names it, then judges it from the badge measures', () => {
    const badgeRule = ruleById('dress.badge_visible');
    expect(badgeRule.defaultOff?.en).toMatch(/off by default/);
    expect(badgeRule.defaultOff?.zh).toBeTruthy();
    expect(isRuleOn(badgeRule, undefined)).toBe(false);
    expect(isRuleOn(ruleById('posture.upright'), undefined)).toBe(true);
    const chest = { box: { x: 0.3, y: 0.4, width: 0.4, height: 0.4 }, shoulderWidthPx: 200, hipsSeen: true, midlineX: 0.5, shoulderSpanX: 0.3, occlusion: null };
    const badge = makeBadgeObservation(
      { region: chest, unknownReason: null },
      { probability: 0.9, heatmapMaxProbability: 0.9, box: { x: 0.45, y: 0.5, width: 0.08, height: 0.1 } },
    );
    const observations = observe(makeSeatedPose());
    const byDefault = evaluateRules(observations, { calibration: null, config: DEFAULT_CONFIG, badge });
    expect(byDefault['dress.badge_visible']).toMatchObject({ status: 'off', evidence: { reason: 'rule off by default' } });
    expect(byDefault['posture.upright'].status).toBe('pass');
    const on = evaluateRules(observations, { calibration: null, config: DEFAULT_CONFIG, badge, enabled: new Set(RULE_IDS) });
    expect(on['dress.badge_visible'].status).toBe('pass');
    expect(on['dress.badge_visible'].evidence.measures).toMatchObject({ badgeBoxX: 0.45, badgeBoxWidth: 0.08 });
    const unmeasured = evaluateRules(observations, { calibration: null, config: DEFAULT_CONFIG, enabled: new Set(RULE_IDS) });
    expect(unmeasured['dress.badge_visible']).toMatchObject({ status: 'unknown', evidence: { reason: 'badge not measured' } });
  });

  it('applies station overrides', () => {
    const strict = resolveConfig({ rules: { headFromVerticalMaxDeg: 10 } });
    const verdicts = evaluateRules(observe(makeSeatedPose({ headLeanDeg: 15 })), { calibration: null, config: strict });
    expect(verdicts['posture.upright'].status).toBe('fail');
  });

  it('reasons with the configured visibility threshold', () => {
    const dim = makeSeatedPose({
      image: {
        leftShoulder: { x: 0.65, y: 0.75, z: 0, visibility: 0.6 },
        rightShoulder: { x: 0.35, y: 0.75, z: 0, visibility: 0.6 },
      },
    });
    const config = resolveConfig({ observations: { landmarkVisibilityMin: 0.7 } });
    const observations = observe(dim);
    const verdicts = evaluateRules(
      { ...observations, earAboveShoulderRatio: null, headFromVerticalDeg: null },
      { calibration: null, config },
    );
    expect(verdicts['posture.upright'].evidence.reason).toBe('shoulders not visible or out of frame');
  });
});
