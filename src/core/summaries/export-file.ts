import type { CheckRecord, MinuteRecord } from './records';
import { FORBIDDEN_KEYS, RECORD_LIMITS, validateCheckRecord, validateMinuteRecord } from './validate-records';

/**
 * The JSON export file, and parsing one for import. Pure. Thumbnails never leave the browser: they are
 * dropped on export, and a record carrying one is invalid on import.
 */

export const EXPORT_FORMAT = 'countercheck-export';
export const EXPORT_VERSION = 1;
/** Largest file `parseExportFile` reads, bytes (UTF-8). */
export const DEFAULT_IMPORT_MAX_BYTES = 10 * 1024 * 1024;

export type ExportedCheckRecord = Omit<CheckRecord, 'thumbnail'>;

export interface ExportFile {
  readonly format: typeof EXPORT_FORMAT;
  readonly version: typeof EXPORT_VERSION;
  readonly exportedAtMs: number;
  readonly checks: readonly ExportedCheckRecord[];
  readonly minutes: readonly MinuteRecord[];
}

export type RecordCollection = 'checks' | 'minutes';

/** A record an import rejected, and why. `index` is its position in the file's `checks` or `minutes` list. */
export interface InvalidRecord {
  readonly collection: RecordCollection;
  readonly index: number;
  readonly reason: string;
}

export interface ParsedExportFile {
  readonly exportedAtMs: number;
  /** The valid records, in file order. */
  readonly checks: readonly ExportedCheckRecord[];
  readonly minutes: readonly MinuteRecord[];
  /** The invalid ones. */
  readonly invalid: readonly InvalidRecord[];
}

export interface ParseExportOptions {
  /** The present time, epoch ms, for the far-future check. */
  readonly nowMs: number;
  /** Largest file accepted, bytes (UTF-8). Default `DEFAULT_IMPORT_MAX_BYTES` (10 MB). */
  readonly maxBytes?: number;
}

/** The file as a whole cannot be imported; `message` says why, for the person importing it. */
export class ImportFileError extends Error {
  override readonly name = 'ImportFileError';
}

/** Removes the thumbnail, keeping every other field. */
function withoutThumbnail(record: CheckRecord): ExportedCheckRecord {
  if (!('thumbnail' in record)) return record;
  const { thumbnail: _thumbnail, ...rest } = record;
  return rest;
}

/** The export file for these records, without thumbnails. */
export function buildExportFile(
  checks: readonly CheckRecord[],
  minutes: readonly MinuteRecord[],
  exportedAtMs: number,
): ExportFile {
  return { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAtMs, checks: checks.map(withoutThumbnail), minutes };
}

export const serializeExportFile = (file: ExportFile): string => JSON.stringify(file);

const megabytes = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

/** UTF-8 size of a string, without encoding it when its length already decides the question. */
function exceedsBytes(text: string, maxBytes: number): number | null {
  if (text.length * 3 <= maxBytes) return null;
  if (text.length > maxBytes) return text.length; // at least one byte per UTF-16 unit
  const bytes = new TextEncoder().encode(text).length;
  return bytes > maxBytes ? bytes : null;
}

/** Whether JSON.parse failed at the very end of the text (the browsers word it differently). */
function looksTruncated(text: string, detail: string): boolean {
  if (/end of (json )?(input|data)|unterminated/i.test(detail)) return true;
  const position = /position (\d+)/.exec(detail);
  return position !== null && Number(position[1]) >= text.trimEnd().length;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads an export file. Throws `ImportFileError` when the file as a whole is unusable: too large,
 * not JSON or cut off, not a CounterCheck export, another version, hostile or unknown top-level keys.
 * Otherwise validates every record (`validate-records.ts`; an id repeated within the file is invalid
 * too) and returns the valid ones and the reasons for the rest.
 */
export function parseExportFile(text: string, options: ParseExportOptions): ParsedExportFile {
  const maxBytes = options.maxBytes ?? DEFAULT_IMPORT_MAX_BYTES;
  if (!(maxBytes > 0)) throw new RangeError(`maxBytes must be positive, got ${maxBytes}`);
  const size = exceedsBytes(text, maxBytes);
  if (size !== null) {
    throw new ImportFileError(`The file is too large (${megabytes(size)}; the limit is ${megabytes(maxBytes)}).`);
  }
  if (text.trim() === '') throw new ImportFileError('The file is empty.');

  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new ImportFileError(
      looksTruncated(text, detail)
        ? 'The file ends too early: it was cut off (truncated) and is not complete JSON.'
        : `The file is not valid JSON (${detail}).`,
    );
  }

  if (!isObject(parsed)) throw new ImportFileError('The file is not a CounterCheck export (it is not a JSON object).');
  for (const key of Object.keys(parsed)) {
    if (FORBIDDEN_KEYS.has(key)) throw new ImportFileError(`The file has a forbidden key "${key}" and is refused.`);
  }
  if (parsed.format !== EXPORT_FORMAT) {
    throw new ImportFileError(`The file is not a CounterCheck export (format is not "${EXPORT_FORMAT}").`);
  }
  if (parsed.version !== EXPORT_VERSION) {
    throw new ImportFileError(
      `The file is export version ${JSON.stringify(parsed.version)?.slice(0, 20)}; this app reads version ${EXPORT_VERSION}.`,
    );
  }
  for (const key of Object.keys(parsed)) {
    if (!['format', 'version', 'exportedAtMs', 'checks', 'minutes'].includes(key)) {
      throw new ImportFileError(`The file has an unknown field ${JSON.stringify(key.slice(0, 40))}.`);
    }
  }
  const exportedAtMs = parsed.exportedAtMs;
  if (
    typeof exportedAtMs !== 'number' ||
    !Number.isInteger(exportedAtMs) ||
    exportedAtMs < RECORD_LIMITS.earliestMs ||
    exportedAtMs > options.nowMs + RECORD_LIMITS.futureSlackMs
  ) {
    throw new ImportFileError('The file has no valid export date (exportedAtMs is missing, before 2020 or in the future).');
  }
  if (!Array.isArray(parsed.checks)) throw new ImportFileError('The file has no list of checks.');
  if (!Array.isArray(parsed.minutes)) throw new ImportFileError('The file has no list of minutes.');

  const invalid: InvalidRecord[] = [];
  const validOf = <T extends { readonly id: string }>(
    collection: RecordCollection,
    list: readonly unknown[],
    validate: (value: unknown) => string | null,
  ): T[] => {
    const firstIndexOf = new Map<string, number>();
    const valid: T[] = [];
    list.forEach((value, index) => {
      let reason = validate(value);
      if (reason === null) {
        const id = (value as T).id;
        const first = firstIndexOf.get(id);
        if (first === undefined) firstIndexOf.set(id, index);
        else reason = `id: the same id as ${collection}[${first}]`;
      }
      if (reason === null) valid.push(value as T);
      else invalid.push({ collection, index, reason });
    });
    return valid;
  };
  const validateOptions = { nowMs: options.nowMs };
  const checks = validOf<ExportedCheckRecord>('checks', parsed.checks, (value) => validateCheckRecord(value, validateOptions));
  const minutes = validOf<MinuteRecord>('minutes', parsed.minutes, (value) => validateMinuteRecord(value, validateOptions));
  return { exportedAtMs, checks, minutes, invalid };
}
