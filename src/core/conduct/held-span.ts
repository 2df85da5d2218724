export interface HeldSpanOptions {
  /** The signal must hold this long (from its first frame) before the span opens. 0 opens on the first frame. */
  readonly holdMs: number;
  /** The span (or a not yet open candidate) ends once the signal has not been seen for this long. */
  readonly endGapMs: number;
  /** A gap between frames longer than this ends any span at its last frame: the gap is unknown, not held. */
  readonly maxFrameGapMs: number;
}

/** How a measure's peak over a span is kept. */
export type PeakKind = 'max' | 'min';

export interface Span {
  /** The first frame the signal was seen. */
  readonly startMs: number;
  /** The last frame the signal was seen. */
  readonly endMs: number;
  /** `durationMs` plus each measure's peak as `<measure>Max` or `<measure>Min`; finite numbers only. */
  readonly peak: Readonly<Record<string, number>>;
  /** The label seen on most of its frames; null when none was given. */
  readonly label: string | null;
}

interface Candidate {
  readonly startMs: number;
  lastSeenMs: number;
  open: boolean;
  readonly peak: Record<string, number>;
  readonly labels: Map<string, number>;
}

/**
 * A boolean signal held over time, frame by frame at any rate: a span starts where the signal is first
 * seen, opens once it has held `holdMs`, and ends (at its last frame) once the signal has not been seen
 * for `endGapMs`, so that flicker does not split it. Frames where the signal is unknown (null) do not
 * extend it. A frame gap longer than `maxFrameGapMs` ends it at its last frame. Time is passed in; a
 * timestamp going backwards starts afresh.
 */
export class HeldSpan {
  private candidate: Candidate | null = null;
  private lastTimestampMs: number | null = null;

  constructor(
    private readonly options: HeldSpanOptions,
    private readonly peakKinds: Readonly<Record<string, PeakKind>> = {},
  ) {
    for (const [name, value] of Object.entries(options)) {
      if (!(value >= 0) || !Number.isFinite(value)) throw new RangeError(`${name} must be a finite number >= 0, got ${value}`);
    }
  }

  /**
   * Takes one frame: whether the signal is seen, the measures to keep peaks of, and a label.
   * `sinceMs`: where a signal first seen on this frame began, when it is known to have begun earlier
   * (eyes that failed once shut 3 s began to close 3 s ago); default this frame.
   * Returns the open span this frame ended, if any (a candidate that never opened ends silently).
   */
  update(
    timestampMs: number,
    active: boolean | null,
    measures: Readonly<Record<string, number | null>> = {},
    label: string | null = null,
    sinceMs: number = timestampMs,
  ): Span | null {
    if (!Number.isFinite(timestampMs)) return null;
    if (this.lastTimestampMs !== null && timestampMs < this.lastTimestampMs) this.reset();
    let ended: Span | null = null;
    if (this.lastTimestampMs !== null && timestampMs - this.lastTimestampMs > this.options.maxFrameGapMs) {
      ended = this.end();
    }
    this.lastTimestampMs = timestampMs;

    if (active === true) {
      const candidate = (this.candidate ??= {
        startMs: Math.min(sinceMs, timestampMs),
        lastSeenMs: timestampMs,
        open: false,
        peak: {},
        labels: new Map(),
      });
      candidate.lastSeenMs = timestampMs;
      this.keepPeaks(candidate, measures);
      if (label !== null) candidate.labels.set(label, (candidate.labels.get(label) ?? 0) + 1);
      if (!candidate.open && timestampMs - candidate.startMs >= this.options.holdMs) candidate.open = true;
    } else if (this.candidate && timestampMs - this.candidate.lastSeenMs >= this.options.endGapMs) {
      ended = this.end() ?? ended;
    }
    return ended;
  }

  /** True while a span is open (has held `holdMs`). */
  get isOpen(): boolean {
    return this.candidate?.open ?? false;
  }

  /** How long the current candidate or open span has held, first to last frame seen; 0 when none. */
  get heldMs(): number {
    return this.candidate ? this.candidate.lastSeenMs - this.candidate.startMs : 0;
  }

  /** Where the current candidate or open span began (its first frame seen); null when none. */
  get candidateStartMs(): number | null {
    return this.candidate?.startMs ?? null;
  }

  /** The open span so far, ending at its last frame seen; null when none is open. */
  openSpan(): Span | null {
    return this.candidate?.open ? this.toSpan(this.candidate) : null;
  }

  /** Ends the span now, at its last frame seen; returns it when it was open. Drops a candidate. */
  end(): Span | null {
    const candidate = this.candidate;
    this.candidate = null;
    return candidate?.open ? this.toSpan(candidate) : null;
  }

  reset(): void {
    this.candidate = null;
    this.lastTimestampMs = null;
  }

  private keepPeaks(candidate: Candidate, measures: Readonly<Record<string, number | null>>): void {
    for (const [name, kind] of Object.entries(this.peakKinds)) {
      const value = measures[name];
      if (typeof value !== 'number' || !Number.isFinite(value)) continue;
      const current = candidate.peak[name];
      if (current === undefined || (kind === 'max' ? value > current : value < current)) candidate.peak[name] = value;
    }
  }

  private toSpan(candidate: Candidate): Span {
    let label: string | null = null;
    let most = 0;
    for (const [name, count] of candidate.labels) {
      if (count > most) {
        label = name;
        most = count;
      }
    }
    return {
      startMs: candidate.startMs,
      endMs: candidate.lastSeenMs,
      peak: {
        durationMs: candidate.lastSeenMs - candidate.startMs,
        ...Object.fromEntries(
          Object.entries(candidate.peak).map(([name, value]) => [`${name}${this.peakKinds[name] === 'min' ? 'Min' : 'Max'}`, value]),
        ),
      },
      label,
    };
  }
}
