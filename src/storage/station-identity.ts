/** The key under which this browser keeps its station pseudonym. */
export const STATION_ID_KEY = 'countercheck.stationId';

/** A random pseudonym made on this device, e.g. 'station-3f9a1c': never a person's name. */
export function newStationId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(3));
  return `station-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** This browser's station id, made on first use; storage that refuses (private mode) gets a per-session id. */
export function stationId(storage: Pick<Storage, 'getItem' | 'setItem'> | null = globalThis.localStorage ?? null): string {
  try {
    const stored = storage?.getItem(STATION_ID_KEY);
    if (stored && /^station-[0-9a-f]{6}$/.test(stored)) return stored;
    const created = newStationId();
    storage?.setItem(STATION_ID_KEY, created);
    return created;
  } catch {
    return newStationId();
  }
}

/**
 * Replaces this browser's station pseudonym with a new random one and returns it. Records already kept
 * stay under the old pseudonym; what is recorded from now on carries the new one. Throws when the
 * browser will not keep it (the old one would come back on the next start).
 */
export function regenerateStationId(
  storage: Pick<Storage, 'getItem' | 'setItem'> | null = globalThis.localStorage ?? null,
): string {
  if (!storage) throw new Error('This browser does not let the site keep a station pseudonym.');
  const previous = storage.getItem(STATION_ID_KEY);
  let created = newStationId();
  while (created === previous) created = newStationId();
  storage.setItem(STATION_ID_KEY, created);
  return created;
}
