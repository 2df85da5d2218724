import { FRAME_RULES } from './index';
import type { RuleId } from './rule';

const BADGE_RULE: RuleId = 'dress.badge_visible';

/**
 * The rules a station checks once it has enrolled its badge: its own choice (absent = the defaults) plus
 * `dress.badge_visible`, which the enrolment turns on (the general detector leaves it off by default).
 * Unchanged without an enrolled badge. Pure.
 */
export function rulesOnWithEnrolledBadge(enabled: ReadonlySet<RuleId> | undefined, enrolled: boolean): ReadonlySet<RuleId> | undefined {
  if (!enrolled) return enabled;
  const on = enabled ?? new Set(FRAME_RULES.filter((rule) => !rule.defaultOff).map((rule) => rule.id));
  return on.has(BADGE_RULE) ? on : new Set([...on, BADGE_RULE]);
}
