/**
 * Frozen fixture: the database exactly as version 2 shipped it (calibrations, checks, minutes, settings).
 * Never edit; upgrade tests build this, then reopen with the current `openCounterCheckDB`.
 */
import { type DBSchema, type IDBPDatabase, openDB } from 'idb';

export interface CounterCheckDBV2 extends DBSchema {
  calibrations: { key: string; value: unknown };
  checks: { key: string; value: { id: string }; indexes: { 'by-station-day': [string, string]; 'by-day': string; 'by-time': number } };
  minutes: { key: string; value: { id: string }; indexes: { 'by-station-day': [string, string]; 'by-day': string; 'by-time': number } };
  settings: { key: string; value: unknown };
}

export function openCounterCheckDBV2(name: string): Promise<IDBPDatabase<CounterCheckDBV2>> {
  return openDB<CounterCheckDBV2>(name, 2, {
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
    },
  });
}
