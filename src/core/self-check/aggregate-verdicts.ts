import type { RuleId, Verdict } from '../rules/rule';

/** Fewest share of a check's frames that must have measured a rule for it to count as measured. */
export const MEASURED_SHARE_MIN = 0.3;
/** A rule fails the check when at least this share of its measured frames failed. */
export const FAIL_SHARE_MIN = 0.5;

/**
 * One verdict for a rule over a few seconds of frames: unknown when too few frames measured it,
 * else fail when at least half the measured frames failed, else pass. The evidence is that of the
 * latest frame with the chosen status, so it shows numbers that really occurred.
 */
export function aggregateVerdicts(ruleId: RuleId, samples: readonly Verdict[]): Verdict {
  const measured = samples.filter((v) => v.status === 'pass' || v.status === 'fail');
  if (samples.length > 0 && samples.every((v) => v.status === 'off')) return samples.at(-1)!;
  if (samples.length === 0 || measured.length < MEASURED_SHARE_MIN * samples.length) {
    const latestUnknown = [...samples].reverse().find((v) => v.status === 'unknown');
    return (
      latestUnknown ?? {
        ruleId,
        status: 'unknown',
        evidence: { measures: {}, thresholds: {}, confidence: 0, reason: 'no frame was judged' },
      }
    );
  }
  const failShare = measured.filter((v) => v.status === 'fail').length / measured.length;
  const status = failShare >= FAIL_SHARE_MIN ? 'fail' : 'pass';
  const latest = [...measured].reverse().find((v) => v.status === status)!;
  return { ...latest, evidence: { ...latest.evidence, measures: { ...latest.evidence.measures, failShare } } };
}

/** Aggregates every rule seen in a list of per-frame verdict records. */
export function aggregateCheck(frames: readonly Partial<Record<RuleId, Verdict>>[], ruleIds: readonly RuleId[]): Record<RuleId, Verdict> {
  const result = {} as Record<RuleId, Verdict>;
  for (const ruleId of ruleIds) {
    const samples = frames.map((frame) => frame[ruleId]).filter((v): v is Verdict => v !== undefined);
    result[ruleId] = aggregateVerdicts(ruleId, samples);
  }
  return result;
}
