import { deleteDB } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { counts, makeCheck, makeMinute, pass, TEST_NOW_MS } from '../core/summaries/test-records';
import { CheckRepository } from './check-repository';
import { DB_VERSION } from './db';
import { MinuteRepository } from './minute-repository';
import { isQuotaExceeded, QUOTA_EXCEEDED_MESSAGE, StorageError } from './storage-error';
import { useTestDatabase } from './test-database';
import { quotaExceeded, withQuotaAfter } from './test-quota';

const NAME = 'countercheck-quota-test';

describe('isQuotaExceeded', () => {
  it('knows the browsers’ quota errors, also wrapped as a cause', () => {
    expect(isQuotaExceeded(quotaExceeded())).toBe(true);
    expect(isQuotaExceeded(new DOMException('full', 'NS_ERROR_DOM_QUOTA_REACHED'))).toBe(true);
    expect(isQuotaExceeded(new Error('aborted', { cause: quotaExceeded() }))).toBe(true);
    expect(isQuotaExceeded(new DOMException('gone', 'AbortError'))).toBe(false);
    expect(isQuotaExceeded('QuotaExceededError')).toBe(false);
  });
});

describe('quota exceeded', () => {
  const { db } = useTestDatabase(NAME);

  it('a self-check that does not fit rejects with a StorageError a person can act on', async () => {
    const repo = new CheckRepository(async () => withQuotaAfter(db(), 0), { nowMs: () => TEST_NOW_MS });
    const error = await repo.add(makeCheck(1, 'A', '2026-03-09', { 'posture.upright': pass() })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect(error).toMatchObject({ kind: 'quota-exceeded', message: QUOTA_EXCEEDED_MESSAGE });
    expect((error as StorageError).message).toContain('export and clear old records in Supervisor > Data');
    expect((error as StorageError).cause).toMatchObject({ name: 'QuotaExceededError' });
  });

  it('a batch of minutes that runs out part-way keeps none of it', async () => {
    const repo = new MinuteRepository(async () => withQuotaAfter(db(), 2), { nowMs: () => TEST_NOW_MS });
    const batch = [0, 1, 2, 3].map((m) => makeMinute('A', '2026-03-09', 9, m, { 'posture.upright': counts(900, 0, 0, 0) }));
    await expect(repo.putMany(batch)).rejects.toMatchObject({ kind: 'quota-exceeded' });
    expect(await db().count('minutes')).toBe(0);
  });
});

describe('db() when IndexedDB cannot be used', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it('rejects with a clear message, and tries again on the next call', async () => {
    vi.resetModules();
    vi.stubGlobal('indexedDB', undefined);
    const { db } = await import('./db');
    const error = await db().catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'StorageError', kind: 'unavailable' });
    expect((error as Error).message).toMatch(/private window.*site data blocked/);

    vi.unstubAllGlobals();
    const connection = await db();
    expect(connection.version).toBe(DB_VERSION);
    connection.close();
    await deleteDB(connection.name);
  });
});
