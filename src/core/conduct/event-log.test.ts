import { describe, expect, it } from 'vitest';
import type { ConductEvent } from './conduct-rule';
import { EVENT_LOG_KEPT, EventLog } from './event-log';

const event = (startMs: number): ConductEvent => ({
  ruleId: 'conduct.no_phone',
  kind: 'violation',
  startMs,
  endMs: startMs + 6000,
  peak: { durationMs: 6000 },
  label: 'phone in hand',
});

describe('EventLog', () => {
  it('holds the latest taken events and every untaken one, counting them all', () => {
    const log = new EventLog();
    const taken: ConductEvent[] = [];
    for (let i = 0; i < 1000; i += 1) {
      log.add(event(i * 60_000));
      if (i % 3 === 0) taken.push(...log.takeNew());
    }
    expect(log.count).toBe(1000);
    // Events 0..999: taken up to 999 (999 % 3 === 0), so the last EVENT_LOG_KEPT are held.
    expect(taken.map((e) => e.startMs)).toEqual(Array.from({ length: 1000 }, (_, i) => i * 60_000));
    expect(log.all().map((e) => e.startMs)).toEqual(taken.slice(-EVENT_LOG_KEPT).map((e) => e.startMs));
    // Not taken: never dropped, however many.
    for (let i = 1000; i < 1300; i += 1) log.add(event(i * 60_000));
    expect(log.all()).toHaveLength(EVENT_LOG_KEPT + 300);
    expect(log.takeNew().map((e) => e.startMs)).toEqual(Array.from({ length: 300 }, (_, i) => (1000 + i) * 60_000));
    expect(log.all()).toHaveLength(EVENT_LOG_KEPT);
    expect(log.all().at(-1)!.startMs).toBe(1299 * 60_000);
    expect(Object.isFrozen(log.all()[0])).toBe(true);
    log.reset();
    expect(log.count).toBe(0);
    expect(log.all()).toEqual([]);
  });
});
