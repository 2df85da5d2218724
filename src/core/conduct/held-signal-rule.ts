import { finiteEntries, marginConfidence } from '../rules/judge';
import type { ConductConfig, HeldEventConfig } from './conduct-config';
import { clampUnit, seconds } from './conduct-format';
import type { ConductEvent, ConductRuleMeta, ConductTimeRule, ConductVerdict } from './conduct-rule';
import type { ConductSignals } from './conduct-signals';
import type { PeakKind } from './held-span';
import { SpanEvents } from './span-events';

/** What an event rule reads from one frame. */
export interface HeldSignalReading {
  /** The forbidden behaviour is seen (true), ruled out (false), or cannot be judged on this frame (null). */
  readonly active: boolean | null;
  /** Measures to report and keep peaks of, e.g. `{ phoneScore: 0.7 }`. */
  readonly measures: Readonly<Record<string, number | null>>;
  /** What was seen, e.g. 'nose', 'cup', 'phone in hand'. */
  readonly label: string | null;
  /** Why the frame cannot be judged, when `active` is null. */
  readonly unknownReason: string;
}

export interface HeldSignalDescription {
  /** The behaviour in reasons, e.g. 'a hand at the face'. */
  readonly behaviour: string;
  /** How each measure's peak over an event is kept. */
  readonly peakKinds: Readonly<Record<string, PeakKind>>;
  read(signals: ConductSignals): HeldSignalReading;
}

/** The scale of hold-time confidence when the hold is 0 (an event on the first frame). */
const MIN_CONFIDENCE_SCALE_MS = 1000;

/**
 * An event rule (no_grooming_in_public, no_phone, no_eating): an event starts where the behaviour was
 * first seen once it has held `holdMs`, and ends at its last frame once it has been absent `endGapMs`.
 * The verdict fails while an event is open; it passes while the behaviour was ruled out within the last
 * `endGapMs` (so frames the detector skipped do not flicker to unknown), and is unknown otherwise.
 */
export class HeldSignalRule implements ConductTimeRule {
  private readonly span: SpanEvents;
  private lastMeasuredMs: number | null = null;
  private lastTimestampMs: number | null = null;
  private current: ConductVerdict;

  constructor(
    readonly meta: ConductRuleMeta,
    private readonly eventConfig: HeldEventConfig,
    timing: ConductConfig['timing'],
    private readonly description: HeldSignalDescription,
  ) {
    this.span = new SpanEvents(meta.id, { ...eventConfig, maxFrameGapMs: timing.maxFrameGapMs }, description.peakKinds);
    this.current = this.unknown('no frame yet');
  }

  update(signals: ConductSignals, timestampMs: number): ConductVerdict {
    if (!Number.isFinite(timestampMs)) return this.current;
    if (this.lastTimestampMs !== null && timestampMs < this.lastTimestampMs) this.reset();
    this.lastTimestampMs = timestampMs;
    const reading = this.description.read(signals);
    this.span.update(timestampMs, reading.active, reading.measures, reading.label);
    if (reading.active !== null) this.lastMeasuredMs = timestampMs;
    this.current = this.judge(timestampMs, reading);
    return this.current;
  }

  verdict(): ConductVerdict {
    return this.current;
  }

  openEvent(): ConductEvent | null {
    return this.span.openEvent();
  }

  completedEvents(): readonly ConductEvent[] {
    return this.span.completed();
  }

  pendingStartMs(): number | null {
    return this.span.pendingStartMs;
  }

  takeNewEvents(): ConductEvent[] {
    return this.span.takeNew();
  }

  closeOpenEvents(): void {
    this.span.end();
  }

  reset(): void {
    this.span.reset();
    this.lastMeasuredMs = null;
    this.lastTimestampMs = null;
    this.current = this.unknown('no frame yet');
  }

  private judge(timestampMs: number, reading: HeldSignalReading): ConductVerdict {
    const { holdMs, endGapMs } = this.eventConfig;
    const { behaviour } = this.description;
    const heldMs = this.span.heldMs;
    const measures = finiteEntries({ heldMs, ...reading.measures });
    const thresholds = { holdMinMs: holdMs, endGapMs };
    const scaleMs = Math.max(holdMs, MIN_CONFIDENCE_SCALE_MS);
    if (this.span.isOpen) {
      const open = this.span.openSpan();
      const label = open?.label ? ` (${open.label})` : '';
      return {
        ruleId: this.meta.id,
        status: 'fail',
        evidence: {
          measures,
          thresholds,
          confidence: clampUnit(marginConfidence(heldMs - holdMs, scaleMs)),
          decidingMeasure: 'heldMs',
          reason: `${behaviour}${label} for ${seconds(heldMs)} s, at least ${seconds(holdMs)} s`,
        },
      };
    }
    if (this.lastMeasuredMs !== null && timestampMs - this.lastMeasuredMs <= endGapMs) {
      return {
        ruleId: this.meta.id,
        status: 'pass',
        evidence: {
          measures,
          thresholds,
          confidence: clampUnit(marginConfidence(holdMs - heldMs, scaleMs)),
          decidingMeasure: 'heldMs',
          reason:
            heldMs > 0
              ? `${behaviour} for ${seconds(heldMs)} s, under ${seconds(holdMs)} s`
              : `not seen: ${behaviour}`,
        },
      };
    }
    return this.unknown(reading.unknownReason, measures, thresholds);
  }

  private unknown(
    reason: string,
    measures: Record<string, number> = {},
    thresholds: Record<string, number> = { holdMinMs: this.eventConfig.holdMs, endGapMs: this.eventConfig.endGapMs },
  ): ConductVerdict {
    return { ruleId: this.meta.id, status: 'unknown', evidence: { measures, thresholds, confidence: 0, reason } };
  }

}
