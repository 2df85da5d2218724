import type { IDBPDatabase } from 'idb';
import { addDays, isLocalDay, localDay } from '../core/summaries/local-day';
import { isMinuteDayRollup, type MinuteDayRollup, minuteRollupId, rollupMinutes } from '../core/summaries/minute-rollup';
import type { LocalDay, MinuteRecord } from '../core/summaries/records';
import { isMinuteRecord, validateMinuteRecord } from '../core/summaries/validate-records';
import { awaitTransaction } from './await-transaction';
import type { CounterCheckDB } from './db';
import { checkDayRange, type Listing, type RepositoryOptions, sortedListing, stationDaysRange, toListing } from './listing';
import { mapStorageErrors, StorageError } from './storage-error';

/** Minutes added up per station and day over a range (`rollupsByDays`). */
export interface RollupListing {
  /** One per station and day with stored minutes, by id. */
  readonly rollups: readonly MinuteDayRollup[];
  /** Valid minutes behind the rollups. */
  readonly minuteCount: number;
  /** Stored minutes that are not valid records: left out, left in place. */
  readonly corrupt: number;
  /** Days whose cached rollups were stale or missing and were recomputed from the minutes. */
  readonly recomputedDays: number;
}

/** Most days one `rollupsByDays` call covers (ten years). */
const ROLLUP_RANGE_MAX_DAYS = 3660;

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
      const tx = (await this.open()).transaction(['minutes', 'minuteRollups'], 'readwrite');
      const store = tx.objectStore('minutes');
      const rollups = tx.objectStore('minuteRollups');
      // A minute written again may change a day already added up: drop those days' cached rollups.
      const days = new Set(records.map((record) => minuteRollupId(record.stationId, record.day)));
      await awaitTransaction(tx, (track) => {
        days.forEach((id) => track(rollups.delete(id)));
        records.forEach((record) => track(store.put(record)));
      });
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

  /**
   * Every station's minutes from `fromDay` to `toDay`, added up per station and day: what the supervisor
   * summary needs, read from the rollup cache where it still matches the minutes (the count of minutes
   * per day, valid or not, equals the rollups'), else recomputed from the minutes and, for days before
   * today, cached again. Writes that replace a minute drop its day's rollup (`putMany`); additions and
   * deletions anywhere change the day's count, so a stale rollup is never used.
   */
  async rollupsByDays(fromDay: LocalDay, toDay: LocalDay): Promise<RollupListing> {
    if (!checkDayRange(fromDay, toDay)) return { rollups: [], minuteCount: 0, corrupt: 0, recomputedDays: 0 };
    const days: LocalDay[] = [];
    for (let day = fromDay; day <= toDay && days.length < ROLLUP_RANGE_MAX_DAYS; day = addDays(day, 1)) days.push(day);
    if (days[days.length - 1] !== toDay) throw new RangeError(`a range of more than ${ROLLUP_RANGE_MAX_DAYS} days: ${fromDay}..${toDay}`);
    return mapStorageErrors('reading monitoring summaries', async () => {
      const db = await this.open();
      const range = IDBKeyRange.bound(fromDay, toDay);
      const read = db.transaction(['minutes', 'minuteRollups']);
      const byDay = read.objectStore('minutes').index('by-day');
      const [stored, counts] = await Promise.all([
        read.objectStore('minuteRollups').index('by-day').getAll(range),
        Promise.all(days.map((day) => byDay.count(day))),
        read.done,
      ]);
      const cached = new Map<LocalDay, { rollups: MinuteDayRollup[]; records: number; damaged: boolean }>();
      for (const value of stored) {
        const day = (value as { day?: unknown }).day as LocalDay;
        const entry = cached.get(day) ?? { rollups: [], records: 0, damaged: false };
        if (isMinuteDayRollup(value)) {
          entry.rollups.push(value);
          entry.records += value.monitoredMinutes + value.corrupt;
        } else entry.damaged = true;
        cached.set(day, entry);
      }
      const fresh: MinuteDayRollup[] = [];
      const stale = days.filter((day, index) => {
        const entry = cached.get(day);
        if (!entry) return counts[index]! > 0;
        if (!entry.damaged && entry.records === counts[index]) return false;
        return true;
      });
      if (stale.length) fresh.push(...(await this.recomputeRollups(db, stale)));
      const staleDays = new Set(stale);
      const rollups = [...stored.filter((value) => isMinuteDayRollup(value) && !staleDays.has(value.day)), ...fresh] as MinuteDayRollup[];
      rollups.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      return {
        rollups,
        minuteCount: rollups.reduce((sum, rollup) => sum + rollup.monitoredMinutes, 0),
        corrupt: rollups.reduce((sum, rollup) => sum + rollup.corrupt, 0),
        recomputedDays: stale.length,
      };
    });
  }

  /**
   * Adds up the minutes of `days` and replaces those days' cached rollups (days before today only: today's
   * minutes are still coming). Reads and writes in one transaction, so no minute written meanwhile is missed.
   */
  private async recomputeRollups(db: IDBPDatabase<CounterCheckDB>, days: readonly LocalDay[]): Promise<MinuteDayRollup[]> {
    const nowMs = this.nowMs();
    const today = localDay(nowMs);
    const tx = db.transaction(['minutes', 'minuteRollups'], 'readwrite');
    const minutes = tx.objectStore('minutes').index('by-day');
    const cache = tx.objectStore('minuteRollups');
    const [values, oldKeys] = await Promise.all([
      Promise.all(days.map((day) => minutes.getAll(day))),
      Promise.all(days.map((day) => cache.index('by-day').getAllKeys(day))),
    ]);
    const valid: MinuteRecord[] = [];
    const corrupt = new Map<string, number>();
    for (const value of values.flat()) {
      if (isMinuteRecord(value, nowMs)) valid.push(value);
      else {
        const { stationId, day } = value as Partial<MinuteRecord>;
        const key = typeof stationId === 'string' && isLocalDay(day) ? minuteRollupId(stationId, day) : null;
        // A record too damaged to place still counts against its day, so the day's count matches.
        const id = key ?? minuteRollupId('?', days[values.findIndex((list) => list.includes(value))]!);
        corrupt.set(id, (corrupt.get(id) ?? 0) + 1);
      }
    }
    const rollups = rollupMinutes(valid, corrupt);
    await awaitTransaction(tx, (track) => {
      for (const key of oldKeys.flat()) track(cache.delete(key));
      for (const rollup of rollups) if (rollup.day < today) track(cache.put(rollup));
    });
    return rollups;
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
      const tx = (await this.open()).transaction(['minutes', 'minuteRollups'], 'readwrite');
      const store = tx.objectStore('minutes');
      const before = IDBKeyRange.upperBound(day, true);
      const keys = await store.index('by-day').getAllKeys(before);
      const rollupKeys = await tx.objectStore('minuteRollups').index('by-day').getAllKeys(before);
      await awaitTransaction(tx, (track) => {
        keys.forEach((key) => track(store.delete(key)));
        rollupKeys.forEach((key) => track(tx.objectStore('minuteRollups').delete(key)));
      });
      return keys.length;
    });
  }

  /** Deletes every minute. */
  async deleteAll(): Promise<void> {
    await mapStorageErrors('deleting monitoring minutes', async () => {
      const tx = (await this.open()).transaction(['minutes', 'minuteRollups'], 'readwrite');
      await awaitTransaction(tx, (track) => {
        track(tx.objectStore('minutes').clear());
        track(tx.objectStore('minuteRollups').clear());
      });
    });
  }
}
