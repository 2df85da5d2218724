import { describe, expect, it } from 'vitest';
import { VerdictMinutes } from './verdict-minutes';

describe('VerdictMinutes', () => {
  it('counts frames and fail time per minute, and files a fail span in the minute it started in', () => {
    const minutes = new VerdictMinutes(2000);
    for (let t = 0; t < 90_000; t += 500) minutes.update({ 'posture.upright': t >= 50_000 && t < 70_000 ? 'fail' : 'pass', 'posture.x': 'off' }, t);
    expect(minutes.takeRevisedMinutes()).toEqual([0]);
    const first = minutes.minuteAt(0)!;
    expect(first.rules).toEqual({ 'posture.upright': { pass: 100, fail: 20, unknown: 0, failMs: 10_000 } });
    expect(first.events).toEqual([{ ruleId: 'posture.upright', startMs: 50_000, endMs: 69_500 }]);
    expect(minutes.minuteAt(60_000)!.rules['posture.upright']).toEqual({ pass: 40, fail: 20, unknown: 0, failMs: 10_000 });
    expect(minutes.minuteAt(60_000)!.events).toEqual([]);
    expect(minutes.minuteAt(120_000)).toBeNull();
    expect(minutes.totals()).toEqual({ 'posture.upright': { pass: 140, fail: 40, unknown: 0, failMs: 20_000, spans: 1 } });
    minutes.update({ 'posture.upright': 'fail' }, 90_000);
    expect(minutes.totals()['posture.upright']!.spans).toBe(2);
  });

  it('does not count a frame gap as fail time, and ends a span at the gap', () => {
    const minutes = new VerdictMinutes(2000);
    minutes.update({ a: 'fail' }, 1000);
    minutes.update({ a: 'fail' }, 2000);
    minutes.update({ a: 'fail' }, 12_000);
    minutes.update({ a: 'pass' }, 12_500);
    const minute = minutes.minuteAt(0)!;
    expect(minute.rules.a!.failMs).toBe(1000 + 500);
    expect(minute.events).toEqual([
      { ruleId: 'a', startMs: 1000, endMs: 2000 },
      { ruleId: 'a', startMs: 12_000, endMs: 12_000 },
    ]);
    minutes.update({ a: 'fail' }, 13_000);
    minutes.update({ a: 'fail' }, 12_900);
    minutes.end();
    expect(minutes.minuteAt(0)!.events).toHaveLength(3);
    expect(minutes.minuteAt(0)!.rules.a!.fail).toBe(4);
  });

  it('keeps running totals over released minutes, and holds a finished minute only while a span that began in it is open', () => {
    const released = new VerdictMinutes(2000);
    const keepsAll = new VerdictMinutes(2000);
    const heldCounts: number[] = [];
    let revisions = 0;
    // 8 h at 1 fps: a 30 s slouch every 10 minutes, and one of 20 minutes from 5:00:30.
    const longSlouch = { startMs: 5 * 3_600_000 + 30_000, endMs: 5 * 3_600_000 + 20 * 60_000 + 30_000 };
    const status = (t: number) =>
      (t >= longSlouch.startMs && t < longSlouch.endMs) || t % 600_000 >= 120_000 && t % 600_000 < 150_000 ? 'fail' : 'pass';
    for (let t = 0; t < 8 * 3_600_000; t += 1000) {
      released.update({ upright: status(t), 'posture.x': t % 7000 === 0 ? 'unknown' : 'pass' }, t);
      keepsAll.update({ upright: status(t), 'posture.x': t % 7000 === 0 ? 'unknown' : 'pass' }, t);
      if (t % 10_000 === 0) {
        const revised = released.takeRevisedMinutes();
        revisions += revised.length;
        // A span that closed revises its start minute: still held, so the owner can read it.
        for (const minuteStartMs of revised) expect(released.minuteAt(minuteStartMs)).toEqual(keepsAll.minuteAt(minuteStartMs));
        released.release();
        heldCounts.push(released.heldMinutes);
      }
    }
    expect(released.totals()).toEqual(keepsAll.totals());
    expect(revisions).toBe(48 - 2 + 1);
    expect(released.totals().upright!.spans).toBe(48 - 2 + 1);
    expect(released.totals().upright!.failMs).toBe((48 - 2) * 30_000 + 20 * 60_000);
    expect(keepsAll.heldMinutes).toBe(8 * 60);
    // The minute in progress, and the one an open slouch began in (the long slouch's first minute for 20 minutes).
    expect(Math.max(...heldCounts)).toBeLessThanOrEqual(2);
    expect(heldCounts.at(-1)).toBe(1);
    const longMinute = released.minuteAt(longSlouch.startMs - 30_000);
    expect(longMinute).toBeNull();
    // Never released past what the next frame or an open span can change, whatever the owner asks.
    const open = new VerdictMinutes(2000);
    for (let t = 0; t < 300_000; t += 1000) open.update({ upright: t >= 30_000 ? 'fail' : 'pass' }, t);
    // The owner may keep more (a minute whose conduct record may come again).
    open.release((minuteStartMs) => minuteStartMs === 60_000);
    expect(open.heldMinutes).toBe(3);
    expect(open.minuteAt(60_000)).not.toBeNull();
    open.release();
    expect(open.revisableMinutes()).toEqual({ fromMs: 240_000, spanStartsMs: new Set([0]) });
    expect(open.heldMinutes).toBe(2);
    expect(open.minuteAt(0)).not.toBeNull();
    expect(open.minuteAt(60_000)).toBeNull();
    open.end();
    expect(open.minuteAt(0)!.events).toEqual([{ ruleId: 'upright', startMs: 30_000, endMs: 299_000 }]);
  });
});

describe('VerdictMinutes.completedSpans', () => {
  it('lists the latest completed spans, up to spansKept, and none by default', () => {
    const kept = new VerdictMinutes(2000, 2);
    const none = new VerdictMinutes(2000);
    // fail 1..2 s, 4..5 s, 7..8 s (frames each 500 ms); the last still open until `end`
    for (let t = 0; t <= 8000; t += 500) {
      const failing = [1000, 1500, 2000, 4000, 4500, 5000, 7000, 7500, 8000].includes(t);
      for (const minutes of [kept, none]) minutes.update({ upright: failing ? 'fail' : 'pass' }, t);
    }
    expect(kept.completedSpans()).toEqual([
      { ruleId: 'upright', startMs: 1000, endMs: 2000 },
      { ruleId: 'upright', startMs: 4000, endMs: 5000 },
    ]);
    kept.end();
    expect(kept.completedSpans()).toEqual([
      { ruleId: 'upright', startMs: 4000, endMs: 5000 },
      { ruleId: 'upright', startMs: 7000, endMs: 8000 },
    ]);
    none.end();
    expect(none.completedSpans()).toEqual([]);
    expect(none.totals().upright!.spans).toBe(3);
  });
});
