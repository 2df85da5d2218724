import type { VerdictStatus } from '../types';

/**
 * One status for a set of rules' verdicts, the room-wide signal of the trainer view: fail when any rule
 * fails; else pass when any is judged (the rest unknown: a rule that cannot see, e.g. arms out of frame,
 * does not turn a correct posture grey); else unknown. Rules that are off are left out.
 */
export function overallStatus(statuses: readonly VerdictStatus[]): VerdictStatus {
  if (statuses.includes('fail')) return 'fail';
  if (statuses.includes('pass')) return 'pass';
  return 'unknown';
}
