import type { IDBPDatabase } from 'idb';
import { awaitTransaction } from './await-transaction';
import { type CounterCheckDB, STORE_NAMES } from './db';
import { mapStorageErrors } from './storage-error';

/** Empties every store (calibrations, self-checks, minutes, settings) in one transaction: all or nothing. */
export async function clearAllData(open: () => Promise<IDBPDatabase<CounterCheckDB>>): Promise<void> {
  await mapStorageErrors('clearing all data', async () => {
    const tx = (await open()).transaction(STORE_NAMES, 'readwrite');
    const stores = STORE_NAMES.map((name) => tx.objectStore(name));
    await awaitTransaction(tx, (track) => stores.forEach((store) => track(store.clear())));
  });
}
