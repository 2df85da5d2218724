import type { ConductEvent } from './conduct-rule';

/** Completed events kept for `all()` once a consumer has taken them (the latest; the count covers them all). */
export const EVENT_LOG_KEPT = 100;

/**
 * A rule's completed events: the latest ones (every event not yet taken by a consumer, and the last
 * `EVENT_LOG_KEPT` taken), and how many there were since the last reset. A long shift holds a bounded log.
 */
export class EventLog {
  private events: ConductEvent[] = [];
  /** How many of `events`, from the front, the consumer has taken. */
  private takenCount = 0;
  private total = 0;

  add(event: ConductEvent): void {
    this.events.push(Object.freeze({ ...event, peak: Object.freeze({ ...event.peak }) }));
    this.total += 1;
  }

  /** The latest events, oldest first: all not yet taken, and up to `EVENT_LOG_KEPT` taken before them. */
  all(): readonly ConductEvent[] {
    return [...this.events];
  }

  /** Events added since the last reset, including those no longer held. */
  get count(): number {
    return this.total;
  }

  /** The events added since the previous call. */
  takeNew(): ConductEvent[] {
    const fresh = this.events.slice(this.takenCount);
    this.takenCount = this.events.length;
    const drop = this.takenCount - EVENT_LOG_KEPT;
    if (drop > 0) {
      this.events = this.events.slice(drop);
      this.takenCount -= drop;
    }
    return fresh;
  }

  reset(): void {
    this.events = [];
    this.takenCount = 0;
    this.total = 0;
  }
}
