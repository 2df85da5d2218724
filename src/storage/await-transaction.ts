/** The parts of an idb transaction `awaitTransaction` needs. */
export interface TransactionLike {
  readonly done: Promise<void>;
  abort(): void;
}

/**
 * Issues a transaction's requests through `track`, then waits for all of them and for the transaction
 * to commit. Rejects with the first failure (the transaction then aborts, keeping nothing). Should
 * issuing throw part-way (a value that cannot be cloned), the transaction is aborted and no request's
 * rejection is left unhandled. Only IDB requests may be awaited inside (STYLE 6).
 */
export async function awaitTransaction(
  tx: TransactionLike,
  issue: (track: (request: Promise<unknown>) => void) => void,
): Promise<void> {
  const requests: Promise<unknown>[] = [];
  try {
    issue((request) => {
      requests.push(request);
    });
  } catch (error) {
    for (const request of requests) request.catch(() => {});
    tx.done.catch(() => {});
    try {
      tx.abort();
    } catch {
      // already finished
    }
    throw error;
  }
  await Promise.all([...requests, tx.done]);
}
