/**
 * Frozen fixture: the database exactly as version 1 shipped it (one store, `calibrations`). Never edit;
 * upgrade tests build this, then reopen with the current `openCounterCheckDB`.
 */
import { type DBSchema, type IDBPDatabase, openDB } from 'idb';

export interface CounterCheckDBV1 extends DBSchema {
  calibrations: { key: string; value: unknown };
}

export function openCounterCheckDBV1(name: string): Promise<IDBPDatabase<CounterCheckDBV1>> {
  return openDB<CounterCheckDBV1>(name, 1, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) db.createObjectStore('calibrations');
    },
  });
}
