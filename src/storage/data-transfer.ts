import type { IDBPDatabase } from 'idb';
import {
  buildExportFile,
  type ExportFile,
  type InvalidRecord,
  parseExportFile,
  serializeExportFile,
} from '../core/summaries/export-file';
import type { LocalDay } from '../core/summaries/records';
import { awaitTransaction } from './await-transaction';
import { CheckRepository } from './check-repository';
import type { CounterCheckDB } from './db';
import { MinuteRepository } from './minute-repository';
import { mapStorageErrors } from './storage-error';

type Open = () => Promise<IDBPDatabase<CounterCheckDB>>;

export interface ExportOptions {
  /** Export time, epoch ms. Default `Date.now()`. */
  readonly nowMs?: number;
  /** Only records from this local day... */
  readonly fromDay?: LocalDay;
  /** ...to this one (both included). Both or neither. */
  readonly toDay?: LocalDay;
  /**
   * Only these stations' records: a staff member exporting their own, or a supervisor exporting the stations
   * with at least k records. Default: every station.
   */
  readonly stationIds?: readonly string[];
}

export interface ExportResult {
  readonly file: ExportFile;
  /** The file as JSON text, ready to save. */
  readonly json: string;
  /** Stored records left out because they are not valid. */
  readonly corrupt: number;
}

/** Every valid self-check and minute (or those in a day range, or of some stations) as an export file, without thumbnails. */
export async function exportData(open: Open, options: ExportOptions = {}): Promise<ExportResult> {
  const nowMs = options.nowMs ?? Date.now();
  const repositoryOptions = { nowMs: () => nowMs };
  const checkRepository = new CheckRepository(open, repositoryOptions);
  const minuteRepository = new MinuteRepository(open, repositoryOptions);
  const ranged = options.fromDay !== undefined || options.toDay !== undefined;
  if (ranged && (options.fromDay === undefined || options.toDay === undefined)) {
    throw new RangeError('give both fromDay and toDay, or neither');
  }
  const [checks, minutes] = ranged
    ? await Promise.all([
        checkRepository.listByDays(options.fromDay!, options.toDay!),
        minuteRepository.listByDays(options.fromDay!, options.toDay!),
      ])
    : await Promise.all([checkRepository.listAll(), minuteRepository.listAll()]);
  const kept = options.stationIds === undefined ? null : new Set(options.stationIds);
  const ofStation = <T extends { readonly stationId: string }>(records: readonly T[]): readonly T[] =>
    kept === null ? records : records.filter((record) => kept.has(record.stationId));
  const file = buildExportFile(ofStation(checks.records), ofStation(minutes.records), nowMs);
  return { file, json: serializeExportFile(file), corrupt: checks.corrupt + minutes.corrupt };
}

export interface ImportOptions {
  /** The present time, epoch ms, for the far-future check. Default `Date.now()`. */
  readonly nowMs?: number;
  /** Largest file accepted, bytes. Default `DEFAULT_IMPORT_MAX_BYTES` (10 MB). */
  readonly maxBytes?: number;
}

export interface ImportReport {
  /** Records added. */
  readonly imported: number;
  /** Records whose id was already stored: skipped, the stored record kept. */
  readonly skipped: number;
  /** Records that failed validation. When there are any, nothing was imported. */
  readonly invalid: readonly InvalidRecord[];
}

/**
 * Imports an export file. Policy: all or nothing. The file is parsed and every record validated first
 * (`parseExportFile` throws `ImportFileError`, naming the problem, when the file as a whole is unusable);
 * if any record is invalid, nothing is written and the report lists them all. Otherwise the records are
 * merged in ONE transaction: a record whose id is already stored is skipped (the stored one wins, so
 * importing the same file twice changes nothing), the rest are added. A storage failure part-way (a full
 * quota) aborts the transaction, so nothing is written, and rejects with a `StorageError`.
 */
export async function importData(open: Open, text: string, options: ImportOptions = {}): Promise<ImportReport> {
  const parsed = parseExportFile(text, {
    nowMs: options.nowMs ?? Date.now(),
    ...(options.maxBytes !== undefined ? { maxBytes: options.maxBytes } : {}),
  });
  if (parsed.invalid.length > 0) return { imported: 0, skipped: 0, invalid: parsed.invalid };

  return mapStorageErrors('importing records', async () => {
    const tx = (await open()).transaction(['checks', 'minutes'], 'readwrite');
    const checks = tx.objectStore('checks');
    const minutes = tx.objectStore('minutes');
    let imported = 0;
    let skipped = 0;
    // Every getKey is queued before any add; ids are unique within the file (parseExportFile), so no
    // add can race another for the same key.
    const addIfAbsent = async (exists: Promise<unknown>, add: () => Promise<unknown>): Promise<void> => {
      if ((await exists) !== undefined) {
        skipped += 1;
        return;
      }
      await add();
      imported += 1;
    };
    await awaitTransaction(tx, (track) => {
      for (const record of parsed.checks) track(addIfAbsent(checks.getKey(record.id), () => checks.add(record)));
      for (const record of parsed.minutes) track(addIfAbsent(minutes.getKey(record.id), () => minutes.add(record)));
    });
    return { imported, skipped, invalid: [] };
  });
}
