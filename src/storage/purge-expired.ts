import type { IDBPDatabase } from 'idb';
import { retentionCutoffMs } from '../core/privacy/retention';
import { minuteRollupId } from '../core/summaries/minute-rollup';
import type { CounterCheckDB } from './db';
import { mapStorageErrors } from './storage-error';

export interface PurgeOptions {
  /** The present time, epoch ms. */
  readonly nowMs: number;
  /** Records that started more than this many days before `nowMs` are deleted (`retentionDaysProblem`). */
  readonly retentionDays: number;
}

export interface PurgeReport {
  /** Self-checks deleted. */
  readonly checks: number;
  /** Monitored minutes deleted. */
  readonly minutes: number;
  /** The oldest instant kept, epoch ms. */
  readonly cutoffMs: number;
}

/**
 * Deletes the self-checks and monitored minutes that started before the retention cutoff, in one
 * transaction (all or nothing), walking each store's time index from its oldest record, with the cached
 * day rollups of the deleted minutes (they are sums of them). Calibrations and settings are kept. A period `retentionDaysProblem` refuses throws a RangeError before anything is deleted.
 */
export async function purgeExpiredRecords(
  open: () => Promise<IDBPDatabase<CounterCheckDB>>,
  options: PurgeOptions,
): Promise<PurgeReport> {
  const cutoffMs = retentionCutoffMs(options.nowMs, options.retentionDays);
  const expired = IDBKeyRange.upperBound(cutoffMs, true);
  return mapStorageErrors('deleting expired records', async () => {
    const tx = (await open()).transaction(['checks', 'minutes', 'minuteRollups'], 'readwrite');
    const rollupsOfDeletedMinutes = new Set<string>();
    // Only IDB requests are awaited inside the transaction (STYLE 6).
    const purge = async (store: 'checks' | 'minutes'): Promise<number> => {
      let deleted = 0;
      let cursor = await tx.objectStore(store).index('by-time').openCursor(expired);
      while (cursor) {
        if (store === 'minutes') rollupsOfDeletedMinutes.add(minuteRollupId(cursor.value.stationId, cursor.value.day));
        await cursor.delete();
        deleted += 1;
        cursor = await cursor.continue();
      }
      return deleted;
    };
    const purgeAll = async () => {
      const counts = await Promise.all([purge('checks'), purge('minutes')]);
      const rollups = tx.objectStore('minuteRollups');
      await Promise.all([...rollupsOfDeletedMinutes].map((id) => rollups.delete(id)));
      return counts;
    };
    const [[checks, minutes]] = await Promise.all([purgeAll(), tx.done]);
    return { checks, minutes, cutoffMs };
  });
}
