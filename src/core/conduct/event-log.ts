import type { ConductEvent } from './conduct-rule';

/** A rule's completed events: all of them since the last reset, and those not yet taken by a consumer. */
export class EventLog {
  private events: ConductEvent[] = [];
  private takenCount = 0;

  add(event: ConductEvent): void {
    this.events.push(Object.freeze({ ...event, peak: Object.freeze({ ...event.peak }) }));
  }

  all(): readonly ConductEvent[] {
    return [...this.events];
  }

  /** The events added since the previous call. */
  takeNew(): ConductEvent[] {
    const fresh = this.events.slice(this.takenCount);
    this.takenCount = this.events.length;
    return fresh;
  }

  reset(): void {
    this.events = [];
    this.takenCount = 0;
  }
}
