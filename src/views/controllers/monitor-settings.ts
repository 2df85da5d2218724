import { CONDUCT_TIME_NAMES, type ConductConfig, type ConductTimes, conductTimeOverrides, resolveConductConfig } from '../../core/conduct';
import { MONITOR_RATE_DEFAULTS, MONITOR_RATE_RANGES, type MonitorRates, type StationSetup } from '../../core/station-setup/station-setup';

/** How monitoring runs in the page. */
export interface MonitorSettings {
  /** Frames analysed per second while monitoring (`MONITOR_RATE_DEFAULTS.monitorFps`, 5, unless set). */
  readonly fps: number;
  /** The object detector (phones, cups, food) runs at most this often on monitored frames (default 1000 ms). */
  readonly objectsEveryMs: number;
  /** The minute in progress is saved this often (finished minutes are saved at once). Default 10000 ms. */
  readonly checkpointMs: number;
  readonly conduct: ConductConfig;
}

export const DEFAULT_CHECKPOINT_MS = 10_000;

const RANGES = {
  ...MONITOR_RATE_RANGES,
  monitorCheckpointMs: [500, 60_000],
  allowedAbsenceMs: [0, 8 * 3_600_000],
  groomingHoldMs: [0, 600_000],
  phoneHoldMs: [0, 600_000],
  eatingHoldMs: [0, 600_000],
  eyesClosedMaxMs: [100, 600_000],
} as const;

/** What a station's setup says of monitoring: its rates and its conduct times. */
export type StationMonitoring = MonitorRates & Pick<StationSetup, 'conductTimes'>;

/**
 * Monitoring settings from the page address's query, e.g. `?monitorFps=2&allowedAbsenceMs=120000#monitor`.
 * The conduct times: `allowedAbsenceMs` (`conduct.atPost.allowedAbsenceMs`), `groomingHoldMs`,
 * `phoneHoldMs`, `eatingHoldMs` (each event's `holdMs`) and `eyesClosedMaxMs` (`conduct.awake`). Absent
 * values take the station's (its rates and times, from its setup), else the defaults; a value that is not a
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
    fps: read('monitorFps') ?? station.monitorFps ?? MONITOR_RATE_DEFAULTS.monitorFps,
    objectsEveryMs: read('monitorObjectsEveryMs') ?? station.monitorObjectsEveryMs ?? MONITOR_RATE_DEFAULTS.monitorObjectsEveryMs,
    checkpointMs: read('monitorCheckpointMs') ?? DEFAULT_CHECKPOINT_MS,
    conduct: resolveConductConfig(conductTimeOverrides({ ...station.conductTimes, ...queryTimes })),
  };
}
