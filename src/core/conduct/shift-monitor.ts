import { type ConductConfig, DEFAULT_CONDUCT_CONFIG } from './conduct-config';
import { ConductAtPost } from './conduct-at-post';
import { ConductAwake } from './conduct-awake';
import { ConductFaceCustomer } from './conduct-face-customer';
import { ConductNoEating } from './conduct-no-eating';
import { ConductNoGroomingInPublic } from './conduct-no-grooming-in-public';
import { ConductNoPhone } from './conduct-no-phone';
import {
  CONDUCT_RULE_IDS,
  type ConductEvent,
  type ConductRuleId,
  type ConductStatus,
  type ConductTimeRule,
  type ConductVerdict,
} from './conduct-rule';
import type { ConductSignals } from './conduct-signals';
import { ConductSmile } from './conduct-smile';
import { isRevisable, type RevisableMinutes } from './revisable-minutes';

export const MINUTE_MS = 60_000;
/** How many completed events `completedEvents()` keeps by default (the counts cover them all). */
export const DEFAULT_EVENTS_KEPT = 100;

export interface ShiftMonitorOptions {
  /** The latest completed events kept for `completedEvents()`; older ones are only counted. Default 100. */
  readonly eventsKept?: number;
}

/** Completed events of one rule over the shift, by kind. */
export interface ConductEventCounts {
  readonly violation: number;
  readonly break: number;
}

/** One rule's share of one minute. */
export interface MinuteRuleCounts {
  /** Frames whose verdict (after the frame) had each status. */
  readonly pass: number;
  readonly fail: number;
  readonly unknown: number;
  /**
   * Time in the minute by status: each frame's status holds until the next frame; a gap between frames
   * longer than `timing.maxFrameGapMs` is unknown. They add up to the minute's time covered since the
   * first frame of the shift (60000 for a full minute).
   */
  readonly passMs: number;
  readonly failMs: number;
  readonly unknownMs: number;
}

/** One minute of a shift, for storage: counts and events only, no images. */
export interface MinuteAggregate {
  /** Start of the minute: a multiple of 60000 on the timestamps' clock. */
  readonly minuteStartMs: number;
  readonly rules: Readonly<Record<ConductRuleId, MinuteRuleCounts>>;
  /**
   * The completed events that started in this minute (as the stored `MinuteRecord` has them: each event
   * once, in its start minute; its `endMs` may run past the minute). An event is known only once it has
   * ended, so a minute already returned is returned again, revised, when a later event that started in
   * it completes: storage replaces a minute by its start.
   */
  readonly events: readonly ConductEvent[];
}

interface MutableCounts {
  pass: number;
  fail: number;
  unknown: number;
  passMs: number;
  failMs: number;
  unknownMs: number;
}

interface MinuteAccumulator {
  readonly minuteStartMs: number;
  readonly rules: Record<ConductRuleId, MutableCounts>;
  readonly events: ConductEvent[];
  frames: number;
  /** Changed since it was last returned. */
  changed: boolean;
}

const minuteOf = (timestampMs: number): number => Math.floor(timestampMs / MINUTE_MS) * MINUTE_MS;

const STATUS_MS_KEY = { pass: 'passMs', fail: 'failMs', unknown: 'unknownMs' } as const satisfies Record<
  ConductStatus,
  keyof MutableCounts
>;

const emptyCounts = (): MutableCounts => ({ pass: 0, fail: 0, unknown: 0, passMs: 0, failMs: 0, unknownMs: 0 });

/**
 * Every conduct rule over one shift: feeds each frame's signals to all rules, holds breaks, collects the
 * completed events and produces per-minute aggregates for storage. Frames must come in time order: a
 * frame not later than the previous one is ignored (call `reset()` for a new clip or shift). Time is
 * always passed in; nothing reads a clock. Memory stays bounded over any shift: a finished minute is held
 * only until it is returned, or while a span in progress began in it (see `revisableMinutes`), and
 * completed events are counted, the latest `eventsKept` kept.
 */
export class ShiftMonitor {
  private readonly atPost: ConductAtPost;
  private readonly rules: Readonly<Record<ConductRuleId, ConductTimeRule>>;
  private readonly minutes = new Map<number, MinuteAccumulator>();
  private recentEvents: ConductEvent[] = [];
  private readonly eventCounts = {} as Record<ConductRuleId, { violation: number; break: number }>;
  private readonly eventsKept: number;
  private lastTimestampMs: number | null = null;
  /** Time up to which every rule's time has been put into minutes. */
  private accountedUntilMs: number | null = null;
  private lastStatuses: Record<ConductRuleId, ConductStatus> | null = null;

  constructor(
    private readonly config: ConductConfig = DEFAULT_CONDUCT_CONFIG,
    options: ShiftMonitorOptions = {},
  ) {
    this.eventsKept = options.eventsKept ?? DEFAULT_EVENTS_KEPT;
    if (!(this.eventsKept >= 0)) throw new RangeError(`eventsKept must be >= 0, got ${this.eventsKept}`);
    this.resetEventCounts();
    this.atPost = new ConductAtPost(config);
    this.rules = {
      'conduct.smile': new ConductSmile(config),
      'conduct.face_customer': new ConductFaceCustomer(config),
      'conduct.no_grooming_in_public': new ConductNoGroomingInPublic(config),
      'conduct.no_phone': new ConductNoPhone(config),
      'conduct.no_eating': new ConductNoEating(config),
      'conduct.awake': new ConductAwake(config),
      'conduct.at_post': this.atPost,
    };
  }

  /** Takes one frame's signals; returns every rule's verdict after it. */
  update(signals: ConductSignals, timestampMs: number): Record<ConductRuleId, ConductVerdict> {
    if (!Number.isFinite(timestampMs) || (this.lastTimestampMs !== null && timestampMs <= this.lastTimestampMs)) {
      return this.verdicts();
    }
    this.accountUntil(timestampMs);
    const statuses = {} as Record<ConductRuleId, ConductStatus>;
    const verdicts = {} as Record<ConductRuleId, ConductVerdict>;
    const minute = this.minute(minuteOf(timestampMs));
    minute.frames += 1;
    minute.changed = true;
    for (const id of CONDUCT_RULE_IDS) {
      const verdict = this.rules[id].update(signals, timestampMs);
      verdicts[id] = verdict;
      statuses[id] = verdict.status;
      minute.rules[id][verdict.status] += 1;
    }
    this.collectEvents();
    this.lastTimestampMs = timestampMs;
    this.lastStatuses = statuses;
    return verdicts;
  }

  /** Every rule's verdict after the latest frame (unknown before the first). */
  verdicts(): Record<ConductRuleId, ConductVerdict> {
    const verdicts = {} as Record<ConductRuleId, ConductVerdict>;
    for (const id of CONDUCT_RULE_IDS) verdicts[id] = this.rules[id].verdict();
    return verdicts;
  }

  /**
   * Marks a permitted absence (000: the "service suspended" sign is out); see `ConductAtPost.startBreak`.
   * `timestampMs` is now (not before the latest frame's minute): earlier minutes may be final and dropped.
   */
  startBreak(timestampMs: number): void {
    this.atPost.startBreak(timestampMs);
    this.collectEvents();
  }

  /** Ends a marked break; it is logged as a break event in the minute it started in. */
  endBreak(timestampMs: number): void {
    this.atPost.endBreak(timestampMs);
    this.collectEvents();
  }

  get onBreak(): boolean {
    return this.atPost.onBreak;
  }

  /** The latest events completed in this shift (at most `eventsKept`), in the order they completed. */
  completedEvents(): readonly ConductEvent[] {
    return [...this.recentEvents];
  }

  /** How many events of each rule completed in this shift, by kind (all of them, kept or not). */
  completedEventCounts(): Record<ConductRuleId, ConductEventCounts> {
    const counts = {} as Record<ConductRuleId, ConductEventCounts>;
    for (const id of CONDUCT_RULE_IDS) counts[id] = { ...this.eventCounts[id] };
    return counts;
  }

  /**
   * The minutes that may still change: from the latest frame's minute on (the next frame comes after it;
   * time not yet accounted falls there too), and those where a span in progress began (its event is filed
   * there once it completes, even hours later). Every other minute is final.
   */
  revisableMinutes(): RevisableMinutes {
    if (this.lastTimestampMs === null) return { fromMs: Number.NEGATIVE_INFINITY, spanStartsMs: new Set() };
    const spanStartsMs = new Set<number>();
    for (const id of CONDUCT_RULE_IDS) {
      const startMs = this.rules[id].pendingStartMs();
      if (startMs !== null) spanStartsMs.add(minuteOf(startMs));
    }
    return { fromMs: minuteOf(Math.min(this.lastTimestampMs, this.accountedUntilMs ?? this.lastTimestampMs)), spanStartsMs };
  }

  /** How many minutes are held (finished ones awaiting revision and the current one): bounded over a shift. */
  get heldMinutes(): number {
    return this.minutes.size;
  }

  /** The events in progress (a violation so far, an open break). */
  openEvents(): ConductEvent[] {
    return CONDUCT_RULE_IDS.flatMap((id) => this.rules[id].openEvent() ?? []);
  }

  /**
   * The minutes finished by `nowMs` and changed since they were last returned, oldest first. A minute is
   * finished when its time is fully accounted for: a frame after it was seen, or `nowMs` lies more than
   * `maxFrameGapMs` after the last frame (the time since is then unknown whatever comes next). A finished
   * minute changes again only when an event that started in it completes later: it is then returned again,
   * whole, to replace the earlier one. Minutes without frames or events (the middle of a long gap) are not
   * returned.
   */
  drainMinuteAggregates(nowMs: number): MinuteAggregate[] {
    if (
      Number.isFinite(nowMs) &&
      this.lastTimestampMs !== null &&
      nowMs - this.lastTimestampMs > this.config.timing.maxFrameGapMs
    ) {
      this.accountUntil(nowMs);
    }
    const accounted = this.accountedUntilMs ?? Number.NEGATIVE_INFINITY;
    return this.takeMinutes((minuteStartMs) => minuteStartMs + MINUTE_MS <= accounted);
  }

  /**
   * The minutes not yet finished, as they stand (the current one, partial), without marking them returned:
   * for a checkpoint that stores the minute in progress, so that a closed tab loses little.
   */
  partialMinuteAggregates(): MinuteAggregate[] {
    const accounted = this.accountedUntilMs ?? Number.NEGATIVE_INFINITY;
    return [...this.minutes.values()]
      .filter((minute) => minute.minuteStartMs + MINUTE_MS > accounted && (minute.frames > 0 || minute.events.length > 0))
      .sort((a, b) => a.minuteStartMs - b.minuteStartMs)
      .map(toAggregate);
  }

  /**
   * Ends the shift at `timestampMs`: completes open events (an open break ends there), accounts the time
   * up to it, and returns every minute changed since it was last returned (those where the closed events
   * started among them), the last one partial. Call `reset()` before reuse.
   */
  endShift(timestampMs: number): MinuteAggregate[] {
    const endMs = Math.max(timestampMs, this.lastTimestampMs ?? timestampMs);
    for (const id of CONDUCT_RULE_IDS) this.rules[id].closeOpenEvents(endMs);
    this.collectEvents();
    if (this.lastTimestampMs !== null) this.accountUntil(endMs);
    const minutes = this.takeMinutes(() => true);
    this.minutes.clear();
    return minutes;
  }

  reset(): void {
    for (const id of CONDUCT_RULE_IDS) this.rules[id].reset();
    this.minutes.clear();
    this.recentEvents = [];
    this.resetEventCounts();
    this.lastTimestampMs = null;
    this.accountedUntilMs = null;
    this.lastStatuses = null;
  }

  /**
   * Puts the time from the accounted frontier to `untilMs` into minutes: under each rule's last status
   * when it is within `maxFrameGapMs` of the last frame, else as unknown.
   */
  private accountUntil(untilMs: number): void {
    const fromMs = this.accountedUntilMs;
    if (fromMs === null || this.lastTimestampMs === null || !(untilMs > fromMs)) {
      this.accountedUntilMs ??= untilMs;
      return;
    }
    const gap = untilMs - this.lastTimestampMs > this.config.timing.maxFrameGapMs;
    let startMs = fromMs;
    while (startMs < untilMs) {
      const minuteStartMs = minuteOf(startMs);
      const endMs = Math.min(untilMs, minuteStartMs + MINUTE_MS);
      const minute = this.minute(minuteStartMs);
      for (const id of CONDUCT_RULE_IDS) {
        const status = gap || !this.lastStatuses ? 'unknown' : this.lastStatuses[id];
        minute.rules[id][STATUS_MS_KEY[status]] += endMs - startMs;
      }
      minute.changed = true;
      startMs = endMs;
    }
    this.accountedUntilMs = untilMs;
  }

  /** Files each newly completed event in the minute it started in (revising that minute if already returned). */
  private collectEvents(): void {
    for (const id of CONDUCT_RULE_IDS) {
      for (const event of this.rules[id].takeNewEvents()) {
        const minute = this.minute(minuteOf(event.startMs));
        minute.events.push(event);
        minute.changed = true;
        this.recentEvents.push(event);
        this.eventCounts[id][event.kind] += 1;
      }
    }
    const excess = this.recentEvents.length - this.eventsKept;
    if (excess > 0) this.recentEvents = this.recentEvents.slice(excess);
  }

  private resetEventCounts(): void {
    for (const id of CONDUCT_RULE_IDS) this.eventCounts[id] = { violation: 0, break: 0 };
  }

  private minute(minuteStartMs: number): MinuteAccumulator {
    let minute = this.minutes.get(minuteStartMs);
    if (!minute) {
      const rules = {} as Record<ConductRuleId, MutableCounts>;
      for (const id of CONDUCT_RULE_IDS) rules[id] = emptyCounts();
      minute = { minuteStartMs, rules, events: [], frames: 0, changed: false };
      this.minutes.set(minuteStartMs, minute);
    }
    return minute;
  }

  /**
   * The finished minutes that changed, marked returned. A finished minute stays while a span in progress
   * began in it, so that its event, completing later, revises the minute it started in; once returned and
   * no longer revisable (`revisableMinutes`) it is dropped. Minutes of a gap with no frames or events are
   * dropped.
   */
  private takeMinutes(finished: (minuteStartMs: number) => boolean): MinuteAggregate[] {
    const done = [...this.minutes.keys()].filter(finished).sort((a, b) => a - b);
    const revisable = this.revisableMinutes();
    const aggregates: MinuteAggregate[] = [];
    for (const minuteStartMs of done) {
      const minute = this.minutes.get(minuteStartMs)!;
      if (minute.frames === 0 && minute.events.length === 0) {
        this.minutes.delete(minuteStartMs);
        continue;
      }
      if (!minute.changed && !isRevisable(revisable, minuteStartMs)) {
        this.minutes.delete(minuteStartMs);
        continue;
      }
      if (!minute.changed) continue;
      minute.changed = false;
      aggregates.push(toAggregate(minute));
    }
    return aggregates;
  }
}

function toAggregate(minute: MinuteAccumulator): MinuteAggregate {
  const rules = {} as Record<ConductRuleId, MinuteRuleCounts>;
  for (const id of CONDUCT_RULE_IDS) rules[id] = { ...minute.rules[id] };
  return { minuteStartMs: minute.minuteStartMs, rules, events: [...minute.events] };
}
