/**
 * Freezes plain objects and arrays all the way down, so a test (or a dev build) catches code that mutates
 * a record it was handed (tld:packages/store/src/lib/devFreeze.ts). Blobs and other class instances are
 * left as they are. Returns its argument.
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  const proto: unknown = Object.getPrototypeOf(value);
  const plain = Array.isArray(value) || proto === null || Object.getPrototypeOf(proto) === null;
  if (!plain) return value;
  Object.freeze(value);
  for (const child of Object.values(value)) deepFreeze(child);
  return value;
}
