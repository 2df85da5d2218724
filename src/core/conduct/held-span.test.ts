import { describe, expect, it } from 'vitest';
import { frameTimes } from './conduct-test-streams';
import { HeldSpan, type Span } from './held-span';

const OPTIONS = { holdMs: 3000, endGapMs: 1000, maxFrameGapMs: 2000 };

function run(span: HeldSpan, times: readonly number[], active: (t: number) => boolean | null): Span[] {
  return times.flatMap((t) => span.update(t, active(t), { distance: t / 1000 }, 'nose') ?? []);
}

describe('HeldSpan', () => {
  it('ignores a signal shorter than the hold', () => {
    const span = new HeldSpan(OPTIONS);
    expect(run(span, frameTimes(0, 10_000, 30), (t) => t >= 1000 && t < 3000)).toEqual([]);
    expect(span.isOpen).toBe(false);
  });

  it('opens after the hold and reports the span from its first to its last frame', () => {
    const span = new HeldSpan(OPTIONS, { distance: 'min' });
    const times = frameTimes(0, 12_000, 5);
    const spans = run(span, times, (t) => t >= 2000 && t < 7000);
    expect(spans).toHaveLength(1);
    expect(spans[0]!.startMs).toBe(times.find((t) => t >= 2000));
    expect(spans[0]!.endMs).toBe([...times].reverse().find((t) => t < 7000));
    expect(spans[0]!.peak).toMatchObject({ distanceMin: 2 });
    expect(spans[0]!.peak.durationMs).toBeCloseTo(4800, -2);
    expect(spans[0]!.label).toBe('nose');
  });

  it('starts a span where the caller says its signal began, never later than its first frame', () => {
    const span = new HeldSpan({ ...OPTIONS, holdMs: 0 });
    span.update(5000, true, {}, null, 2000);
    span.update(5200, true, {}, null, 5200);
    expect(span.end()).toMatchObject({ startMs: 2000, endMs: 5200, peak: { durationMs: 3200 } });
    span.update(9000, true, {}, null, 9500);
    expect(span.end()).toMatchObject({ startMs: 9000 });
  });

  it('bridges a dropout shorter than the end gap and splits on a longer one', () => {
    const short = new HeldSpan(OPTIONS);
    const times = frameTimes(0, 20_000, 30);
    expect(run(short, times, (t) => t < 4000 || (t >= 4500 && t < 9000))).toHaveLength(1);
    const long = new HeldSpan(OPTIONS);
    expect(run(long, times, (t) => t < 4000 || (t >= 5500 && t < 10_000))).toHaveLength(2);
  });

  it('ends a span at a frame gap instead of holding through it', () => {
    const span = new HeldSpan(OPTIONS);
    const spans = run(span, [...frameTimes(0, 5000, 5), ...frameTimes(15_000, 16_000, 5)], () => true);
    expect(spans).toHaveLength(1);
    expect(spans[0]!.endMs).toBe(4800);
    expect(span.isOpen).toBe(false);
    expect(span.heldMs).toBe(800);
  });

  it('does not extend a span with unknown frames', () => {
    const span = new HeldSpan(OPTIONS);
    const spans = run(span, frameTimes(0, 10_000, 10), (t) => (t < 4000 ? true : null));
    expect(spans).toHaveLength(1);
    expect(spans[0]!.endMs).toBe(3900);
  });
});
