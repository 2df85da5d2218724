import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import type { StationCalibration } from '../core/calibration/station-calibration';

/** The only place that knows the database's name, version and stores. */
export const DB_NAME = 'countercheck';
export const DB_VERSION = 1;

export interface CounterCheckDB extends DBSchema {
  /** One calibration per station id. */
  calibrations: { key: string; value: StationCalibration };
}

/** Opens (and upgrades) the database. Migrations are cumulative and never edited once shipped. */
export function openCounterCheckDB(name: string = DB_NAME): Promise<IDBPDatabase<CounterCheckDB>> {
  return openDB<CounterCheckDB>(name, DB_VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) db.createObjectStore('calibrations');
    },
  });
}

let connection: Promise<IDBPDatabase<CounterCheckDB>> | null = null;

/** One lazy, shared connection for the page. */
export function db(): Promise<IDBPDatabase<CounterCheckDB>> {
  connection ??= openCounterCheckDB().catch((error: unknown) => {
    connection = null;
    throw new Error(
      `Local storage is not available (${error instanceof Error ? error.message : String(error)}): in a private window, or with site data blocked, calibrations cannot be kept.`,
    );
  });
  return connection;
}
