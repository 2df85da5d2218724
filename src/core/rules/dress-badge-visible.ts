import { type BadgeRuleConfig, DEFAULT_ENROLLED_BADGE_CONFIG, type EnrolledBadgeConfig } from '../badge/badge-config';
import type { EnrolledBadgeObservation } from '../badge/badge-matcher';
import type { BadgeObservation } from '../badge/badge-observation';
import type { VerdictStatus } from '../types';
import { badgeEvidence, badgePositionEvidence, boxMeasures } from './badge-evidence';
import { evaluateEnrolledBadge } from './dress-badge-enrolled';
import type { Evidence } from './rule';

/*
 * Source (RULES.md): 000 工作人員必須佩戴或放置統壹的服務標識卡; 徽章掛在上衣左口袋的中央; 001 按规定佩证上岗;
 * 002 佩帶工作證; 003 佩戴工牌; 004 配带胸卡.
 *
 * A card-like badge must show on the chest (between the shoulders, above the hips). The general badge
 * detector scores the chest crop; a sure score passes wherever on the chest the badge is, and the evidence
 * says where (000 wants it on the left chest; a lanyard hangs it at the sternum). Its absence fails only
 * when the whole chest was seen: a badge hidden by an arm or a turned body is `unknown`, never `fail`.
 */

export type BadgeRuleId = 'dress.badge_visible';

const RULE_ID: BadgeRuleId = 'dress.badge_visible';

export interface BadgeRuleInput {
  readonly badge: BadgeObservation | null;
  readonly config: BadgeRuleConfig;
  /** The station's enrolled badge searched on the chest; when given it decides (dress-badge-enrolled.ts). Absent = none enrolled. */
  readonly enrolled?: EnrolledBadgeObservation | null;
  /** Default DEFAULT_ENROLLED_BADGE_CONFIG. */
  readonly enrolledConfig?: EnrolledBadgeConfig;
}

export interface BadgeVerdict {
  readonly ruleId: BadgeRuleId;
  readonly status: VerdictStatus;
  readonly evidence: Evidence;
}

function evaluate({ badge, config, enrolled, enrolledConfig }: BadgeRuleInput): BadgeVerdict {
  if (enrolled) return { ruleId: RULE_ID, ...evaluateEnrolledBadge(enrolled, config, enrolledConfig ?? DEFAULT_ENROLLED_BADGE_CONFIG) };
  const thresholds = {
    badgeProbabilityMin: config.badgeProbabilityMin,
    noBadgeProbabilityMax: config.noBadgeProbabilityMax,
    sternumHalfWidthRatio: config.sternumHalfWidthRatio,
  };
  const verdict = (status: VerdictStatus, measures: Record<string, number>, confidence: number, reason?: string): BadgeVerdict => ({
    ruleId: RULE_ID,
    status,
    evidence: badgeEvidence(measures, thresholds, confidence, 'badgeProbability', reason),
  });

  if (badge === null) return verdict('unknown', {}, 0, 'badge not measured');
  if (!badge.measured) return verdict('unknown', {}, 0, badge.reason);

  const p = badge.probability;
  const measures: Record<string, number> = {
    badgeProbability: p,
    ...boxMeasures('chestBox', badge.chestBox),
  };
  if (badge.handPeakProbability !== null) measures.handPeakProbability = badge.handPeakProbability;
  if (badge.box) Object.assign(measures, boxMeasures('badgeBox', badge.box));

  if (p >= config.badgeProbabilityMin) {
    const confidence = 0.5 + (0.5 * (p - config.badgeProbabilityMin)) / Math.max(1 - config.badgeProbabilityMin, 1e-6);
    if (badge.offsetFromMidlineRatio === null) return verdict('pass', measures, confidence);
    const position = badgePositionEvidence(badge.offsetFromMidlineRatio, config);
    return verdict('pass', { ...measures, ...position.measures }, confidence, position.reason);
  }
  // a badge is worn, not held: a badge-like spot on a hand (a held book, phone, the hand itself) is not counted
  const atHand =
    badge.handPeakProbability !== null && badge.handPeakProbability >= config.badgeProbabilityMin
      ? '; a badge-like spot at a hand (a held object) not counted'
      : '';
  if (badge.occlusion) return verdict('unknown', measures, 0, badge.occlusion);
  if (p <= config.noBadgeProbabilityMax) {
    const confidence = 0.5 + (0.5 * (config.noBadgeProbabilityMax - p)) / Math.max(config.noBadgeProbabilityMax, 1e-6);
    return verdict('fail', measures, confidence, `no badge seen on the chest${atHand}`);
  }
  return verdict('unknown', measures, 0, `badge detector not sure${atHand}`);
}

export const dressBadgeVisible = {
  id: RULE_ID,
  title: { zh: '佩戴工作证', en: 'Wear the work badge' },
  source: {
    zh: '000 工作人員必須佩戴或放置統壹的服務標識卡; 徽章掛在上衣左口袋的中央; 001 按规定佩证上岗; 002 佩帶工作證; 003 佩戴工牌; 004 配带胸卡',
    en: '000 Staff must wear or display the standard service badge, hung at the centre of the left breast pocket; 001 wear the badge on duty; 002 wear the work pass; 003 wear the work badge; 004 wear the chest card',
    refs: ['000', '001', '002', '003', '004'],
  },
  /**
   * Off by default: on the labelled photos (scripts/eval.mjs: precision 0.60, recall 0.38, F1 0.46, 40%
   * unknown, fail = no badge) the detector still takes books, folders and tablets held at the chest for a
   * badge and misses some lanyard cards, below the accuracy a violation needs (models/badge/README.md).
   * A station may turn it on by name; its verdicts then carry the badge box and the probability.
   */
  defaultOff: {
    zh: '默认关闭: 胸卡检测器在标注照片上仍会把胸前的书本或文件夹误认为胸卡, 准确度不足以判定违规',
    en: 'off by default: on the labelled photos the badge detector still mistakes books and folders held at the chest for a badge, not accurate enough to raise violations',
  } as { readonly zh: string; readonly en: string } | undefined,
  evaluate,
} as const;
