import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import type { StationCalibration } from '../core/calibration/station-calibration';
import type { MinuteDayRollup } from '../core/summaries/minute-rollup';
import type { CheckRecord, LocalDay, MinuteRecord, StationSettings } from '../core/summaries/records';
import { StorageError } from './storage-error';

/** The only place that knows the database's name, version, stores and indexes. */
export const DB_NAME = 'countercheck';
export const DB_VERSION = 3;

/** Every store, for work that spans them all (`clearAllData`). */
export const STORE_NAMES = ['calibrations', 'checks', 'minutes', 'settings', 'minuteRollups'] as const;

export interface CounterCheckDB extends DBSchema {
  /** One calibration per station id. (v1) */
  calibrations: { key: string; value: StationCalibration };
  /** Morning self-checks, keyed by their random id. (v2) */
  checks: {
    key: string;
    value: CheckRecord;
    indexes: { 'by-station-day': [string, LocalDay]; 'by-day': LocalDay; 'by-time': number };
  };
  /** Per-minute monitoring aggregates, keyed `${stationId}:${minuteStartMs}`. (v2) */
  minutes: {
    key: string;
    value: MinuteRecord;
    indexes: { 'by-station-day': [string, LocalDay]; 'by-day': LocalDay; 'by-time': number };
  };
  /** One settings record per station id. (v2) */
  settings: { key: string; value: StationSettings };
  /**
   * A cache of the minutes added up per station and local day, keyed `${stationId}:${day}`, so a year
   * reads as a few hundred records. Checked against the minutes' count per day on every read and
   * recomputed when it differs. (v3)
   */
  minuteRollups: { key: string; value: MinuteDayRollup; indexes: { 'by-day': LocalDay } };
}

/** What the shared connection does when other tabs need it gone. */
export interface ConnectionCallbacks {
  /** Another connection wants a newer version: close this one. */
  readonly blocking?: () => void;
  /** The browser closed the connection abnormally (storage cleared, disk error). */
  readonly terminated?: () => void;
}

/** Opens (and upgrades) the database. Migrations are cumulative and never edited once shipped. */
export function openCounterCheckDB(
  name: string = DB_NAME,
  callbacks: ConnectionCallbacks = {},
): Promise<IDBPDatabase<CounterCheckDB>> {
  return openDB<CounterCheckDB>(name, DB_VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) db.createObjectStore('calibrations');
      if (oldVersion < 2) {
        const checks = db.createObjectStore('checks', { keyPath: 'id' });
        checks.createIndex('by-station-day', ['stationId', 'day']);
        checks.createIndex('by-day', 'day');
        checks.createIndex('by-time', 'startedAtMs');
        const minutes = db.createObjectStore('minutes', { keyPath: 'id' });
        minutes.createIndex('by-station-day', ['stationId', 'day']);
        minutes.createIndex('by-day', 'day');
        minutes.createIndex('by-time', 'minuteStartMs');
        db.createObjectStore('settings');
      }
      if (oldVersion < 3) {
        // Starts empty: the rollups are a cache, filled from the minutes on the first read of each day.
        const rollups = db.createObjectStore('minuteRollups', { keyPath: 'id' });
        rollups.createIndex('by-day', 'day');
      }
    },
    ...(callbacks.blocking ? { blocking: callbacks.blocking } : {}),
    ...(callbacks.terminated ? { terminated: callbacks.terminated } : {}),
  });
}

let connection: Promise<IDBPDatabase<CounterCheckDB>> | null = null;

/**
 * One lazy, shared connection for the page. When another tab opens a newer version, this connection
 * closes so that tab's upgrade can run; the next call reopens. Rejects with a `StorageError` of kind
 * 'unavailable' when the browser keeps no data for the site (private window, site data blocked).
 */
export function db(): Promise<IDBPDatabase<CounterCheckDB>> {
  connection ??= openSharedConnection().catch((error: unknown) => {
    connection = null;
    throw error;
  });
  return connection;
}

async function openSharedConnection(): Promise<IDBPDatabase<CounterCheckDB>> {
  let opened: IDBPDatabase<CounterCheckDB> | null = null;
  try {
    if (typeof indexedDB === 'undefined') throw new Error('this browser has no IndexedDB');
    opened = await openCounterCheckDB(DB_NAME, {
      blocking() {
        opened?.close();
        connection = null;
      },
      terminated() {
        connection = null;
      },
    });
    return opened;
  } catch (error) {
    throw StorageError.unavailable(error);
  }
}
