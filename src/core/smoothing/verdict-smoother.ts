import { type CounterCheckConfig, DEFAULT_POSTURE_HOLD_MS } from '../config';
import type { RuleDefinition, RuleId, Verdict } from '../rules/rule';
import type { VerdictStatus } from '../types';

export interface SmoothedVerdict {
  /** This frame's verdict as the rule gave it. */
  readonly raw: Verdict;
  /** The verdict to show and record: changes only once a new status has held for `holdMs`. */
  readonly smoothed: Verdict;
}

/**
 * Hysteresis for one rule's verdicts. The first verdict is adopted at once; after that the smoothed
 * status changes only when a different raw status has held, without a break, for `holdMs`. While it
 * stays, the smoothed evidence follows the latest raw verdict of the smoothed status. Time is passed
 * in; a timestamp going backwards (a seek, a new clip) starts afresh.
 */
export class VerdictSmoother {
  private smoothed: Verdict | null = null;
  private candidate: { status: VerdictStatus; sinceMs: number } | null = null;
  private lastTimestampMs = Number.NEGATIVE_INFINITY;

  constructor(private readonly holdMs: number = DEFAULT_POSTURE_HOLD_MS) {
    if (!(holdMs >= 0) || !Number.isFinite(holdMs))
      throw new RangeError(`holdMs must be a finite number >= 0, got ${holdMs}`);
  }

  update(verdict: Verdict, timestampMs: number): SmoothedVerdict {
    if (timestampMs < this.lastTimestampMs) this.reset();
    this.lastTimestampMs = timestampMs;

    if (this.smoothed === null || verdict.status === this.smoothed.status) {
      this.smoothed = verdict;
      this.candidate = null;
    } else {
      if (this.candidate?.status !== verdict.status) this.candidate = { status: verdict.status, sinceMs: timestampMs };
      if (timestampMs - this.candidate.sinceMs >= this.holdMs) {
        this.smoothed = verdict;
        this.candidate = null;
      }
    }
    return { raw: verdict, smoothed: this.smoothed };
  }

  reset(): void {
    this.smoothed = null;
    this.candidate = null;
    this.lastTimestampMs = Number.NEGATIVE_INFINITY;
  }
}

export interface RuleSmoothersOptions {
  /** Hold for rules not listed in `holdMsByRule`. Default 2000 ms (the posture default). */
  readonly defaultHoldMs?: number;
  readonly holdMsByRule?: Partial<Record<RuleId, number>>;
}

export interface SmoothedVerdicts {
  readonly raw: Record<RuleId, Verdict>;
  readonly smoothed: Record<RuleId, Verdict>;
}

/** One `VerdictSmoother` per rule id, made on first sight of the rule. */
export class RuleSmoothers {
  private readonly smoothers = new Map<RuleId, VerdictSmoother>();

  constructor(private readonly options: RuleSmoothersOptions = {}) {}

  /** Smoothers holding each rule for its own `holdMs`, else the configured posture hold. */
  static forRules(rules: readonly RuleDefinition[], config: CounterCheckConfig): RuleSmoothers {
    const holdMsByRule: Partial<Record<RuleId, number>> = {};
    for (const rule of rules) if (rule.holdMs !== undefined) holdMsByRule[rule.id] = rule.holdMs;
    return new RuleSmoothers({ defaultHoldMs: config.rules.postureHoldMs, holdMsByRule });
  }

  update(verdicts: Record<RuleId, Verdict>, timestampMs: number): SmoothedVerdicts {
    const raw = {} as Record<RuleId, Verdict>;
    const smoothed = {} as Record<RuleId, Verdict>;
    for (const [ruleId, verdict] of Object.entries(verdicts) as [RuleId, Verdict][]) {
      const result = this.smootherFor(ruleId).update(verdict, timestampMs);
      raw[ruleId] = result.raw;
      smoothed[ruleId] = result.smoothed;
    }
    return { raw, smoothed };
  }

  reset(): void {
    for (const smoother of this.smoothers.values()) smoother.reset();
  }

  private smootherFor(ruleId: RuleId): VerdictSmoother {
    let smoother = this.smoothers.get(ruleId);
    if (!smoother) {
      smoother = new VerdictSmoother(
        this.options.holdMsByRule?.[ruleId] ?? this.options.defaultHoldMs ?? DEFAULT_POSTURE_HOLD_MS,
      );
      this.smoothers.set(ruleId, smoother);
    }
    return smoother;
  }
}
