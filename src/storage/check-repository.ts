import type { IDBPDatabase } from 'idb';
import { isLocalDay } from '../core/summaries/local-day';
import type { CheckRecord, LocalDay } from '../core/summaries/records';
import { isCheckRecord, validateCheckRecord } from '../core/summaries/validate-records';
import { awaitTransaction } from './await-transaction';
import type { CounterCheckDB } from './db';
import {
  checkDayRange,
  type Listing,
  type RepositoryOptions,
  sortedListing,
  stationDaysRange,
  toListing,
  wholeStationRange,
} from './listing';
import { mapStorageErrors, StorageError } from './storage-error';

const byStartTime = (a: CheckRecord, b: CheckRecord): number => a.startedAtMs - b.startedAtMs || (a.id < b.id ? -1 : 1);

/**
 * Morning self-check records. Every read validates what it finds: a stored record that is not a valid
 * `CheckRecord` is skipped and counted in `Listing.corrupt`, and left where it is. Every failure is a
 * `StorageError` (quota, unavailable, duplicate, invalid record).
 */
export class CheckRepository {
  private readonly nowMs: () => number;

  constructor(
    private readonly open: () => Promise<IDBPDatabase<CounterCheckDB>>,
    options: RepositoryOptions = {},
  ) {
    this.nowMs = options.nowMs ?? Date.now;
  }

  private readonly isValid = (value: unknown): value is CheckRecord => isCheckRecord(value, this.nowMs());

  /** Stores a new self-check; a record whose id is already stored is refused ('duplicate'). */
  async add(record: CheckRecord): Promise<void> {
    const problem = validateCheckRecord(record, { nowMs: this.nowMs() });
    if (problem) throw new StorageError('invalid-record', `Not a valid self-check record (${problem}); nothing was saved.`);
    await mapStorageErrors('saving the self-check', async () => {
      await (await this.open()).add('checks', record);
    });
  }

  /** One station's self-checks from `fromDay` to `toDay` (local dates, both included), oldest first. */
  async listByStation(stationId: string, fromDay: LocalDay, toDay: LocalDay): Promise<Listing<CheckRecord>> {
    if (!checkDayRange(fromDay, toDay)) return { records: [], corrupt: 0 };
    return mapStorageErrors('reading self-checks', async () => {
      const values = await (await this.open()).getAllFromIndex('checks', 'by-station-day', stationDaysRange(stationId, fromDay, toDay));
      return sortedListing(toListing(values, this.isValid), byStartTime);
    });
  }

  /** Every station's self-checks from `fromDay` to `toDay`, oldest first. */
  async listByDays(fromDay: LocalDay, toDay: LocalDay): Promise<Listing<CheckRecord>> {
    if (!checkDayRange(fromDay, toDay)) return { records: [], corrupt: 0 };
    return mapStorageErrors('reading self-checks', async () => {
      const values = await (await this.open()).getAllFromIndex('checks', 'by-day', IDBKeyRange.bound(fromDay, toDay));
      return sortedListing(toListing(values, this.isValid), byStartTime);
    });
  }

  /** Every stored self-check, oldest first. */
  async listAll(): Promise<Listing<CheckRecord>> {
    return mapStorageErrors('reading self-checks', async () =>
      sortedListing(toListing(await (await this.open()).getAll('checks'), this.isValid), byStartTime),
    );
  }

  /** A station's `count` most recent self-checks, newest first. */
  async latest(stationId: string, count: number): Promise<Listing<CheckRecord>> {
    if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a whole number, got ${count}`);
    if (count === 0) return { records: [], corrupt: 0 };
    return mapStorageErrors('reading self-checks', async () => {
      // Walk the station's days newest first; within a day the index orders by id, not time, so finish
      // the day on which the count is reached before sorting by time.
      const tx = (await this.open()).transaction('checks', 'readonly');
      const found: CheckRecord[] = [];
      let corrupt = 0;
      let cursor = await tx.store.index('by-station-day').openCursor(wholeStationRange(stationId), 'prev');
      while (cursor) {
        const day = cursor.key[1];
        if (found.length >= count && found[found.length - 1]!.day !== day) break;
        if (this.isValid(cursor.value)) found.push(cursor.value);
        else corrupt += 1;
        cursor = await cursor.continue();
      }
      await tx.done;
      return { records: found.sort((a, b) => byStartTime(b, a)).slice(0, count), corrupt };
    });
  }

  /** Deletes the self-checks dated before `day` (all stations); returns how many. */
  async deleteBefore(day: LocalDay): Promise<number> {
    if (!isLocalDay(day)) throw new RangeError(`not a date (YYYY-MM-DD): ${day}`);
    return mapStorageErrors('deleting old self-checks', async () => {
      const tx = (await this.open()).transaction('checks', 'readwrite');
      const store = tx.store;
      const keys = await store.index('by-day').getAllKeys(IDBKeyRange.upperBound(day, true));
      await awaitTransaction(tx, (track) => keys.forEach((key) => track(store.delete(key))));
      return keys.length;
    });
  }

  /** Deletes one self-check (and its thumbnail, which lives in the record); false when none had that id. */
  async delete(id: string): Promise<boolean> {
    return mapStorageErrors('deleting the self-check', async () => {
      const tx = (await this.open()).transaction('checks', 'readwrite');
      const found = (await tx.store.getKey(id)) !== undefined;
      await awaitTransaction(tx, (track) => {
        if (found) track(tx.store.delete(id));
      });
      return found;
    });
  }

  /** Removes the thumbnails from a station's self-checks, keeping the rest of each record; returns how many. */
  async removeThumbnails(stationId: string): Promise<number> {
    return mapStorageErrors('deleting the self-check pictures', async () => {
      const tx = (await this.open()).transaction('checks', 'readwrite');
      let removed = 0;
      let cursor = await tx.store.index('by-station-day').openCursor(wholeStationRange(stationId));
      while (cursor) {
        if (typeof cursor.value === 'object' && cursor.value !== null && 'thumbnail' in cursor.value) {
          const { thumbnail: _thumbnail, ...rest } = cursor.value;
          await cursor.update(rest as CheckRecord);
          removed += 1;
        }
        cursor = await cursor.continue();
      }
      await tx.done;
      return removed;
    });
  }

  /** Deletes every self-check. */
  async deleteAll(): Promise<void> {
    await mapStorageErrors('deleting self-checks', async () => {
      await (await this.open()).clear('checks');
    });
  }
}
