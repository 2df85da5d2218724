import type { IDBPDatabase } from 'idb';
import { isLocalDay } from '../core/summaries/local-day';
import type { LocalDay, MinuteRecord } from '../core/summaries/records';
import { isMinuteRecord, validateMinuteRecord } from '../core/summaries/validate-records';
import { awaitTransaction } from './await-transaction';
import type { CounterCheckDB } from './db';
import { checkDayRange, type Listing, type RepositoryOptions, sortedListing, stationDaysRange, toListing } from './listing';
import { mapStorageErrors, StorageError } from './storage-error';

const byMinute = (a: MinuteRecord, b: MinuteRecord): number =>
  a.minuteStartMs - b.minuteStartMs || (a.stationId < b.stationId ? -1 : a.stationId > b.stationId ? 1 : 0);

/**
 * Per-minute monitoring aggregates. Writes are idempotent: a minute's id is `${stationId}:${minuteStartMs}`,
 * so writing it again replaces it. Reads skip and count invalid stored records (`Listing.corrupt`).
 * Every failure is a `StorageError`.
 */
export class MinuteRepository {
  private readonly nowMs: () => number;

  constructor(
    private readonly open: () => Promise<IDBPDatabase<CounterCheckDB>>,
    options: RepositoryOptions = {},
  ) {
    this.nowMs = options.nowMs ?? Date.now;
  }

  private readonly isValid = (value: unknown): value is MinuteRecord => isMinuteRecord(value, this.nowMs());

  private validate(records: readonly MinuteRecord[]): void {
    const nowMs = this.nowMs();
    for (const [index, record] of records.entries()) {
      const problem = validateMinuteRecord(record, { nowMs });
      if (problem) {
        const which = records.length > 1 ? ` #${index}` : '';
        throw new StorageError('invalid-record', `Not a valid minute record${which} (${problem}); nothing was saved.`);
      }
    }
  }

  /** Stores (or replaces) one minute. */
  async put(record: MinuteRecord): Promise<void> {
    await this.putMany([record]);
  }

  /** Stores (or replaces) several minutes in one transaction: all or none. */
  async putMany(records: readonly MinuteRecord[]): Promise<void> {
    this.validate(records);
    if (records.length === 0) return;
    await mapStorageErrors('saving monitoring minutes', async () => {
      const tx = (await this.open()).transaction('minutes', 'readwrite');
      const store = tx.store;
      await awaitTransaction(tx, (track) => records.forEach((record) => track(store.put(record))));
    });
  }

  /** One station's minutes from `fromDay` to `toDay` (local dates, both included), oldest first. */
  async listByStation(stationId: string, fromDay: LocalDay, toDay: LocalDay): Promise<Listing<MinuteRecord>> {
    if (!checkDayRange(fromDay, toDay)) return { records: [], corrupt: 0 };
    return mapStorageErrors('reading monitoring minutes', async () => {
      const values = await (await this.open()).getAllFromIndex('minutes', 'by-station-day', stationDaysRange(stationId, fromDay, toDay));
      return sortedListing(toListing(values, this.isValid), byMinute);
    });
  }

  /** Every station's minutes from `fromDay` to `toDay`, oldest first. */
  async listByDays(fromDay: LocalDay, toDay: LocalDay): Promise<Listing<MinuteRecord>> {
    if (!checkDayRange(fromDay, toDay)) return { records: [], corrupt: 0 };
    return mapStorageErrors('reading monitoring minutes', async () => {
      const values = await (await this.open()).getAllFromIndex('minutes', 'by-day', IDBKeyRange.bound(fromDay, toDay));
      return sortedListing(toListing(values, this.isValid), byMinute);
    });
  }

  /** Every stored minute, oldest first. */
  async listAll(): Promise<Listing<MinuteRecord>> {
    return mapStorageErrors('reading monitoring minutes', async () =>
      sortedListing(toListing(await (await this.open()).getAll('minutes'), this.isValid), byMinute),
    );
  }

  /** Deletes the minutes dated before `day` (all stations); returns how many. */
  async deleteBefore(day: LocalDay): Promise<number> {
    if (!isLocalDay(day)) throw new RangeError(`not a date (YYYY-MM-DD): ${day}`);
    return mapStorageErrors('deleting old monitoring minutes', async () => {
      const tx = (await this.open()).transaction('minutes', 'readwrite');
      const store = tx.store;
      const keys = await store.index('by-day').getAllKeys(IDBKeyRange.upperBound(day, true));
      await awaitTransaction(tx, (track) => keys.forEach((key) => track(store.delete(key))));
      return keys.length;
    });
  }

  /** Deletes every minute. */
  async deleteAll(): Promise<void> {
    await mapStorageErrors('deleting monitoring minutes', async () => {
      await (await this.open()).clear('minutes');
    });
  }
}
