import { finiteEntries, marginConfidence } from '../rules/judge';
import type { ConductTimingConfig } from './conduct-config';
import { clampUnit, percent, seconds } from './conduct-format';
import type { ConductEvent, ConductRuleMeta, ConductStatus, ConductTimeRule, ConductVerdict } from './conduct-rule';
import type { ConductSignals } from './conduct-signals';
import { SpanEvents } from './span-events';
import { ShareWindow } from './share-window';

/** What a share rule reads from one frame. */
export interface ShareReading {
  /** The wanted state (smiling, facing the customer) is seen, not seen, or cannot be measured (null). */
  readonly value: boolean | null;
  /** The frame's own measures, reported beside the share. */
  readonly measures: Readonly<Record<string, number | null>>;
  /** Why the frame cannot be measured, when `value` is null. */
  readonly unknownReason: string;
}

export interface ShareRuleDescription {
  /** The wanted state in reasons, e.g. 'smiling'. */
  readonly behaviour: string;
  /** Evidence key of the share, e.g. 'smileShare'. */
  readonly shareMeasure: string;
  /** Evidence key of its minimum, e.g. 'smileShareMin'. */
  readonly shareThreshold: string;
  /** Further thresholds to report, e.g. `{ smileScoreMin: 0.35 }`. */
  readonly thresholds: Readonly<Record<string, number>>;
  read(signals: ConductSignals): ShareReading;
}

export interface ShareRuleSettings {
  readonly windowMs: number;
  readonly shareMin: number;
}

/** How far from the minimum share a verdict is clear-cut (confidence 1 at full coverage). */
const SHARE_CONFIDENCE_SCALE = 0.15;

/**
 * A share rule (smile, face_customer): the share of measured time in a sliding window that the wanted
 * state held. It is a share, never a per-frame verdict: the rule fails when the share falls below the
 * minimum, and is unknown until enough of the window was measured. A failing stretch is logged as one
 * event, ending once the rule has not failed for `failSpanEndGapMs`.
 */
export class ShareRule implements ConductTimeRule {
  private readonly window: ShareWindow;
  private readonly failSpan: SpanEvents;
  private lastTimestampMs: number | null = null;
  private current: ConductVerdict;

  constructor(
    readonly meta: ConductRuleMeta,
    private readonly settings: ShareRuleSettings,
    private readonly timing: ConductTimingConfig,
    private readonly description: ShareRuleDescription,
  ) {
    this.window = new ShareWindow(settings.windowMs, timing.maxFrameGapMs);
    this.failSpan = new SpanEvents(
      meta.id,
      { holdMs: 0, endGapMs: timing.failSpanEndGapMs, maxFrameGapMs: timing.maxFrameGapMs },
      { [description.shareMeasure]: 'min' },
      null,
    );
    this.current = this.unknown('no frame yet', {});
  }

  update(signals: ConductSignals, timestampMs: number): ConductVerdict {
    if (!Number.isFinite(timestampMs)) return this.current;
    if (this.lastTimestampMs !== null && timestampMs < this.lastTimestampMs) this.reset();
    this.lastTimestampMs = timestampMs;
    const reading = this.description.read(signals);
    this.window.update(timestampMs, reading.value);
    this.current = this.judge(reading);
    const share = this.window.share;
    this.failSpan.update(timestampMs, failing(this.current.status), { [this.description.shareMeasure]: share });
    return this.current;
  }

  verdict(): ConductVerdict {
    return this.current;
  }

  openEvent(): ConductEvent | null {
    return this.failSpan.openEvent();
  }

  completedEvents(): readonly ConductEvent[] {
    return this.failSpan.completed();
  }

  pendingStartMs(): number | null {
    return this.failSpan.pendingStartMs;
  }

  takeNewEvents(): ConductEvent[] {
    return this.failSpan.takeNew();
  }

  closeOpenEvents(): void {
    this.failSpan.end();
  }

  reset(): void {
    this.window.reset();
    this.failSpan.reset();
    this.lastTimestampMs = null;
    this.current = this.unknown('no frame yet', {});
  }

  private judge(reading: ShareReading): ConductVerdict {
    const { windowMs, shareMin } = this.settings;
    const { behaviour, shareMeasure } = this.description;
    const measuredMinMs = windowMs * this.timing.windowMeasuredMinFraction;
    const measuredMs = this.window.measuredMs;
    const share = this.window.share;
    const measures = finiteEntries({ [shareMeasure]: share, measuredMs, ...reading.measures });
    if (share === null || measuredMs < measuredMinMs) {
      const why = reading.value === null ? `; ${reading.unknownReason}` : '';
      return this.unknown(`${seconds(measuredMs)} s of the ${seconds(measuredMinMs)} s needed measured${why}`, measures);
    }
    const failed = share < shareMin;
    const coverage = clampUnit(measuredMs / windowMs);
    return {
      ruleId: this.meta.id,
      status: failed ? 'fail' : 'pass',
      evidence: {
        measures,
        thresholds: this.thresholds(),
        confidence: clampUnit(coverage * marginConfidence(share - shareMin, SHARE_CONFIDENCE_SCALE)),
        decidingMeasure: shareMeasure,
        reason: `${behaviour} ${percent(share)} of the measured time in the last ${seconds(windowMs)} s, ${failed ? 'under' : 'at least'} ${percent(shareMin)}`,
      },
    };
  }

  private thresholds(): Record<string, number> {
    const { windowMs, shareMin } = this.settings;
    return {
      [this.description.shareThreshold]: shareMin,
      windowMs,
      measuredMinMs: windowMs * this.timing.windowMeasuredMinFraction,
      ...this.description.thresholds,
    };
  }

  private unknown(reason: string, measures: Record<string, number>): ConductVerdict {
    return {
      ruleId: this.meta.id,
      status: 'unknown',
      evidence: { measures, thresholds: this.thresholds(), confidence: 0, reason },
    };
  }
}

/** A status as a held signal: failing, not failing, or unknown. */
export const failing = (status: ConductStatus): boolean | null =>
  status === 'fail' ? true : status === 'pass' ? false : null;
