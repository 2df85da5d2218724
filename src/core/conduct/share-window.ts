interface HeldInterval {
  startMs: number;
  endMs: number;
  /** The state held over the interval; null = unknown time. */
  readonly value: boolean | null;
}

/** Drop evicted intervals from the array once this many have piled up at its front. */
const COMPACT_AFTER = 256;

/**
 * The share of measured time a boolean state was true over a sliding window, for frames at any rate.
 * Each frame's state holds until the next frame; a gap between frames longer than `maxFrameGapMs`
 * (a hidden tab, a stalled detector) is unknown time, not continued state. Unknown (null) states count
 * neither way. Time is passed in; a timestamp going backwards starts afresh.
 */
export class ShareWindow {
  private intervals: HeldInterval[] = [];
  private head = 0;
  private knownTotalMs = 0;
  private trueTotalMs = 0;
  private lastTimestampMs: number | null = null;
  private lastValue: boolean | null = null;

  constructor(
    readonly windowMs: number,
    readonly maxFrameGapMs: number,
  ) {
    if (!(windowMs > 0) || !Number.isFinite(windowMs)) throw new RangeError(`windowMs must be > 0, got ${windowMs}`);
    if (!(maxFrameGapMs > 0)) throw new RangeError(`maxFrameGapMs must be > 0, got ${maxFrameGapMs}`);
  }

  /** Takes the state seen at `timestampMs`; the previous frame's state fills the time since it. */
  update(timestampMs: number, value: boolean | null): void {
    if (!Number.isFinite(timestampMs)) return;
    const last = this.lastTimestampMs;
    if (last !== null && timestampMs < last) this.reset();
    if (this.lastTimestampMs !== null && timestampMs > this.lastTimestampMs) {
      const gapMs = timestampMs - this.lastTimestampMs;
      this.push(this.lastTimestampMs, timestampMs, gapMs > this.maxFrameGapMs ? null : this.lastValue);
    }
    this.lastTimestampMs = timestampMs;
    this.lastValue = value;
    this.evictBefore(timestampMs - this.windowMs);
  }

  /** Measured (non-unknown) time inside the window. */
  get measuredMs(): number {
    return this.knownTotalMs;
  }

  /** Time the state was true inside the window. */
  get trueMs(): number {
    return this.trueTotalMs;
  }

  /** trueMs / measuredMs, 0..1; null when nothing was measured. */
  get share(): number | null {
    return this.knownTotalMs > 0 ? Math.min(1, Math.max(0, this.trueTotalMs / this.knownTotalMs)) : null;
  }

  reset(): void {
    this.intervals = [];
    this.head = 0;
    this.knownTotalMs = 0;
    this.trueTotalMs = 0;
    this.lastTimestampMs = null;
    this.lastValue = null;
  }

  private push(startMs: number, endMs: number, value: boolean | null): void {
    const tail = this.intervals.length > this.head ? this.intervals[this.intervals.length - 1] : undefined;
    if (tail && tail.value === value && tail.endMs === startMs) tail.endMs = endMs;
    else this.intervals.push({ startMs, endMs, value });
    this.count(endMs - startMs, value);
  }

  private count(durationMs: number, value: boolean | null): void {
    if (value === null) return;
    this.knownTotalMs += durationMs;
    if (value) this.trueTotalMs += durationMs;
  }

  private evictBefore(cutoffMs: number): void {
    while (this.head < this.intervals.length) {
      const first = this.intervals[this.head]!;
      if (first.endMs <= cutoffMs) {
        this.count(-(first.endMs - first.startMs), first.value);
        this.head += 1;
        continue;
      }
      if (first.startMs < cutoffMs) {
        this.count(-(cutoffMs - first.startMs), first.value);
        first.startMs = cutoffMs;
      }
      break;
    }
    if (this.head >= COMPACT_AFTER && this.head * 2 >= this.intervals.length) {
      this.intervals = this.intervals.slice(this.head);
      this.head = 0;
    }
    // Float drift from many additions and subtractions: totals never go below zero.
    if (this.knownTotalMs < 1e-6) this.knownTotalMs = 0;
    if (this.trueTotalMs < 1e-6) this.trueTotalMs = 0;
    if (this.head >= this.intervals.length) {
      this.knownTotalMs = 0;
      this.trueTotalMs = 0;
    }
  }
}
