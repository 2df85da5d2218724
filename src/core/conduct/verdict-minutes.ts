import type { VerdictStatus } from '../types';
import { isRevisable, type RevisableMinutes } from './revisable-minutes';

/** One rule's frames and fail time in one minute, as a stored minute record has them. */
export interface VerdictMinuteCounts {
  readonly pass: number;
  readonly fail: number;
  readonly unknown: number;
  /** Time the verdict was 'fail' in the minute: each frame's status holds until the next frame. */
  readonly failMs: number;
}

/** A stretch where a rule's (smoothed) verdict was 'fail', from its first failing frame to its last. */
export interface VerdictFailSpan {
  readonly ruleId: string;
  readonly startMs: number;
  readonly endMs: number;
}

interface Minute {
  readonly rules: Map<string, { pass: number; fail: number; unknown: number; failMs: number }>;
  readonly events: VerdictFailSpan[];
}

const MINUTE_MS = 60_000;
const minuteOf = (timestampMs: number): number => Math.floor(timestampMs / MINUTE_MS) * MINUTE_MS;

/**
 * Per-frame verdicts (e.g. the smoothed posture rules) over a shift, per minute: frame counts by status,
 * fail time, and fail spans, each filed in the minute it started in, as `ShiftMonitor` does for the
 * conduct rules and as stored minute records require. A gap between frames longer than `maxFrameGapMs`
 * is not fail time and ends a span. Frames must come in time order (others are ignored). Time is passed in.
 * Shift totals are running sums; a minute is held until the owner `release`s it (never while a frame or
 * an open span can still change it), so memory stays bounded over a shift.
 */
export class VerdictMinutes {
  private readonly minutes = new Map<number, Minute>();
  private readonly open = new Map<string, { startMs: number; lastFailMs: number }>();
  private readonly revised = new Set<number>();
  private lastTimestampMs: number | null = null;
  private lastStatuses: Readonly<Record<string, VerdictStatus>> | null = null;
  private readonly runningTotals = new Map<string, { pass: number; fail: number; unknown: number; failMs: number; spans: number }>();
  /** The latest completed spans, oldest first, at most `spansKept`. */
  private readonly completed: VerdictFailSpan[] = [];

  /** `spansKept`: how many of the latest completed spans `completedSpans` lists (default none: minutes hold them). */
  constructor(
    private readonly maxFrameGapMs: number,
    private readonly spansKept = 0,
  ) {}

  /** Takes one frame's status per rule ('off' rules are not counted). */
  update(statuses: Readonly<Record<string, VerdictStatus>>, timestampMs: number): void {
    if (!Number.isFinite(timestampMs) || (this.lastTimestampMs !== null && timestampMs <= this.lastTimestampMs)) return;
    const last = this.lastTimestampMs;
    const gap = last !== null && timestampMs - last > this.maxFrameGapMs;
    if (last !== null && !gap && this.lastStatuses) this.creditFailTime(last, timestampMs, this.lastStatuses);
    if (gap) this.closeSpans(() => true);
    const minute = this.minute(minuteOf(timestampMs));
    for (const [ruleId, status] of Object.entries(statuses)) {
      if (status === 'off') continue;
      const counts = this.counts(minute, ruleId);
      counts[status] += 1;
      this.total(ruleId)[status] += 1;
      const span = this.open.get(ruleId);
      if (status === 'fail') {
        if (span) span.lastFailMs = timestampMs;
        else this.open.set(ruleId, { startMs: timestampMs, lastFailMs: timestampMs });
      }
    }
    this.closeSpans((ruleId) => statuses[ruleId] !== 'fail');
    this.lastTimestampMs = timestampMs;
    this.lastStatuses = { ...statuses };
  }

  /** Ends the shift: closes the open spans at their last failing frame. */
  end(): void {
    this.closeSpans(() => true);
  }

  /** The minute's counts per rule and its completed spans as they stand; null for a minute without frames or spans. */
  minuteAt(minuteStartMs: number): { rules: Record<string, VerdictMinuteCounts>; events: VerdictFailSpan[] } | null {
    const minute = this.minutes.get(minuteStartMs);
    if (!minute) return null;
    const rules: Record<string, VerdictMinuteCounts> = {};
    for (const [ruleId, counts] of minute.rules) rules[ruleId] = { ...counts };
    return { rules, events: [...minute.events] };
  }

  /**
   * Per rule since the last reset (running sums, released minutes included): fail time and frames by
   * status, and the fail spans completed plus the one open now.
   */
  totals(): Record<string, VerdictMinuteCounts & { readonly spans: number }> {
    const totals: Record<string, VerdictMinuteCounts & { readonly spans: number }> = {};
    for (const [ruleId, total] of this.runningTotals) {
      totals[ruleId] = { ...total, spans: total.spans + (this.open.has(ruleId) ? 1 : 0) };
    }
    return totals;
  }

  /** The latest completed fail spans, in the order they completed (at most `spansKept`). */
  completedSpans(): readonly VerdictFailSpan[] {
    return [...this.completed];
  }

  /** The fail spans in progress, each up to its latest failing frame. */
  openSpans(): readonly VerdictFailSpan[] {
    return [...this.open].map(([ruleId, span]) => ({ ruleId, startMs: span.startMs, endMs: span.lastFailMs }));
  }

  /**
   * The minutes that may still change: from the latest frame's minute on (the next frame and the fail
   * time up to it fall there), and those where an open span began (it is filed there once it closes).
   */
  revisableMinutes(): RevisableMinutes {
    if (this.lastTimestampMs === null) return { fromMs: Number.NEGATIVE_INFINITY, spanStartsMs: new Set() };
    const spanStartsMs = new Set<number>();
    for (const span of this.open.values()) spanStartsMs.add(minuteOf(span.startMs));
    return { fromMs: minuteOf(this.lastTimestampMs), spanStartsMs };
  }

  /**
   * Drops the minutes that are final (`revisableMinutes`) and that the owner will not read again with
   * `minuteAt` (`keep` is false). Totals keep them.
   */
  release(keep: (minuteStartMs: number) => boolean = () => false): void {
    const revisable = this.revisableMinutes();
    for (const minuteStartMs of this.minutes.keys()) {
      if (!keep(minuteStartMs) && !isRevisable(revisable, minuteStartMs)) this.minutes.delete(minuteStartMs);
    }
  }

  /** How many minutes are held: bounded when the owner releases them. */
  get heldMinutes(): number {
    return this.minutes.size;
  }

  /** The minutes that got a span since the last call (a span is known only once it has ended). */
  takeRevisedMinutes(): number[] {
    const minutes = [...this.revised].sort((a, b) => a - b);
    this.revised.clear();
    return minutes;
  }

  reset(): void {
    this.minutes.clear();
    this.open.clear();
    this.revised.clear();
    this.runningTotals.clear();
    this.completed.length = 0;
    this.lastTimestampMs = null;
    this.lastStatuses = null;
  }

  private creditFailTime(fromMs: number, toMs: number, statuses: Readonly<Record<string, VerdictStatus>>): void {
    const failing = Object.entries(statuses).filter(([, status]) => status === 'fail');
    if (failing.length === 0) return;
    for (let startMs = fromMs; startMs < toMs; ) {
      const minuteStartMs = minuteOf(startMs);
      const endMs = Math.min(toMs, minuteStartMs + MINUTE_MS);
      const minute = this.minute(minuteStartMs);
      for (const [ruleId] of failing) {
        this.counts(minute, ruleId).failMs += endMs - startMs;
        this.total(ruleId).failMs += endMs - startMs;
      }
      startMs = endMs;
    }
  }

  private closeSpans(shouldClose: (ruleId: string) => boolean): void {
    for (const [ruleId, span] of this.open) {
      if (!shouldClose(ruleId)) continue;
      this.open.delete(ruleId);
      const minuteStartMs = minuteOf(span.startMs);
      const completed = { ruleId, startMs: span.startMs, endMs: span.lastFailMs };
      this.minute(minuteStartMs).events.push(completed);
      if (this.spansKept > 0) {
        this.completed.push(completed);
        if (this.completed.length > this.spansKept) this.completed.shift();
      }
      this.total(ruleId).spans += 1;
      this.revised.add(minuteStartMs);
    }
  }

  private minute(minuteStartMs: number): Minute {
    let minute = this.minutes.get(minuteStartMs);
    if (!minute) {
      minute = { rules: new Map(), events: [] };
      this.minutes.set(minuteStartMs, minute);
    }
    return minute;
  }

  private counts(minute: Minute, ruleId: string): { pass: number; fail: number; unknown: number; failMs: number } {
    let counts = minute.rules.get(ruleId);
    if (!counts) {
      counts = { pass: 0, fail: 0, unknown: 0, failMs: 0 };
      minute.rules.set(ruleId, counts);
    }
    return counts;
  }

  private total(ruleId: string): { pass: number; fail: number; unknown: number; failMs: number; spans: number } {
    let total = this.runningTotals.get(ruleId);
    if (!total) {
      total = { pass: 0, fail: 0, unknown: 0, failMs: 0, spans: 0 };
      this.runningTotals.set(ruleId, total);
    }
    return total;
  }
}
