/**
 * The supervisor year benchmark's page side (loaded on demand by analyze.html, so the CLI does not pay
 * for it): seeds a year of one station into a database of its own, then times the supervisor view's
 * query and the view itself, as `scripts/bench-supervisor.mjs` asks.
 */
import { deleteDB, type IDBPDatabase } from 'idb';
import type { LocalDay } from '../core/summaries/records';
import { CheckRepository } from '../storage/check-repository';
import { type CounterCheckDB, openCounterCheckDB } from '../storage/db';
import { loadSupervisorSummary } from '../storage/load-summary';
import { MinuteRepository } from '../storage/minute-repository';
import { seedYear } from '../storage/seed';
import '../views/cc-supervisor/cc-supervisor';

export const BENCH_DB_NAME = 'countercheck-supervisor-bench';
/** Records written per transaction while seeding. */
const SEED_BATCH = 5000;

export interface SeedResult {
  readonly checks: number;
  readonly minutes: number;
  readonly fromDay: LocalDay;
  readonly toDay: LocalDay;
  readonly seedMs: number;
}

export interface SupervisorTimings {
  /** The first query after seeding, when the per-day rollup cache is empty and is filled from the minutes. */
  readonly coldQueryMs: number;
  /** Reading the range's records (self-checks, and minutes as cached day rollups), validating and summarizing them (loadSupervisorSummary), per run after the cold one. */
  readonly queryMs: readonly number[];
  /** The view: from the date change in cc-supervisor until its summary for the new range is drawn, per run. */
  readonly viewMs: readonly number[];
  readonly checkCount: number;
  readonly minuteCount: number;
}

let connection: IDBPDatabase<CounterCheckDB> | null = null;
const open = async (): Promise<IDBPDatabase<CounterCheckDB>> => (connection ??= await openCounterCheckDB(BENCH_DB_NAME));

/** Deletes the bench database and writes `days` working days of one station. */
export async function seedBenchYear(stationId: string, days: number, checksPerDay: number, minutesPerDay: number): Promise<SeedResult> {
  connection?.close();
  connection = null;
  await deleteDB(BENCH_DB_NAME);
  const started = performance.now();
  const year = seedYear(stationId, days, checksPerDay, minutesPerDay);
  const db = await open();
  for (let i = 0; i < year.minutes.length; i += SEED_BATCH) {
    const tx = db.transaction('minutes', 'readwrite');
    for (const record of year.minutes.slice(i, i + SEED_BATCH)) void tx.store.put(record);
    await tx.done;
  }
  const tx = db.transaction('checks', 'readwrite');
  for (const record of year.checks) void tx.store.put(record);
  await tx.done;
  return { checks: year.checks.length, minutes: year.minutes.length, fromDay: year.fromDay, toDay: year.toDay, seedMs: performance.now() - started };
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/** Waits (frame by frame) until `done` holds, up to `timeoutMs`. */
async function until(done: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!done()) {
    if (performance.now() > deadline) throw new Error('the supervisor view did not finish in time');
    await nextFrame();
  }
}

/** Times `runs` loads of `fromDay`..`toDay`: the query alone, then the view as a supervisor sees it. */
export async function timeSupervisor(fromDay: LocalDay, toDay: LocalDay, runs: number): Promise<SupervisorTimings> {
  const db = await open();
  const repositories = { checks: new CheckRepository(open), minutes: new MinuteRepository(open) };
  const queryMs: number[] = [];
  const viewMs: number[] = [];
  let counts = { checkCount: 0, minuteCount: 0 };
  const coldStarted = performance.now();
  await loadSupervisorSummary(repositories, fromDay, toDay);
  const coldQueryMs = performance.now() - coldStarted;
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    const loaded = await loadSupervisorSummary(repositories, fromDay, toDay);
    queryMs.push(performance.now() - started);
    counts = { checkCount: loaded.checkCount, minuteCount: loaded.minuteCount };
  }
  const [year, month, date] = toDay.split('-').map(Number) as [number, number, number];
  const endOfRangeMs = new Date(year, month - 1, date, 23).getTime();
  for (let run = 0; run < runs; run++) {
    const view = document.createElement('cc-supervisor');
    view.openDatabase = async () => db;
    view.pinStorage = null;
    view.nowMs = () => endOfRangeMs;
    document.body.append(view);
    try {
      const root = () => view.shadowRoot!;
      const title = () => root().querySelector('#summary-title')?.textContent ?? '';
      // The view first loads its default range (the last days up to `toDay`).
      await until(() => title().includes(toDay) && !root().querySelector('[data-loading]'), 60_000);
      const from = root().querySelector<HTMLInputElement>('input[name=from]')!;
      const started = performance.now();
      from.value = fromDay;
      from.dispatchEvent(new Event('change'));
      await until(() => title().includes(`${fromDay} to ${toDay}`) && !root().querySelector('[data-loading]'), 60_000);
      await view.updateComplete;
      viewMs.push(performance.now() - started);
    } finally {
      view.remove();
    }
  }
  return { coldQueryMs, queryMs, viewMs, ...counts };
}
