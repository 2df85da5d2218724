import { finiteEntries, marginConfidence } from '../rules/judge';
import { type ConductConfig, DEFAULT_CONDUCT_CONFIG } from './conduct-config';
import { clampUnit, percent, seconds } from './conduct-format';
import type { ConductEvent, ConductRuleMeta, ConductTimeRule, ConductVerdict } from './conduct-rule';
import { type ConductSignals, FACE_TOO_DARK } from './conduct-signals';
import { NodDetector } from './nod-detector';
import { failing } from './share-rule';
import { ShareWindow } from './share-window';
import { SpanEvents } from './span-events';

/*
 * Source (RULES.md): 002 不準…打瞌睡 (no dozing); 004 不能在办公室睡觉 (do not sleep in the office).
 *
 * Three signals, the first two over a sliding window (`awake.windowMs`, default 60 s):
 * - PERCLOS, the share of measured time with the eyes closed (eyeBlink blendshapes at least
 *   `signals.eyesClosedScoreMin`, or the lids at most `signals.lidGapClosedMaxIrisDiameters` apart:
 *   `eyesClosedFrom`); fails above `awake.perclosMax` (default 0.15, the drowsy threshold of the
 *   PERCLOS literature; normal blinking is 0.03..0.06).
 * - Nodding off: the head pitch dropping at least `awake.nodPitchDropDeg` below its running baseline and
 *   coming back within `awake.nodMaxDurationMs`, eyes closed while down; `awake.nodCountMin` nods fail.
 * - Dozing off: the eyes closed on every frame for `awake.eyesClosedMaxMs` (default 3 s), which the
 *   window's share takes 9 s to show.
 * A drowsy span (the rule failing, with `timing.failSpanEndGapMs` to bridge) is logged as one event.
 */

const META: ConductRuleMeta = {
  id: 'conduct.awake',
  title: { zh: '不打瞌睡', en: 'Stay awake' },
  source: {
    zh: '002 不準…打瞌睡; 004 不能在办公室睡觉',
    en: '002 No… dozing off; 004 Do not sleep in the office',
    refs: ['002', '004'],
  },
};

/** How far from the PERCLOS limit a verdict is clear-cut. */
const PERCLOS_CONFIDENCE_SCALE = 0.1;

/** conduct.awake: eyes closed over a long share of a window (PERCLOS), or repeated nodding off. */
export class ConductAwake implements ConductTimeRule {
  static readonly meta = META;
  readonly meta = META;

  private readonly perclos: ShareWindow;
  private readonly nods: NodDetector;
  private readonly failSpan: SpanEvents;
  private lastTimestampMs: number | null = null;
  /** The first frame of the current unbroken eye closure; null while the eyes are open or unmeasured. */
  private closedSinceMs: number | null = null;
  private current: ConductVerdict;

  constructor(private readonly config: ConductConfig = DEFAULT_CONDUCT_CONFIG) {
    const { awake, timing } = config;
    this.perclos = new ShareWindow(awake.windowMs, timing.maxFrameGapMs);
    this.nods = new NodDetector({ ...awake, maxFrameGapMs: timing.maxFrameGapMs });
    this.failSpan = new SpanEvents(
      META.id,
      { holdMs: 0, endGapMs: timing.failSpanEndGapMs, maxFrameGapMs: timing.maxFrameGapMs },
      { perclos: 'max', nodCount: 'max', eyesClosedMs: 'max' },
    );
    this.current = this.unknown('no frame yet', {});
  }

  update(signals: ConductSignals, timestampMs: number): ConductVerdict {
    if (!Number.isFinite(timestampMs)) return this.current;
    if (this.lastTimestampMs !== null && timestampMs < this.lastTimestampMs) this.reset();
    const frameGap = this.lastTimestampMs !== null && timestampMs - this.lastTimestampMs > this.config.timing.maxFrameGapMs;
    this.lastTimestampMs = timestampMs;
    const present = signals.personPresent;
    const closed = present && signals.eyesClosed === true;
    if (!closed || frameGap) this.closedSinceMs = null;
    if (closed) this.closedSinceMs ??= timestampMs;
    this.perclos.update(timestampMs, present ? signals.eyesClosed : null);
    this.nods.update(timestampMs, present ? signals.headPitchDeg : null, signals.eyesClosed);
    const nodCount = this.nods.countWithin(timestampMs, this.config.awake.windowMs);
    const eyesClosedMs = this.closedSinceMs === null ? 0 : timestampMs - this.closedSinceMs;
    this.current = this.judge(signals, nodCount, eyesClosedMs);

    const perclos = this.measuredPerclos();
    const label = this.current.status !== 'fail' ? null : nodCount >= this.config.awake.nodCountMin ? 'nodding off' : 'eyes closed';
    // Eyes shut too long were already dozing when they closed: the event starts there.
    const sinceMs = eyesClosedMs >= this.config.awake.eyesClosedMaxMs ? timestampMs - eyesClosedMs : timestampMs;
    this.failSpan.update(timestampMs, failing(this.current.status), { perclos, nodCount, eyesClosedMs }, label, sinceMs);
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
    this.perclos.reset();
    this.nods.reset();
    this.failSpan.reset();
    this.lastTimestampMs = null;
    this.closedSinceMs = null;
    this.current = this.unknown('no frame yet', {});
  }

  private measuredMinMs(): number {
    return this.config.awake.windowMs * this.config.timing.windowMeasuredMinFraction;
  }

  /** PERCLOS when enough of the window was measured, else null. */
  private measuredPerclos(): number | null {
    return this.perclos.measuredMs >= this.measuredMinMs() ? this.perclos.share : null;
  }

  private judge(signals: ConductSignals, nodCount: number, eyesClosedMs: number): ConductVerdict {
    const { perclosMax, nodCountMin, windowMs, eyesClosedMaxMs } = this.config.awake;
    const perclos = this.measuredPerclos();
    const measuredMs = this.perclos.measuredMs;
    const measures = finiteEntries({
      perclos,
      measuredMs,
      nodCount,
      eyesClosedMs,
      eyesClosedScore: signals.eyesClosedScore,
      lidGapIrisDiameters: signals.lidGapIrisDiameters,
      headPitchDeg: signals.headPitchDeg,
    });
    const coverage = clampUnit(measuredMs / windowMs);
    const perclosFails = perclos !== null && perclos > perclosMax;
    const nodsFail = nodCount >= nodCountMin;
    const closureFails = eyesClosedMs >= eyesClosedMaxMs;
    if (perclosFails || nodsFail || closureFails) {
      const reasons = [
        perclosFails ? `eyes closed ${percent(perclos)} of the last ${seconds(windowMs)} s (PERCLOS over ${percent(perclosMax)})` : null,
        closureFails ? `eyes closed for ${seconds(eyesClosedMs)} s without opening (at most ${seconds(eyesClosedMaxMs)} s)` : null,
        nodsFail ? `${nodCount} nods in the last ${seconds(windowMs)} s (at most ${nodCountMin - 1} allowed)` : null,
      ].filter((reason): reason is string => reason !== null);
      const confidence = perclosFails
        ? coverage * marginConfidence(perclosMax - perclos, PERCLOS_CONFIDENCE_SCALE)
        : closureFails
          ? marginConfidence(eyesClosedMs - eyesClosedMaxMs, eyesClosedMaxMs)
          : marginConfidence(nodCount - nodCountMin + 1, 2);
      return {
        ruleId: META.id,
        status: 'fail',
        evidence: {
          measures,
          thresholds: this.thresholds(),
          confidence: clampUnit(confidence),
          decidingMeasure: perclosFails ? 'perclos' : closureFails ? 'eyesClosedMs' : 'nodCount',
          reason: reasons.join('; '),
        },
      };
    }
    if (perclos === null) {
      // why this frame adds nothing to the window; none while the eyes are read and the window just fills
      const why = !signals.personPresent
        ? '; no person at the counter'
        : signals.faceTooDark
          ? `; ${FACE_TOO_DARK}`
          : signals.eyesClosed === null
            ? '; eyes not measured (no face)'
            : '';
      return this.unknown(`${seconds(measuredMs)} s of the ${seconds(this.measuredMinMs())} s needed measured${why}`, measures);
    }
    return {
      ruleId: META.id,
      status: 'pass',
      evidence: {
        measures,
        thresholds: this.thresholds(),
        confidence: clampUnit(coverage * marginConfidence(perclosMax - perclos, PERCLOS_CONFIDENCE_SCALE)),
        decidingMeasure: 'perclos',
        reason: `eyes closed ${percent(perclos)} of the last ${seconds(windowMs)} s, ${nodCount} nods`,
      },
    };
  }

  private thresholds(): Record<string, number> {
    const { awake, signals } = this.config;
    return {
      perclosMax: awake.perclosMax,
      eyesClosedMaxMs: awake.eyesClosedMaxMs,
      windowMs: awake.windowMs,
      measuredMinMs: this.measuredMinMs(),
      nodCountMin: awake.nodCountMin,
      nodPitchDropDeg: awake.nodPitchDropDeg,
      eyesClosedScoreMin: signals.eyesClosedScoreMin,
      lidGapClosedMaxIrisDiameters: signals.lidGapClosedMaxIrisDiameters,
    };
  }

  private unknown(reason: string, measures: Record<string, number>): ConductVerdict {
    return { ruleId: META.id, status: 'unknown', evidence: { measures, thresholds: this.thresholds(), confidence: 0, reason } };
  }
}
