/**
 * The supervisor view's optional PIN. It only deters casual viewing: the records in IndexedDB are not
 * encrypted, and anyone with this browser profile (or its developer tools) can read them or remove the PIN.
 *
 * Kept in localStorage under `SUPERVISOR_PIN_KEY` as JSON `{ "version": 1, "salt": hex, "sha256": hex }`:
 * a random 16-byte salt and SHA-256(salt ‖ UTF-8 PIN) from `crypto.subtle`. The PIN itself is never
 * stored. localStorage rather than IndexedDB's settings store, whose records are per-station
 * `StationSettings`; so "Clear all data" (IndexedDB) leaves the PIN in place. A stored value that is not
 * in this shape reads as no PIN.
 */

export const SUPERVISOR_PIN_KEY = 'countercheck.supervisorPin';
/** Shortest and longest PIN accepted, characters. */
export const PIN_MIN_LENGTH = 4;
export const PIN_MAX_LENGTH = 32;
const SALT_BYTES = 16;

export type PinStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

interface StoredPin {
  readonly version: 1;
  readonly salt: string;
  readonly sha256: string;
}

const toHex = (bytes: Uint8Array): string => Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');

const fromHex = (hex: string): Uint8Array => Uint8Array.from(hex.match(/../g) ?? [], (pair) => parseInt(pair, 16));

/** SHA-256 of the salt followed by the PIN's UTF-8 bytes, as hex. */
export async function hashPin(pin: string, salt: Uint8Array): Promise<string> {
  const text = new TextEncoder().encode(pin);
  const input = new Uint8Array(salt.length + text.length);
  input.set(salt, 0);
  input.set(text, salt.length);
  return toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', input)));
}

/** Null for an acceptable new PIN, else why not, for the person choosing it. */
export function pinProblem(pin: string): string | null {
  if (pin.length < PIN_MIN_LENGTH) return `The PIN needs at least ${PIN_MIN_LENGTH} characters.`;
  if (pin.length > PIN_MAX_LENGTH) return `The PIN may have at most ${PIN_MAX_LENGTH} characters.`;
  return null;
}

function readStored(storage: PinStorage): StoredPin | null {
  const text = storage.getItem(SUPERVISOR_PIN_KEY);
  if (text === null) return null;
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return null;
    const { version, salt, sha256 } = value as Record<string, unknown>;
    if (version !== 1 || typeof salt !== 'string' || typeof sha256 !== 'string') return null;
    if (!/^([0-9a-f]{2}){8,64}$/.test(salt) || !/^[0-9a-f]{64}$/.test(sha256)) return null;
    return { version, salt, sha256 };
  } catch {
    return null;
  }
}

/** Whether a PIN is set. */
export const hasPin = (storage: PinStorage): boolean => readStored(storage) !== null;

/** Stores a new PIN (replacing any), salted and hashed. Throws a RangeError for an unacceptable PIN. */
export async function setPin(storage: PinStorage, pin: string): Promise<void> {
  const problem = pinProblem(pin);
  if (problem) throw new RangeError(problem);
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const stored: StoredPin = { version: 1, salt: toHex(salt), sha256: await hashPin(pin, salt) };
  storage.setItem(SUPERVISOR_PIN_KEY, JSON.stringify(stored));
}

/** True when `pin` is the stored PIN, or when no PIN is set. */
export async function verifyPin(storage: PinStorage, pin: string): Promise<boolean> {
  const stored = readStored(storage);
  if (stored === null) return true;
  return (await hashPin(pin, fromHex(stored.salt))) === stored.sha256;
}

export const removePin = (storage: PinStorage): void => storage.removeItem(SUPERVISOR_PIN_KEY);
