import 'fake-indexeddb/auto';
import { deleteDB, type IDBPDatabase } from 'idb';
import { afterEach, beforeEach } from 'vitest';
import { type CounterCheckDB, openCounterCheckDB } from './db';

/**
 * A fresh app database named `name` for each test of the calling `describe` block (fake-indexeddb),
 * closed and deleted after it. Hooks a test file adds after this call run once the database is open.
 * `db()` is the open database; `open` is the opener repositories take.
 */
export function useTestDatabase(name: string): { db: () => IDBPDatabase<CounterCheckDB>; open: () => Promise<IDBPDatabase<CounterCheckDB>> } {
  let current: IDBPDatabase<CounterCheckDB> | null = null;
  beforeEach(async () => {
    current = await openCounterCheckDB(name);
  });
  afterEach(async () => {
    current?.close();
    current = null;
    await deleteDB(name);
  });
  const db = (): IDBPDatabase<CounterCheckDB> => {
    if (!current) throw new Error('useTestDatabase: the database is open only inside a test');
    return current;
  };
  return { db, open: async () => db() };
}
