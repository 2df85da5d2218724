import type { BadgeRuleConfig, EnrolledBadgeConfig } from '../badge/badge-config';
import type { EnrolledBadgeObservation } from '../badge/badge-matcher';
import type { VerdictStatus } from '../types';
import { badgeEvidence, badgePositionEvidence, boxMeasures } from './badge-evidence';
import type { Evidence } from './rule';

/*
 * `dress.badge_visible` for a station that enrolled its own badge (RULES.md: "by the station's enrolled
 * badge and by a general card detector"). The enrolled badge is looked for on the chest: found -> pass,
 * with the window and where on the chest it is; a sure non-match over the whole, uncovered chest -> fail;
 * an arm across the chest or a turned body (no chest) -> unknown, never fail.
 */

export const ENROLLED_BADGE_REASONS = {
  notSeen: 'enrolled badge not seen on the chest',
  notSure: 'enrolled badge match not sure',
} as const;

/** The verdict from the enrolled badge's match. Pure. */
export function evaluateEnrolledBadge(
  enrolled: EnrolledBadgeObservation,
  config: BadgeRuleConfig,
  enrolledConfig: EnrolledBadgeConfig,
): { readonly status: VerdictStatus; readonly evidence: Evidence } {
  const thresholds = {
    matchScoreMin: enrolledConfig.matchScoreMin,
    noMatchScoreMax: enrolledConfig.noMatchScoreMax,
    sternumHalfWidthRatio: config.sternumHalfWidthRatio,
  };
  const verdict = (status: VerdictStatus, measures: Record<string, number>, confidence: number, reason?: string) => ({
    status,
    evidence: badgeEvidence(measures, thresholds, confidence, 'enrolledMatchScore', reason),
  });
  if (!enrolled.measured) return verdict('unknown', {}, 0, enrolled.reason);

  const { match, chestBox } = enrolled;
  const score = match.score;
  const measures: Record<string, number> = {
    enrolledMatchScore: score,
    enrolledGreyCorrelation: match.greyCorrelation,
    enrolledColourSimilarity: match.colourSimilarity,
    ...boxMeasures('chestBox', chestBox),
  };
  if (score >= enrolledConfig.matchScoreMin && match.box) {
    Object.assign(measures, boxMeasures('badgeBox', match.box), { badgeTiltDeg: match.tiltDeg });
    const confidence = 0.5 + (0.5 * (score - enrolledConfig.matchScoreMin)) / Math.max(1 - enrolledConfig.matchScoreMin, 1e-6);
    if (enrolled.offsetFromMidlineRatio === null) return verdict('pass', measures, confidence);
    const position = badgePositionEvidence(enrolled.offsetFromMidlineRatio, config);
    return verdict('pass', { ...measures, ...position.measures }, confidence, position.reason);
  }
  if (enrolled.occlusion) return verdict('unknown', measures, 0, enrolled.occlusion);
  if (score <= enrolledConfig.noMatchScoreMax) {
    const confidence = 0.5 + (0.5 * (enrolledConfig.noMatchScoreMax - score)) / Math.max(enrolledConfig.noMatchScoreMax, 1e-6);
    return verdict('fail', measures, confidence, ENROLLED_BADGE_REASONS.notSeen);
  }
  return verdict('unknown', measures, 0, ENROLLED_BADGE_REASONS.notSure);
}
