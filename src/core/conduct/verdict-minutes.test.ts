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
});
