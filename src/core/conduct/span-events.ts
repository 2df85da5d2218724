import type { ConductEvent, ConductRuleId } from './conduct-rule';
import { EventLog } from './event-log';
import { HeldSpan, type HeldSpanOptions, type PeakKind, type Span } from './held-span';

/**
 * A rule's held signal and the violation events it makes: a `HeldSpan` whose ended spans go into an
 * `EventLog` as events of `ruleId`. The bookkeeping every span-based conduct rule shares. `label`
 * names every event (e.g. 'absence'); left out, an event takes the label seen on most of its frames.
 */
export class SpanEvents {
  private readonly span: HeldSpan;
  private readonly log = new EventLog();

  constructor(
    private readonly ruleId: ConductRuleId,
    options: HeldSpanOptions,
    peakKinds: Readonly<Record<string, PeakKind>> = {},
    private readonly label?: string | null,
  ) {
    this.span = new HeldSpan(options, peakKinds);
  }

  /** Takes one frame (see `HeldSpan.update`); an open span it ends is logged. */
  update(
    timestampMs: number,
    active: boolean | null,
    measures: Readonly<Record<string, number | null>> = {},
    label: string | null = null,
    sinceMs: number = timestampMs,
  ): void {
    this.logSpan(this.span.update(timestampMs, active, measures, label, sinceMs));
  }

  get isOpen(): boolean {
    return this.span.isOpen;
  }

  get heldMs(): number {
    return this.span.heldMs;
  }

  /** Where the candidate or open span began: an event logged later starts there. Null when none. */
  get pendingStartMs(): number | null {
    return this.span.candidateStartMs;
  }

  openSpan(): Span | null {
    return this.span.openSpan();
  }

  /** The violation in progress, ending at its last frame so far. */
  openEvent(): ConductEvent | null {
    const open = this.span.openSpan();
    return open ? this.toEvent(open) : null;
  }

  /** Ends the span now, logging it when it was open. */
  end(): void {
    this.logSpan(this.span.end());
  }

  /** Ends the span now without logging it (e.g. an absence that a marked break turns permitted). */
  drop(): void {
    this.span.end();
  }

  /** Logs an event that does not come from the span (a marked break). */
  add(event: ConductEvent): void {
    this.log.add(event);
  }

  /** The latest events logged (see `EventLog.all`). */
  completed(): readonly ConductEvent[] {
    return this.log.all();
  }

  takeNew(): ConductEvent[] {
    return this.log.takeNew();
  }

  reset(): void {
    this.span.reset();
    this.log.reset();
  }

  private logSpan(span: Span | null): void {
    if (span) this.log.add(this.toEvent(span));
  }

  private toEvent(span: Span): ConductEvent {
    return {
      ruleId: this.ruleId,
      kind: 'violation',
      startMs: span.startMs,
      endMs: span.endMs,
      peak: span.peak,
      label: this.label === undefined ? span.label : this.label,
    };
  }
}
