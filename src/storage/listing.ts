import { isLocalDay } from '../core/summaries/local-day';

/** Records read from a store: the valid ones, and how many stored records failed validation and were skipped. */
export interface Listing<T> {
  readonly records: readonly T[];
  /** Stored records that are not valid records (damaged, or written by something else): skipped, left in place. */
  readonly corrupt: number;
}

/** Splits stored values into valid records and a count of the rest. */
export function toListing<T>(values: readonly unknown[], isValid: (value: unknown) => value is T): Listing<T> {
  const records: T[] = [];
  let corrupt = 0;
  for (const value of values) {
    if (isValid(value)) records.push(value);
    else corrupt += 1;
  }
  return { records, corrupt };
}

/** Every day of a station in a `by-station-day` index: arrays sort after strings, so `[id, []]` follows every `[id, day]`. */
export const wholeStationRange = (stationId: string): IDBKeyRange => IDBKeyRange.bound([stationId], [stationId, []]);

/** A station's days from `fromDay` to `toDay`, both included, in a `by-station-day` index. */
export const stationDaysRange = (stationId: string, fromDay: string, toDay: string): IDBKeyRange =>
  IDBKeyRange.bound([stationId, fromDay], [stationId, toDay]);

export interface RepositoryOptions {
  /** The clock used for the far-future check on records. Default `Date.now`. */
  readonly nowMs?: () => number;
}

/** Throws a RangeError unless both are dates; false when the range is empty (`fromDay` after `toDay`). */
export function checkDayRange(fromDay: string, toDay: string): boolean {
  if (!isLocalDay(fromDay) || !isLocalDay(toDay)) throw new RangeError(`not a date range (YYYY-MM-DD): ${fromDay}..${toDay}`);
  return fromDay <= toDay;
}

/** The listing with its records sorted (a copy). */
export const sortedListing = <T>(listing: Listing<T>, compare: (a: T, b: T) => number): Listing<T> => ({
  records: [...listing.records].sort(compare),
  corrupt: listing.corrupt,
});
