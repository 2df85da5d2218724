import { describe, expect, it } from 'vitest';
import { SpanEvents } from './span-events';

const OPTIONS = { holdMs: 1000, endGapMs: 500, maxFrameGapMs: 2000 };

function feed(events: SpanEvents, fromMs: number, toMs: number, active: boolean, label: string | null = null): void {
  for (let t = fromMs; t < toMs; t += 100) events.update(t, active, { score: t / 10_000 }, label);
}

describe('SpanEvents', () => {
  it('logs a held span as a violation of its rule, labelled by the frames seen most', () => {
    const events = new SpanEvents('conduct.no_phone', OPTIONS, { score: 'max' });
    feed(events, 0, 1000, false);
    feed(events, 1000, 2000, true, 'phone in hand');
    feed(events, 2000, 2500, true, 'phone at face');
    expect(events.isOpen).toBe(true);
    expect(events.openEvent()).toMatchObject({ ruleId: 'conduct.no_phone', startMs: 1000, endMs: 2400, label: 'phone in hand' });
    expect(events.takeNew()).toEqual([]);
    feed(events, 2500, 3200, false);
    const [event] = events.takeNew();
    expect(event).toEqual({
      ruleId: 'conduct.no_phone',
      kind: 'violation',
      startMs: 1000,
      endMs: 2400,
      peak: { durationMs: 1400, scoreMax: 0.24 },
      label: 'phone in hand',
    });
    expect(events.takeNew()).toEqual([]);
    expect(events.completed()).toHaveLength(1);
  });

  it('gives a fixed label to every event; drop ends without logging, end logs', () => {
    const events = new SpanEvents('conduct.at_post', OPTIONS, {}, 'absence');
    feed(events, 0, 1500, true, 'ignored');
    events.drop();
    expect(events.completed()).toEqual([]);
    feed(events, 2000, 3500, true);
    events.end();
    expect(events.completed()).toEqual([expect.objectContaining({ label: 'absence', startMs: 2000, endMs: 3400 })]);
    events.add({ ruleId: 'conduct.at_post', kind: 'break', startMs: 4000, endMs: 5000, peak: { durationMs: 1000 }, label: 'break' });
    expect(events.takeNew().map((event) => event.kind)).toEqual(['violation', 'break']);
    events.reset();
    expect(events.completed()).toEqual([]);
    expect(events.isOpen).toBe(false);
  });

  it('a candidate shorter than the hold is never logged', () => {
    const events = new SpanEvents('conduct.no_eating', OPTIONS);
    feed(events, 0, 900, true);
    feed(events, 900, 2000, false);
    events.end();
    expect(events.completed()).toEqual([]);
  });
});
