import { describe, expect, it } from 'vitest';
import { CameraHealthMonitor } from './camera-health';

/** Checks every 33 ms (a 30 fps page) from `fromMs` to `toMs`, each with a frame of `luma` or none. */
function run(monitor: CameraHealthMonitor, fromMs: number, toMs: number, luma: number | 'none') {
  let problem = null;
  for (let t = fromMs; t <= toMs; t += 33) problem = luma === 'none' ? monitor.noFrame(t) : monitor.frame(t, luma);
  return problem;
}

describe('CameraHealthMonitor', () => {
  it('is healthy while lit frames arrive', () => {
    expect(run(new CameraHealthMonitor(), 0, 10_000, 120)).toBeNull();
  });

  it('reports black frames after two seconds of them, and clears when the light is back', () => {
    const monitor = new CameraHealthMonitor();
    run(monitor, 0, 1000, 120);
    expect(run(monitor, 1033, 2500, 3)).toBeNull();
    expect(run(monitor, 2533, 3200, 3)).toBe('black-frames');
    expect(monitor.frame(3233, 90)).toBeNull();
  });

  it('keeps the black clock running over frames whose luma was not sampled', () => {
    const monitor = new CameraHealthMonitor();
    monitor.frame(0, 2);
    for (let t = 33; t < 2000; t += 33) expect(monitor.frame(t, null)).toBeNull();
    expect(monitor.frame(2033, null)).toBe('black-frames');
  });

  it('reports a stall when no frame comes for four seconds, and clears on the next frame', () => {
    const monitor = new CameraHealthMonitor();
    run(monitor, 0, 500, 120);
    expect(run(monitor, 533, 4000, 'none')).toBeNull();
    expect(run(monitor, 4033, 4600, 'none')).toBe('stalled');
    expect(monitor.frame(4633, 120)).toBeNull();
  });

  it('does not blame the camera for time the page was asleep', () => {
    const monitor = new CameraHealthMonitor();
    run(monitor, 0, 500, 120);
    // A hidden tab: no checks for a minute, then the page runs again before the camera's next frame.
    expect(monitor.noFrame(60_500)).toBeNull();
    expect(run(monitor, 60_533, 61_000, 'none')).toBeNull();
  });
});
