import { CONDUCT_TIME_NAMES, type ConductConfig, type ConductTimes, conductTimeOverrides, resolveConductConfig } from '../../core/conduct';
import { DEFAULT_MONITOR_FPS, MONITOR_FPS_RANGE, type StationSetup } from '../../core/station-setup/station-setup';

/** How monitoring runs in the page. */
export interface MonitorSettings {
  /** Frames analysed per second while monitoring. Default 5: enough for the time rules, light on the machine. */
  readonly fps: number;
  /** The object detector (phones, cups, food) runs at most this often on monitored frames. Default 1000 ms. */
  readonly objectsEveryMs: number;
  /** The minute in progress is saved this often (finished minutes are saved at once). Default 10000 ms. */
  readonly checkpointMs: number;
  readonly conduct: ConductConfig;
}

export const DEFAULT_OBJECTS_EVERY_MS = 1000;
export const DEFAULT_CHECKPOINT_MS = 10_000;

const RANGES = {
  monitorFps: MONITOR_FPS_RANGE,
  monitorObjectsEveryMs: [100, 60_000],
  monitorCheckpointMs: [500, 60_000],
  allowedAbsenceMs: [0, 8 * 3_600_000],
  groomingHoldMs: [0, 600_000],
  phoneHoldMs: [0, 600_000],
  eatingHoldMs: [0, 600_000],
  eyesClosedMaxMs: [100, 600_000],
} as const;

/** What a station's setup says of monitoring: its rate and its conduct times. */
export type StationMonitoring = Pick<StationSetup, 'conductTimes' | 'monitorFps'>;

/**
 * Monitoring settings from the page address's query, e.g. `?monitorFps=2&allowedAbsenceMs=120000#monitor`.
 * The conduct times: `allowedAbsenceMs` (`conduct.atPost.allowedAbsenceMs`), `groomingHoldMs`,
 * `phoneHoldMs`, `eatingHoldMs` (each event's `holdMs`) and `eyesClosedMaxMs` (`conduct.awake`). Absent
 * values take the station's (its rate and times, from its setup), else the defaults; a value that is not a
 * number in range throws a RangeError naming it.
 */
export function monitorSettingsFromQuery(search: string, station: StationMonitoring = {}): MonitorSettings {
  const params = new URLSearchParams(search);
  const read = (name: keyof typeof RANGES): number | undefined => {
    const text = params.get(name);
    if (text === null || text === '') return undefined;
    const value = Number(text);
    const [min, max] = RANGES[name];
    if (!Number.isFinite(value) || value < min || value > max) {
      throw new RangeError(`${name} must be a number within ${min}..${max}, got "${text}"`);
    }
    return value;
  };
  const queryTimes: ConductTimes = Object.fromEntries(
    CONDUCT_TIME_NAMES.flatMap((name) => {
      const value = read(name);
      return value === undefined ? [] : [[name, value]];
    }),
  );
  return {
    fps: read('monitorFps') ?? station.monitorFps ?? DEFAULT_MONITOR_FPS,
    objectsEveryMs: read('monitorObjectsEveryMs') ?? DEFAULT_OBJECTS_EVERY_MS,
    checkpointMs: read('monitorCheckpointMs') ?? DEFAULT_CHECKPOINT_MS,
    conduct: resolveConductConfig(conductTimeOverrides({ ...station.conductTimes, ...queryTimes })),
  };
}
