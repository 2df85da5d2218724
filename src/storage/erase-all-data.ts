import type { IDBPDatabase } from 'idb';
import { clearAllData } from './clear-all-data';
import type { CounterCheckDB } from './db';
import { RETENTION_DAYS_KEY } from './privacy-preferences';
import { STATION_ID_KEY } from './station-identity';

/**
 * "Erase all my data": empties every IndexedDB store (one transaction, all or nothing), then forgets the
 * station pseudonym and the retention period kept in localStorage, so the next start makes a new
 * pseudonym. The acceptance of the consent text is kept (withdraw it on its own). Rejects with a
 * `StorageError` when the stores could not be emptied; nothing in localStorage is touched then.
 */
export async function eraseAllData(
  open: () => Promise<IDBPDatabase<CounterCheckDB>>,
  storage: Pick<Storage, 'removeItem'> | null,
): Promise<void> {
  await clearAllData(open);
  try {
    storage?.removeItem(STATION_ID_KEY);
    storage?.removeItem(RETENTION_DAYS_KEY);
  } catch {
    // storage the browser refuses keeps nothing to forget
  }
}
