/** Test helper: a database whose writes hit a full quota, as browsers report it. */
import type { IDBPDatabase } from 'idb';
import type { CounterCheckDB } from './db';

export const quotaExceeded = (): DOMException => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

const WRITES = new Set<PropertyKey>(['add', 'put']);

/** Forwards to `target`, binding methods so proxied idb objects keep working. */
const forward = (target: object, prop: PropertyKey): unknown => {
  const value: unknown = Reflect.get(target, prop, target);
  return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
};

/**
 * `db` with its first `allowedWrites` add/put calls going through and every later one failing with a
 * QuotaExceededError, aborting its transaction (so nothing of it is kept), as a full disk does.
 */
export function withQuotaAfter(db: IDBPDatabase<CounterCheckDB>, allowedWrites: number): IDBPDatabase<CounterCheckDB> {
  let writes = 0;
  const failing = (abort: () => void, write: (...args: unknown[]) => unknown) => (...args: unknown[]) => {
    if (writes++ < allowedWrites) return write(...args);
    try {
      abort();
    } catch {
      // already aborted by an earlier write
    }
    return Promise.reject(quotaExceeded());
  };
  const store = (target: object, tx: { abort(): void }): object =>
    new Proxy(target, {
      get: (t, prop) =>
        WRITES.has(prop)
          ? failing(() => tx.abort(), forward(t, prop) as (...args: unknown[]) => unknown)
          : forward(t, prop),
    });
  const transaction = (target: IDBTransactionLike): object =>
    new Proxy(target, {
      get: (t, prop) => {
        if (prop === 'store') return store(t.store, t);
        if (prop === 'objectStore') return (name: string) => store(t.objectStore(name), t);
        return forward(t, prop);
      },
    });
  return new Proxy(db, {
    get: (t, prop) => {
      if (prop === 'transaction') return (...args: unknown[]) => transaction((t.transaction as (...a: unknown[]) => IDBTransactionLike)(...args));
      if (WRITES.has(prop)) return failing(() => {}, forward(t, prop) as (...args: unknown[]) => unknown);
      return forward(t, prop);
    },
  });
}

interface IDBTransactionLike {
  readonly store: object;
  objectStore(name: string): object;
  abort(): void;
}
