import type { Evidence } from '../rules/rule';
import type { ConductSignals } from './conduct-signals';

/** Conduct rules (RULES.md, "Conduct while serving"): judged over time during a shift. */
export type ConductRuleId =
  | 'conduct.smile'
  | 'conduct.face_customer'
  | 'conduct.awake'
  | 'conduct.at_post'
  | 'conduct.no_grooming_in_public'
  | 'conduct.no_phone'
  | 'conduct.no_eating';

/** Every conduct rule id, in the order RULES.md lists them. */
export const CONDUCT_RULE_IDS: readonly ConductRuleId[] = Object.freeze([
  'conduct.smile',
  'conduct.face_customer',
  'conduct.no_grooming_in_public',
  'conduct.no_phone',
  'conduct.no_eating',
  'conduct.awake',
  'conduct.at_post',
] as const);

export type ConductStatus = 'pass' | 'fail' | 'unknown';

/** A conduct rule's verdict at a moment of the shift (same evidence shape as the posture rules). */
export interface ConductVerdict {
  readonly ruleId: ConductRuleId;
  readonly status: ConductStatus;
  /** Finite numbers only; `reason` is always given. */
  readonly evidence: Evidence;
}

/**
 * A span of the shift: a violation (a held grooming gesture, a phone, eating, a drowsy span, a failing
 * smile or facing share, an absence past the allowed time) or a marked break (at_post only). Plain data.
 */
export interface ConductEvent {
  readonly ruleId: ConductRuleId;
  readonly kind: 'violation' | 'break';
  /** Where the signal began (the first frame it was seen), not where the hold time was reached. */
  readonly startMs: number;
  /** The last frame the signal was seen (for a break: when it was ended). */
  readonly endMs: number;
  /** The extreme measures over the span, e.g. `{ durationMs, phoneScoreMax }`; finite numbers only. */
  readonly peak: Readonly<Record<string, number>>;
  /** What was seen most, when it has a name: a grooming target ('nose'), an item ('cup'), 'phone in hand'. */
  readonly label: string | null;
}

export interface ConductRuleMeta {
  readonly id: ConductRuleId;
  /** Shown to users. */
  readonly title: { readonly zh: string; readonly en: string };
  /** The source sentences in the conduct codes (`seeds/`), and the codes' numbers. */
  readonly source: { readonly zh: string; readonly en: string; readonly refs: readonly string[] };
}

/** One conduct rule's state over a shift. Time is passed in; nothing reads a clock. */
export interface ConductTimeRule {
  readonly meta: ConductRuleMeta;
  /** Takes one frame's signals; returns the verdict after it. A timestamp going backwards starts afresh. */
  update(signals: ConductSignals, timestampMs: number): ConductVerdict;
  /** The verdict after the latest frame (unknown before the first). */
  verdict(): ConductVerdict;
  /** The violation in progress, ending at its last frame so far; null when none is open. */
  openEvent(): ConductEvent | null;
  /** The latest events completed since the last reset, oldest first: all not yet taken, and the last 100 taken (`EVENT_LOG_KEPT`). */
  completedEvents(): readonly ConductEvent[];
  /**
   * Where the span in progress that may yet complete as an event began (a signal not yet held long
   * enough, an open violation, an open break): its event will be filed in that minute. Null when none.
   */
  pendingStartMs(): number | null;
  /** The events completed since the last call (for a consumer that stores them once). */
  takeNewEvents(): ConductEvent[];
  /** Ends the shift: completes any open span at its last frame (a break at `timestampMs`). */
  closeOpenEvents(timestampMs: number): void;
  reset(): void;
}
