import { describe, expect, it } from 'vitest';
import { CameraUse } from './camera-use';

describe('CameraUse', () => {
  it('a self-check that opened the camera releases it when it ends', () => {
    const use = new CameraUse();
    expect(use.claim('self-check', false)).toBe(true);
    expect(use.owner).toBe('self-check');
    expect(use.release('self-check')).toBe(true);
    expect(use.owner).toBeNull();
  });

  it('a self-check leaves on a camera the person started', () => {
    const use = new CameraUse();
    expect(use.claim('user', false)).toBe(true);
    expect(use.claim('self-check', true)).toBe(false);
    expect(use.release('self-check')).toBe(false);
    expect(use.owner).toBe('user');
  });

  it('the person pressing Start camera during a self-check keeps the camera on after it', () => {
    const use = new CameraUse();
    use.claim('self-check', false);
    expect(use.claim('user', true)).toBe(true);
    expect(use.release('self-check')).toBe(false);
    expect(use.owner).toBe('user');
  });

  it('a self-check on an open photo or video does not ask for the camera', () => {
    const use = new CameraUse();
    expect(use.claim('self-check', true)).toBe(false);
    expect(use.owner).toBeNull();
    expect(use.release('self-check')).toBe(false);
  });

  it('a shift owns the camera it opened; stopping it releases the camera', () => {
    const use = new CameraUse();
    expect(use.claim('monitor', false)).toBe(true);
    expect(use.release('user')).toBe(false);
    expect(use.release('monitor')).toBe(true);
  });

  it('after a clear no use releases anything', () => {
    const use = new CameraUse();
    use.claim('self-check', false);
    use.clear();
    expect(use.owner).toBeNull();
    expect(use.release('self-check')).toBe(false);
  });

  it('a badge enrolment opens the camera when none runs and releases it after; it leaves on one already running', () => {
    const use = new CameraUse();
    expect(use.claim('badge-enrol', false)).toBe(true);
    expect(use.release('badge-enrol')).toBe(true);
    use.claim('user', false);
    expect(use.claim('badge-enrol', true)).toBe(false);
    expect(use.release('badge-enrol')).toBe(false);
    expect(use.owner).toBe('user');
  });
});
