import { describe, expect, it } from 'vitest';
import { frameTimes, seededRandom } from './conduct-test-streams';
import { ShareWindow } from './share-window';

describe('ShareWindow', () => {
  it('measures a constant state over a full window at 30 fps', () => {
    const window = new ShareWindow(60_000, 2000);
    for (const t of frameTimes(0, 90_000, 30)) window.update(t, true);
    expect(window.share).toBe(1);
    expect(window.measuredMs).toBeCloseTo(60_000, -2);
  });

  it('takes the share of time, not of frames, at an irregular 5 fps', () => {
    const window = new ShareWindow(60_000, 2000);
    // True for the first 3 s of every 10 s: 30%.
    for (const t of frameTimes(0, 60_001, 5, 0.3, 7)) window.update(t, t % 10_000 < 3000);
    expect(window.share).toBeGreaterThan(0.27);
    expect(window.share).toBeLessThan(0.33);
  });

  it('slides: old time leaves the window', () => {
    const window = new ShareWindow(60_000, 2000);
    for (const t of frameTimes(0, 120_000, 5)) window.update(t, false);
    for (const t of frameTimes(120_000, 181_000, 5)) window.update(t, true);
    expect(window.share).toBeGreaterThan(0.99);
  });

  it('counts a frame gap longer than the maximum as unknown time, not held state', () => {
    const window = new ShareWindow(60_000, 2000);
    for (const t of frameTimes(0, 10_000, 5)) window.update(t, true);
    for (const t of frameTimes(20_000, 30_000, 5)) window.update(t, true);
    expect(window.measuredMs).toBeGreaterThan(19_000);
    expect(window.measuredMs).toBeLessThan(20_000);
  });

  it('ignores unknown frames and starts afresh when time goes backwards', () => {
    const window = new ShareWindow(60_000, 2000);
    for (const t of frameTimes(0, 10_000, 5)) window.update(t, null);
    expect(window.share).toBeNull();
    window.update(50_000, true);
    window.update(1000, true);
    expect(window.measuredMs).toBe(0);
  });

  it('stays within 0..1 and the window on random streams', () => {
    const random = seededRandom(3);
    const window = new ShareWindow(30_000, 1500);
    let t = 0;
    const problems: string[] = [];
    for (let i = 0; i < 5000; i += 1) {
      t += random() < 0.01 ? 5000 : random() * 400;
      const roll = random();
      window.update(t, roll < 0.1 ? null : roll < 0.5);
      const share = window.share;
      if (share !== null && !(share >= 0 && share <= 1)) problems.push(`share ${share} at ${t}`);
      if (!(window.measuredMs <= 30_000 + 1e-6)) problems.push(`measured ${window.measuredMs} at ${t}`);
      if (!(window.trueMs <= window.measuredMs + 1e-6)) problems.push(`true ${window.trueMs} at ${t}`);
    }
    expect(problems).toEqual([]);
  });
});
