import { describe, expect, it } from 'vitest';
import { FpsMeter } from './fps-meter';

describe('FpsMeter', () => {
  it('converges to the true rate of a steady 30 fps stream', () => {
    const meter = new FpsMeter();
    for (let i = 0; i < 120; i++) meter.tick(i * (1000 / 30));
    expect(meter.value).toBeCloseTo(30, 6);
  });

  it('stays within the range of the instantaneous rates', () => {
    const meter = new FpsMeter();
    let t = 0;
    for (let i = 0; i < 100; i++) {
      t += i % 2 ? 50 : 100; // alternating 20 and 10 fps
      const fps = meter.tick(t);
      if (i === 0) continue;
      expect(fps).toBeGreaterThanOrEqual(10 - 1e-9);
      expect(fps).toBeLessThanOrEqual(20 + 1e-9);
    }
  });

  it('reads an uneven stream at its true rate: a slow frame then a quick catch-up averages 5 fps, not more', () => {
    const meter = new FpsMeter();
    let t = 0;
    for (let i = 0; i < 200; i++) meter.tick((t += i % 2 ? 80 : 320));
    // the gaps average 200 ms; the mean of the instantaneous rates (3.1 and 12.5 fps) would read 7.8
    expect(meter.value).toBeGreaterThan(4.8);
    expect(meter.value).toBeLessThan(5.3);
  });

  it('reads 0 until two frames and after reset', () => {
    const meter = new FpsMeter();
    expect(meter.tick(0)).toBe(0);
    meter.tick(100);
    meter.reset();
    expect(meter.value).toBe(0);
  });
});
