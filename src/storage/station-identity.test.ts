import { describe, expect, it } from 'vitest';
import { regenerateStationId, STATION_ID_KEY, stationId } from './station-identity';

function memoryStorage() {
  const map = new Map<string, string>();
  return { map, getItem: (key: string) => map.get(key) ?? null, setItem: (key: string, value: string) => void map.set(key, value) };
}

describe('station identity', () => {
  it('makes a random pseudonym once and keeps it', () => {
    const storage = memoryStorage();
    const id = stationId(storage);
    expect(id).toMatch(/^station-[0-9a-f]{6}$/);
    expect(stationId(storage)).toBe(id);
    expect(storage.map.get(STATION_ID_KEY)).toBe(id);
  });

  it('regenerates a different pseudonym, kept from then on', () => {
    const storage = memoryStorage();
    const before = stationId(storage);
    const after = regenerateStationId(storage);
    expect(after).toMatch(/^station-[0-9a-f]{6}$/);
    expect(after).not.toBe(before);
    expect(stationId(storage)).toBe(after);
  });

  it('refuses to regenerate where nothing can be kept', () => {
    expect(() => regenerateStationId(null)).toThrow(/does not let the site keep/);
  });
});
