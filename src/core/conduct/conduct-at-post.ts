import { marginConfidence } from '../rules/judge';
import { type ConductConfig, DEFAULT_CONDUCT_CONFIG } from './conduct-config';
import { clampUnit, seconds } from './conduct-format';
import type { ConductEvent, ConductRuleMeta, ConductTimeRule, ConductVerdict } from './conduct-rule';
import type { ConductSignals } from './conduct-signals';
import { SpanEvents } from './span-events';

/*
 * Source (RULES.md): 002 不擅離工作崗位 (do not leave the post without leave); 000 離櫃…必須放置暫停服務櫃臺
 * 標識 (leaving the counter… a "service suspended" sign must be put out); 003 不得擅自離崗 (do not leave the
 * post without permission).
 *
 * An absence is a span of frames with nobody at the counter. One longer than `atPost.allowedAbsenceMs`
 * (default 60 s) fails and is logged as a violation from its first empty frame to its last; it ends once a
 * person has been back `atPost.returnHoldMs`. A break marked with `startBreak`/`endBreak` (the sign of 000
 * put out) is a permitted absence: logged as a break, never a violation. A frame gap longer than
 * `timing.maxFrameGapMs` is unknown time: it neither continues an absence nor counts as presence.
 */

const META: ConductRuleMeta = {
  id: 'conduct.at_post',
  title: { zh: '堅守崗位', en: 'Stay at the post' },
  source: {
    zh: '002 不擅離工作崗位; 000 離櫃…必須放置暫停服務櫃臺標識; 003 不得擅自離崗',
    en: '002 Do not leave your post without leave; 000 When leaving the counter… put out a "service suspended" sign; 003 Do not leave your post without permission',
    refs: ['002', '000', '003'],
  },
};

/** conduct.at_post: nobody at the counter for longer than allowed, outside a marked break. */
export class ConductAtPost implements ConductTimeRule {
  static readonly meta = META;
  readonly meta = META;

  /** Absence spans and their violations; marked breaks are logged here too. */
  private readonly absence: SpanEvents;
  private breakStartMs: number | null = null;
  private lastTimestampMs: number | null = null;
  private current: ConductVerdict;

  constructor(private readonly config: ConductConfig = DEFAULT_CONDUCT_CONFIG) {
    const { allowedAbsenceMs, returnHoldMs } = config.atPost;
    this.absence = new SpanEvents(
      META.id,
      { holdMs: allowedAbsenceMs, endGapMs: returnHoldMs, maxFrameGapMs: config.timing.maxFrameGapMs },
      {},
      'absence',
    );
    this.current = this.unknown('no frame yet');
  }

  update(signals: ConductSignals, timestampMs: number): ConductVerdict {
    if (!Number.isFinite(timestampMs)) return this.current;
    if (this.lastTimestampMs !== null && timestampMs < this.lastTimestampMs) this.reset();
    this.lastTimestampMs = timestampMs;
    if (this.breakStartMs === null) {
      this.absence.update(timestampMs, !signals.personPresent);
    }
    this.current = this.judge(signals.personPresent, timestampMs);
    return this.current;
  }

  /**
   * Marks a permitted absence from `timestampMs` (000: the "service suspended" sign is out). An absence
   * already past the allowed time ends as a violation where it stands; a shorter one becomes part of the break.
   * Does nothing when a break is already open.
   */
  startBreak(timestampMs: number): void {
    if (this.breakStartMs !== null || !Number.isFinite(timestampMs)) return;
    this.absence.end();
    this.breakStartMs = timestampMs;
    if (this.lastTimestampMs !== null) this.current = this.judge(true, this.lastTimestampMs);
  }

  /** Ends the break at `timestampMs` and logs it; absence counts again from the next empty frame. */
  endBreak(timestampMs: number): ConductEvent | null {
    if (this.breakStartMs === null || !Number.isFinite(timestampMs)) return null;
    const startMs = this.breakStartMs;
    const endMs = Math.max(startMs, timestampMs);
    const event: ConductEvent = {
      ruleId: META.id,
      kind: 'break',
      startMs,
      endMs,
      peak: { durationMs: endMs - startMs },
      label: 'break',
    };
    this.absence.add(event);
    this.breakStartMs = null;
    this.absence.drop();
    return event;
  }

  get onBreak(): boolean {
    return this.breakStartMs !== null;
  }

  verdict(): ConductVerdict {
    return this.current;
  }

  openEvent(): ConductEvent | null {
    if (this.breakStartMs !== null) {
      const endMs = Math.max(this.breakStartMs, this.lastTimestampMs ?? this.breakStartMs);
      return {
        ruleId: META.id,
        kind: 'break',
        startMs: this.breakStartMs,
        endMs,
        peak: { durationMs: endMs - this.breakStartMs },
        label: 'break',
      };
    }
    return this.absence.openEvent();
  }

  completedEvents(): readonly ConductEvent[] {
    return this.absence.completed();
  }

  pendingStartMs(): number | null {
    return this.breakStartMs ?? this.absence.pendingStartMs;
  }

  takeNewEvents(): ConductEvent[] {
    return this.absence.takeNew();
  }

  closeOpenEvents(timestampMs: number): void {
    if (this.breakStartMs !== null) this.endBreak(timestampMs);
    this.absence.end();
  }

  reset(): void {
    this.absence.reset();
    this.breakStartMs = null;
    this.lastTimestampMs = null;
    this.current = this.unknown('no frame yet');
  }

  private judge(personPresent: boolean, timestampMs: number): ConductVerdict {
    const { allowedAbsenceMs } = this.config.atPost;
    const thresholds = { allowedAbsenceMs, returnHoldMs: this.config.atPost.returnHoldMs };
    if (this.breakStartMs !== null) {
      const breakMs = Math.max(0, timestampMs - this.breakStartMs);
      return {
        ruleId: META.id,
        status: 'pass',
        evidence: { measures: { breakMs }, thresholds, confidence: 1, reason: `on a marked break for ${seconds(breakMs)} s` },
      };
    }
    const absentMs = this.absence.heldMs;
    const scaleMs = Math.max(allowedAbsenceMs, 1000);
    if (this.absence.isOpen) {
      return {
        ruleId: META.id,
        status: 'fail',
        evidence: {
          measures: { absentMs },
          thresholds,
          confidence: clampUnit(marginConfidence(absentMs - allowedAbsenceMs, scaleMs)),
          decidingMeasure: 'absentMs',
          reason: `nobody at the counter for ${seconds(absentMs)} s without a marked break, over the ${seconds(allowedAbsenceMs)} s allowed`,
        },
      };
    }
    return {
      ruleId: META.id,
      status: 'pass',
      evidence: {
        measures: { absentMs },
        thresholds,
        confidence: clampUnit(marginConfidence(allowedAbsenceMs - absentMs, scaleMs)),
        decidingMeasure: 'absentMs',
        reason: personPresent ? 'at the counter' : `away for ${seconds(absentMs)} s, within the ${seconds(allowedAbsenceMs)} s allowed`,
      },
    };
  }

  private unknown(reason: string): ConductVerdict {
    const { allowedAbsenceMs, returnHoldMs } = this.config.atPost;
    return {
      ruleId: META.id,
      status: 'unknown',
      evidence: { measures: {}, thresholds: { allowedAbsenceMs, returnHoldMs }, confidence: 0, reason },
    };
  }
}
