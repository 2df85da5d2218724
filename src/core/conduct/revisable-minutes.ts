/**
 * Which minutes of a shift may still change: every one from `fromMs` on (the next frame, and the time up
 * to it, fall there), and those where a span in progress began (its event, once known, is filed in the
 * minute it began in). Every other minute is final: its record never comes again.
 */
export interface RevisableMinutes {
  /** A minute start; -Infinity before the first frame (every minute may change). */
  readonly fromMs: number;
  /** The start minutes of the spans in progress. */
  readonly spanStartsMs: ReadonlySet<number>;
}

export const isRevisable = (revisable: RevisableMinutes, minuteStartMs: number): boolean =>
  minuteStartMs >= revisable.fromMs || revisable.spanStartsMs.has(minuteStartMs);
