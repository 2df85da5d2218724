import { describe, expect, it } from 'vitest';
import { hashPin, hasPin, type PinStorage, pinProblem, removePin, setPin, SUPERVISOR_PIN_KEY, verifyPin } from './supervisor-pin';

function memoryStorage(): PinStorage & { readonly items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

describe('supervisor PIN', () => {
  it('hashes salt then PIN with SHA-256', async () => {
    // SHA-256("1234") with an empty salt, a known value.
    expect(await hashPin('1234', new Uint8Array())).toBe('03ac674216f3e15c761ee1a5e255f067953623c8b388b4459e13f978d7c846f4');
    expect(await hashPin('1234', new Uint8Array([1]))).not.toBe(await hashPin('1234', new Uint8Array([2])));
  });

  it('stores a salted hash, never the PIN, and verifies it', async () => {
    const storage = memoryStorage();
    expect(hasPin(storage)).toBe(false);
    expect(await verifyPin(storage, 'anything')).toBe(true);
    await setPin(storage, '2468');
    expect(hasPin(storage)).toBe(true);
    const stored = storage.items.get(SUPERVISOR_PIN_KEY)!;
    expect(stored).not.toContain('2468');
    expect(JSON.parse(stored)).toEqual({ version: 1, salt: expect.stringMatching(/^[0-9a-f]{32}$/), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(await verifyPin(storage, '2468')).toBe(true);
    expect(await verifyPin(storage, '2469')).toBe(false);
    removePin(storage);
    expect(hasPin(storage)).toBe(false);
  });

  it('salts each PIN afresh', async () => {
    const a = memoryStorage();
    const b = memoryStorage();
    await setPin(a, '2468');
    await setPin(b, '2468');
    expect(a.items.get(SUPERVISOR_PIN_KEY)).not.toBe(b.items.get(SUPERVISOR_PIN_KEY));
  });

  it('refuses short and long PINs', async () => {
    expect(pinProblem('123')).toMatch(/at least 4/);
    expect(pinProblem('x'.repeat(33))).toMatch(/at most 32/);
    expect(pinProblem('1234')).toBeNull();
    await expect(setPin(memoryStorage(), '12')).rejects.toThrow(RangeError);
  });

  it('reads a malformed stored value as no PIN', () => {
    const storage = memoryStorage();
    for (const value of ['not json', '{"version":2,"salt":"00","sha256":"00"}', '{"version":1,"salt":"zz","sha256":"00"}', 'null']) {
      storage.items.set(SUPERVISOR_PIN_KEY, value);
      expect(hasPin(storage)).toBe(false);
    }
  });
});
