import { describe, expect, it } from 'vitest';
import { DEFAULT_CONDUCT_CONFIG } from '../../core/conduct';
import { MONITOR_RATE_DEFAULTS } from '../../core/station-setup/station-setup';
import { DEFAULT_CHECKPOINT_MS, monitorSettingsFromQuery } from './monitor-settings';

describe('monitorSettingsFromQuery', () => {
  it('defaults to 5 fps, objects every second, a checkpoint every 10 s and the default conduct config', () => {
    expect(monitorSettingsFromQuery('')).toEqual({
      fps: 5,
      objectsEveryMs: 1000,
      checkpointMs: DEFAULT_CHECKPOINT_MS,
      conduct: DEFAULT_CONDUCT_CONFIG,
    });
  });

  it('reads the query, the allowed absence into the conduct config', () => {
    const settings = monitorSettingsFromQuery('?monitorFps=2&monitorCheckpointMs=1000&allowedAbsenceMs=3000&other=x');
    expect(settings.fps).toBe(2);
    expect(settings.checkpointMs).toBe(1000);
    expect(settings.conduct.atPost.allowedAbsenceMs).toBe(3000);
    expect(settings.conduct.atPost.returnHoldMs).toBe(DEFAULT_CONDUCT_CONFIG.atPost.returnHoldMs);
  });

  it('reads the events\' holds and the longest eye closure into the conduct config, the rest kept', () => {
    const settings = monitorSettingsFromQuery('?phoneHoldMs=8000&groomingHoldMs=4000&eatingHoldMs=2000&eyesClosedMaxMs=6000');
    expect(settings.conduct.phone).toEqual({ ...DEFAULT_CONDUCT_CONFIG.phone, holdMs: 8000 });
    expect(settings.conduct.grooming.holdMs).toBe(4000);
    expect(settings.conduct.eating.holdMs).toBe(2000);
    expect(settings.conduct.awake).toEqual({ ...DEFAULT_CONDUCT_CONFIG.awake, eyesClosedMaxMs: 6000 });
    expect(() => monitorSettingsFromQuery('?phoneHoldMs=5s')).toThrow(/phoneHoldMs/);
  });

  it('takes the station\'s conduct times where the address does not set them', () => {
    const settings = monitorSettingsFromQuery('?phoneHoldMs=4000', { conductTimes: { phoneHoldMs: 8000, groomingHoldMs: 5000 } });
    expect(settings.conduct.phone.holdMs).toBe(4000);
    expect(settings.conduct.grooming.holdMs).toBe(5000);
    expect(settings.conduct.eating.holdMs).toBe(DEFAULT_CONDUCT_CONFIG.eating.holdMs);
  });

  it("takes the station's monitoring rates where the address does not set them", () => {
    const station = { monitorFps: 2, monitorObjectsEveryMs: 3000 };
    expect(monitorSettingsFromQuery('', station)).toMatchObject({ fps: 2, objectsEveryMs: 3000 });
    expect(monitorSettingsFromQuery('?monitorFps=1', station)).toMatchObject({ fps: 1, objectsEveryMs: 3000 });
    expect(monitorSettingsFromQuery('', {})).toMatchObject({ fps: MONITOR_RATE_DEFAULTS.monitorFps, objectsEveryMs: MONITOR_RATE_DEFAULTS.monitorObjectsEveryMs });
  });

  it('throws on a value that is not a number in range, naming it', () => {
    expect(() => monitorSettingsFromQuery('?monitorFps=fast')).toThrow(/monitorFps/);
    expect(() => monitorSettingsFromQuery('?monitorFps=0')).toThrow(/monitorFps/);
    expect(() => monitorSettingsFromQuery('?allowedAbsenceMs=-1')).toThrow(/allowedAbsenceMs/);
  });
});
