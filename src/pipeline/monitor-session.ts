import {
  CONDUCT_RULE_IDS,
  type ConductConfig,
  type ConductEvent,
  type ConductRuleId,
  type ConductSignalConfig,
  type ConductSignals,
  type ConductVerdict,
  conductSignals,
  DEFAULT_CONDUCT_CONFIG,
  DEFAULT_EVENTS_KEPT,
  type MinuteAggregate,
  minuteRecordFromAggregate,
  ShiftMonitor,
} from '../core/conduct';
import { isRevisable } from '../core/conduct/revisable-minutes';
import { type VerdictFailSpan, VerdictMinutes } from '../core/conduct/verdict-minutes';
import { type CounterCheckConfig, DEFAULT_CONFIG } from '../core/config';
import { POSTURE_RULES, type RuleId, type Verdict } from '../core/rules';
import { RuleSmoothers } from '../core/smoothing/verdict-smoother';
import type { MinuteRecord } from '../core/summaries/records';
import type { VerdictStatus } from '../core/types';
import type { FrameAnalysis } from './frame-analyzer';

/** What monitoring reads from one analysed frame. */
export type MonitorFrame = Pick<FrameAnalysis, 'pose' | 'face' | 'hands' | 'objects' | 'frame' | 'observations' | 'rules' | 'appearance'>;

/** One analysed frame's conduct signals, taken at `atMs`: what every time rule reads. */
export function frameConductSignals(analysis: MonitorFrame, atMs: number, config: ConductSignalConfig): ConductSignals {
  const { pose, face, hands, objects, frame, observations, appearance } = analysis;
  const faceLuminance = appearance.sunglasses?.cheekLuminance;
  return conductSignals({ timestampMs: atMs, pose, face, hands, objects, frame, observations, faceLuminance }, config);
}

const POSTURE_RULE_IDS: readonly RuleId[] = POSTURE_RULES.map((rule) => rule.id);

/** A violation in a shift: a conduct event, or a stretch where a posture rule's smoothed verdict failed (no label, no peak). */
export type ShiftEvent = Omit<ConductEvent, 'ruleId'> & { readonly ruleId: ConductRuleId | RuleId };

const postureEvent = ({ ruleId, startMs, endMs }: VerdictFailSpan): ShiftEvent => ({
  ruleId: ruleId as RuleId,
  kind: 'violation',
  startMs,
  endMs,
  peak: {},
  label: null,
});

/** Why monitoring saw no frames for a while. */
export type MonitorGapReason = 'starting' | 'hidden' | 'no-camera' | 'slow';

/** A stretch of the shift without frames: its time is stored as unknown, never as pass or fail. */
export interface MonitorGap {
  readonly startMs: number;
  /** Null while the gap is still open. */
  readonly endMs: number | null;
  readonly reason: MonitorGapReason;
}

/** One rule over the shift so far. */
export interface RuleShiftTotals {
  readonly ruleId: ConductRuleId;
  readonly verdict: ConductVerdict;
  readonly passMs: number;
  readonly failMs: number;
  readonly unknownMs: number;
  /** passMs / (passMs + failMs); null before any time was judged. */
  readonly passShare: number | null;
  /** Violations completed or in progress. */
  readonly violations: number;
}

/** A posture rule over the shift so far (its verdicts smoothed as in the live view). */
export interface PostureShiftTotals {
  readonly ruleId: RuleId;
  /** The smoothed verdict of the latest frame; null before the first. */
  readonly status: VerdictStatus | null;
  /** Why that verdict (given for unknown and fail); null without one. */
  readonly reason: string | null;
  readonly failMs: number;
  /** Fail spans completed or in progress. */
  readonly violations: number;
}

export interface ShiftSnapshot {
  readonly startedAtMs: number;
  readonly frames: number;
  readonly onBreak: boolean;
  readonly rules: readonly RuleShiftTotals[];
  readonly posture: readonly PostureShiftTotals[];
  /** The latest events (conduct events and posture fail spans), newest first; `open` while still in progress. */
  readonly events: readonly (ShiftEvent & { readonly open: boolean })[];
  /** The latest gaps, newest first. */
  readonly gaps: readonly MonitorGap[];
  /** Time without frames over the shift, ms. */
  readonly gapMs: number;
}

export interface MonitorSessionOptions {
  readonly stationId: string;
  readonly config?: ConductConfig;
  /** The posture rules' thresholds and hold time (their smoothed verdicts are stored per minute too). Default DEFAULT_CONFIG. */
  readonly postureConfig?: CounterCheckConfig;
  /** How many events and gaps the snapshot lists, and posture events `completedPostureEvents` does. Default 10. */
  readonly listLength?: number;
}

const DEFAULT_LIST_LENGTH = 10;
/** Gaps kept for the snapshot beyond those listed (their total is kept apart). */
const GAPS_KEPT = 50;

/**
 * One monitored shift at a station: analysed frames in, conduct verdicts, minute records for storage and a
 * snapshot for the live panel out. The records also carry the posture rules (their verdicts smoothed as in
 * the live view: counts, fail time and fail spans per minute). Holds no images. Time is passed in (epoch ms, so that records date
 * right); the caller reads the clock, runs the models and writes the records.
 */
export class MonitorSession {
  readonly config: ConductConfig;
  private readonly monitor: ShiftMonitor;
  private readonly postureSmoothers: RuleSmoothers;
  private readonly posture: VerdictMinutes;
  /** The posture rules' smoothed verdicts of the latest frame. */
  private postureVerdicts: Partial<Record<RuleId, Verdict>> = {};
  /**
   * The latest version of each returned minute that may still be revised (the latest ones, and those where
   * a conduct event or posture span in progress began); the others are folded into `settledTotals`.
   */
  private readonly minutes = new Map<number, MinuteAggregate>();
  /** Per conduct rule, the time of the minutes no longer held in `minutes`. */
  private readonly settledTotals = {} as Record<ConductRuleId, { passMs: number; failMs: number; unknownMs: number }>;
  private readonly gaps: MonitorGap[] = [];
  private closedGapMs = 0;
  private openGap: { startMs: number; reason: MonitorGapReason } | null = null;
  private lastFrameMs: number | null = null;
  private frameCount = 0;
  private ended = false;

  constructor(
    private readonly options: MonitorSessionOptions,
    readonly startedAtMs: number,
  ) {
    this.config = options.config ?? DEFAULT_CONDUCT_CONFIG;
    // Enough events that the snapshot's latest (by start) are always among them: each other rule can have
    // at most one event that began before a listed one yet completed after it.
    const listLength = options.listLength ?? DEFAULT_LIST_LENGTH;
    this.monitor = new ShiftMonitor(this.config, { eventsKept: Math.max(DEFAULT_EVENTS_KEPT, listLength + CONDUCT_RULE_IDS.length) });
    for (const id of CONDUCT_RULE_IDS) this.settledTotals[id] = { passMs: 0, failMs: 0, unknownMs: 0 };
    this.postureSmoothers = RuleSmoothers.forRules(POSTURE_RULES, options.postureConfig ?? DEFAULT_CONFIG);
    this.posture = new VerdictMinutes(this.config.timing.maxFrameGapMs, listLength);
  }

  get onBreak(): boolean {
    return this.monitor.onBreak;
  }

  get frames(): number {
    return this.frameCount;
  }

  /** Judges one analysed frame taken at `atMs`; returns every conduct verdict after it. */
  addFrame(analysis: MonitorFrame, atMs: number): Record<ConductRuleId, ConductVerdict> {
    if (this.ended) return this.monitor.verdicts();
    if (this.lastFrameMs !== null && atMs <= this.lastFrameMs) return this.monitor.verdicts();
    this.closeGap(atMs);
    const signals = frameConductSignals(analysis, atMs, this.config.signals);
    this.lastFrameMs = atMs;
    this.frameCount += 1;
    this.updatePosture(analysis.rules, atMs);
    return this.monitor.update(signals, atMs);
  }

  /**
   * Frames stop coming (the tab is hidden, the camera is gone): the time from the last frame to the next
   * is a gap with this reason (when longer than `maxFrameGapMs`). `atMs` is used before the first frame.
   */
  pause(atMs: number, reason: MonitorGapReason): void {
    if (this.ended || this.openGap) return;
    this.openGap = { startMs: this.lastFrameMs ?? atMs, reason };
  }

  /** A break (000: the "service suspended" sign is out): the absence during it is permitted. */
  startBreak(atMs: number): void {
    if (!this.ended) this.monitor.startBreak(atMs);
  }

  endBreak(atMs: number): void {
    if (!this.ended) this.monitor.endBreak(atMs);
  }

  /**
   * Minute records to store now: the finished minutes that changed (a minute revised by a late event
   * comes again, to replace the stored one), and with `checkpoint` the minute in progress as it stands.
   */
  takeRecords(nowMs: number, checkpoint = false): MinuteRecord[] {
    if (this.ended) return [];
    const aggregates = this.monitor.drainMinuteAggregates(nowMs);
    for (const aggregate of aggregates) this.minutes.set(aggregate.minuteStartMs, aggregate);
    const partial = checkpoint ? this.monitor.partialMinuteAggregates() : [];
    const records = this.toRecords([...aggregates, ...partial]);
    this.settle();
    return records;
  }

  /**
   * Whether a record of this minute may still come (again): it is not finished, or a conduct event or
   * posture span in progress began in it. Otherwise it is final; a caller tracking saved minutes need
   * not remember it.
   */
  mayRevise(minuteStartMs: number): boolean {
    return isRevisable(this.monitor.revisableMinutes(), minuteStartMs) || isRevisable(this.posture.revisableMinutes(), minuteStartMs);
  }

  /** How many minutes the session holds (its own, the shift monitor's and the posture rules'): bounded over a shift. */
  get heldMinutes(): number {
    return this.minutes.size + this.monitor.heldMinutes + this.posture.heldMinutes;
  }

  /** Ends the shift at `atMs`: closes open events and any gap; returns the remaining records, the last minute partial. */
  stop(atMs: number): MinuteRecord[] {
    if (this.ended) return [];
    this.closeGap(atMs);
    this.posture.end();
    const aggregates = this.monitor.endShift(atMs);
    for (const aggregate of aggregates) this.minutes.set(aggregate.minuteStartMs, aggregate);
    this.ended = true;
    return this.toRecords(aggregates);
  }

  /** The latest completed conduct events, in the order they completed (at least `listLength`). */
  completedEvents(): readonly ConductEvent[] {
    return this.monitor.completedEvents();
  }

  /** The latest completed fail spans of the posture rules' smoothed verdicts, in the order they completed (at most `listLength`). */
  completedPostureEvents(): readonly ShiftEvent[] {
    return this.posture.completedSpans().map(postureEvent);
  }

  /** The shift so far, for the live panel. */
  snapshot(): ShiftSnapshot {
    const listLength = this.options.listLength ?? DEFAULT_LIST_LENGTH;
    const minutes = new Map(this.minutes);
    if (!this.ended) for (const partial of this.monitor.partialMinuteAggregates()) minutes.set(partial.minuteStartMs, partial);
    const completed = this.monitor.completedEvents();
    const completedCounts = this.monitor.completedEventCounts();
    const open = this.ended ? [] : this.monitor.openEvents();
    const verdicts = this.monitor.verdicts();
    const rules = CONDUCT_RULE_IDS.map((ruleId): RuleShiftTotals => {
      let { passMs, failMs, unknownMs } = this.settledTotals[ruleId];
      for (const minute of minutes.values()) {
        const counts = minute.rules[ruleId];
        passMs += counts.passMs;
        failMs += counts.failMs;
        unknownMs += counts.unknownMs;
      }
      const isViolation = (event: ConductEvent) => event.ruleId === ruleId && event.kind === 'violation';
      return {
        ruleId,
        verdict: verdicts[ruleId],
        passMs,
        failMs,
        unknownMs,
        passShare: passMs + failMs > 0 ? passMs / (passMs + failMs) : null,
        violations: completedCounts[ruleId].violation + open.filter(isViolation).length,
      };
    });
    const events = [
      ...completed.map((event) => ({ ...event, open: false })),
      ...open.map((event) => ({ ...event, open: true })),
      ...this.completedPostureEvents().map((event) => ({ ...event, open: false })),
      ...(this.ended ? [] : this.posture.openSpans().map((span) => ({ ...postureEvent(span), open: true }))),
    ]
      .sort((a, b) => b.startMs - a.startMs)
      .slice(0, listLength);
    const gaps: MonitorGap[] = [...this.gaps];
    if (this.openGap) gaps.push({ startMs: this.openGap.startMs, endMs: null, reason: this.openGap.reason });
    const postureTotals = this.posture.totals();
    const posture = POSTURE_RULE_IDS.map(
      (ruleId): PostureShiftTotals => ({
        ruleId,
        status: this.postureVerdicts[ruleId]?.status ?? null,
        reason: this.postureVerdicts[ruleId]?.evidence.reason ?? null,
        failMs: postureTotals[ruleId]?.failMs ?? 0,
        violations: postureTotals[ruleId]?.spans ?? 0,
      }),
    );
    return {
      startedAtMs: this.startedAtMs,
      frames: this.frameCount,
      onBreak: this.monitor.onBreak,
      rules,
      posture,
      events,
      gaps: gaps.reverse().slice(0, listLength),
      gapMs: this.closedGapMs,
    };
  }

  private updatePosture(rules: Readonly<Partial<Record<RuleId, Verdict>>>, atMs: number): void {
    const posture = {} as Record<RuleId, Verdict>;
    for (const id of POSTURE_RULE_IDS) {
      const verdict = rules[id];
      if (verdict) posture[id] = verdict;
    }
    const { smoothed } = this.postureSmoothers.update(posture, atMs);
    const statuses: Record<string, VerdictStatus> = {};
    for (const [id, verdict] of Object.entries(smoothed)) statuses[id] = verdict.status;
    this.posture.update(statuses, atMs);
    this.postureVerdicts = smoothed;
  }

  /**
   * Records of these conduct minutes with the posture rules of the same minutes merged in, and again the
   * minutes already stored whose posture spans completed since (to replace them).
   */
  private toRecords(aggregates: readonly MinuteAggregate[]): MinuteRecord[] {
    const byMinute = new Map(aggregates.map((aggregate) => [aggregate.minuteStartMs, aggregate]));
    for (const minuteStartMs of this.posture.takeRevisedMinutes()) {
      const stored = this.minutes.get(minuteStartMs);
      if (stored && !byMinute.has(minuteStartMs)) byMinute.set(minuteStartMs, stored);
    }
    return [...byMinute.values()]
      .sort((a, b) => a.minuteStartMs - b.minuteStartMs)
      .map((aggregate) =>
        minuteRecordFromAggregate(this.options.stationId, aggregate, this.posture.minuteAt(aggregate.minuteStartMs)),
      );
  }

  /**
   * Folds the minutes that nothing can revise any more (neither the shift monitor nor the posture rules)
   * into the settled totals, and lets the posture rules drop them too (keeping those whose conduct record
   * may come again: it carries their posture counts).
   */
  private settle(): void {
    const conduct = this.monitor.revisableMinutes();
    const posture = this.posture.revisableMinutes();
    for (const [minuteStartMs, minute] of this.minutes) {
      if (isRevisable(conduct, minuteStartMs) || isRevisable(posture, minuteStartMs)) continue;
      for (const id of CONDUCT_RULE_IDS) {
        const total = this.settledTotals[id];
        const counts = minute.rules[id];
        total.passMs += counts.passMs;
        total.failMs += counts.failMs;
        total.unknownMs += counts.unknownMs;
      }
      this.minutes.delete(minuteStartMs);
    }
    this.posture.release((minuteStartMs) => isRevisable(conduct, minuteStartMs));
  }

  /**
   * Frames resume (or the shift ends) at `endMs`: the time since the last frame is a gap when it is longer
   * than `maxFrameGapMs`, exactly as the shift monitor then counts it unknown; the reason is the pause's,
   * else the first frame took long (models warming up), else frames came too slowly.
   */
  private closeGap(endMs: number): void {
    const reason = this.openGap?.reason ?? (this.lastFrameMs === null ? 'starting' : 'slow');
    this.openGap = null;
    const startMs = this.lastFrameMs ?? this.startedAtMs;
    if (!(endMs - startMs > this.config.timing.maxFrameGapMs)) return;
    this.gaps.push({ startMs, endMs, reason });
    this.closedGapMs += endMs - startMs;
    if (this.gaps.length > GAPS_KEPT) this.gaps.shift();
  }
}
