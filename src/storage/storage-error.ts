/** What went wrong with local storage, so a view can offer the right way out. */
export type StorageErrorKind =
  /** The site's storage quota is used up. */
  | 'quota-exceeded'
  /** IndexedDB cannot be used here (private window, site data blocked, no IndexedDB). */
  | 'unavailable'
  /** A record with that id is already stored. */
  | 'duplicate'
  /** The record handed in is not valid; nothing was written. */
  | 'invalid-record'
  /** Anything else the browser reported. */
  | 'failed';

export const QUOTA_EXCEEDED_MESSAGE =
  "The browser's storage for this site is full: export and clear old records in Supervisor > Data, then try again.";

export const UNAVAILABLE_MESSAGE =
  'This browser does not let the site keep data (a private window, or site data blocked in the settings): ' +
  'results, calibrations and settings cannot be saved. Open CounterCheck in a normal window, or allow site data for it.';

const errorName = (error: unknown): string =>
  typeof error === 'object' && error !== null && typeof (error as { name?: unknown }).name === 'string'
    ? (error as { name: string }).name
    : '';

/** True for the browsers' ways of saying the quota is used up, also when wrapped as a cause. */
export function isQuotaExceeded(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 4; depth++) {
    const name = errorName(current);
    if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') return true;
    if ((current as { code?: unknown }).code === 22 && name !== '') return true; // legacy DOMException code
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

const detailOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** A storage failure with a message a person can act on; the browser's error is kept as `cause`. */
export class StorageError extends Error {
  override readonly name = 'StorageError';

  constructor(
    readonly kind: StorageErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  static unavailable(cause: unknown): StorageError {
    return cause instanceof StorageError ? cause : new StorageError('unavailable', `${UNAVAILABLE_MESSAGE} (${detailOf(cause)})`, { cause });
  }

  /** Maps what IndexedDB threw while doing `action` (e.g. 'saving the self-check'). */
  static from(error: unknown, action: string): StorageError {
    if (error instanceof StorageError) return error;
    if (isQuotaExceeded(error)) return new StorageError('quota-exceeded', QUOTA_EXCEEDED_MESSAGE, { cause: error });
    const name = errorName(error);
    if (name === 'ConstraintError') {
      return new StorageError('duplicate', `A record with the same id is already stored (${action}).`, { cause: error });
    }
    if (name === 'SecurityError') {
      return new StorageError('unavailable', `${UNAVAILABLE_MESSAGE} (${action}: ${detailOf(error)})`, { cause: error });
    }
    if (name === 'InvalidStateError') {
      return new StorageError(
        'failed',
        `The database was closed while ${action} (CounterCheck may have been updated in another tab): reload the page and try again.`,
        { cause: error },
      );
    }
    return new StorageError('failed', `Local storage failed while ${action}: ${detailOf(error)}`, { cause: error });
  }
}

/** Runs `work`, turning whatever it throws into a `StorageError`. */
export async function mapStorageErrors<T>(action: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw StorageError.from(error, action);
  }
}
