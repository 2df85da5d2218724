/**
 * The soak benchmark's page side (loaded on demand by analyze.html): real analyses of a clip, looped
 * through a monitored shift on a simulated clock, with every minute record saved to IndexedDB as the
 * monitor screen saves them. The models run once per sampled frame of the clip; the soak is of all that
 * comes after them (conduct rules, posture smoothing, minute records, storage), where a long shift keeps
 * state. `scripts/bench-soak.mjs` measures the heap around it.
 */
import { deleteDB, type IDBPDatabase } from 'idb';
import type { MonitorFrame } from '../pipeline/monitor-session';
import { MonitorSession } from '../pipeline/monitor-session';
import { type CounterCheckDB, openCounterCheckDB } from '../storage/db';
import { MinuteRepository } from '../storage/minute-repository';

export const SOAK_DB_NAME = 'countercheck-soak-bench';
const WARMUP_DB_NAME = 'countercheck-soak-warmup';
/** The shift starts at a fixed instant, so runs are alike: 2026-01-05 08:00 local time. */
const SHIFT_START = new Date(2026, 0, 5, 8, 0, 0).getTime();
const HOUR_MS = 3_600_000;

export interface SoakOptions {
  readonly frames: number;
  readonly fps: number;
  /** The minute in progress is saved this often, as on the monitor screen. */
  readonly checkpointMs: number;
  /** Called before the first frame and every `progressEvery` frames (the node side samples the heap then). */
  readonly progressEvery: number;
  /**
   * Frames of a throwaway shift run first, into a database of its own, so that the code is compiled and
   * the heap at frame 0 is what a shift starts from rather than a cold page. Default 0.
   */
  readonly warmupFrames?: number;
}

export interface SoakResult {
  readonly framesFed: number;
  /** Frames the session judged; the rest were dropped. */
  readonly framesJudged: number;
  readonly simulatedHours: number;
  /** Conduct violations the shift counted (events on the looped clip). */
  readonly violations: number;
  /** Transactions that saved minute records, and the records they wrote (a minute is rewritten at checkpoints). */
  readonly saves: number;
  readonly recordsWritten: number;
  /** Minute records stored at the end, and their size as JSON. */
  readonly storedMinutes: number;
  readonly storedJsonBytes: number;
  /** Origin storage in use (navigator.storage.estimate) before and after. */
  readonly usageStartBytes: number | null;
  readonly usageEndBytes: number | null;
  readonly errors: readonly string[];
  /** Minutes the session held at each progress point (the latest few, revisable by a span in progress): bounded, not growing. */
  readonly heldMinutes: readonly number[];
  readonly wallMs: number;
}

async function usageBytes(): Promise<number | null> {
  return (await navigator.storage?.estimate?.())?.usage ?? null;
}

/** A short shift like the soak's, saved to a database deleted after it: compiles the code the soak runs. */
async function warmUp(analyses: readonly MonitorFrame[], options: SoakOptions): Promise<void> {
  await deleteDB(WARMUP_DB_NAME);
  const db = await openCounterCheckDB(WARMUP_DB_NAME);
  const minutes = new MinuteRepository(async () => db);
  const session = new MonitorSession({ stationId: 'soak-warmup' }, SHIFT_START);
  const periodMs = 1000 / options.fps;
  let atMs = SHIFT_START;
  let lastCheckpointMs = SHIFT_START;
  for (let index = 0; index < (options.warmupFrames ?? 0); index++) {
    atMs = SHIFT_START + Math.round((index + 1) * periodMs);
    session.addFrame(analyses[index % analyses.length]!, atMs);
    if (atMs - lastCheckpointMs >= options.checkpointMs) {
      lastCheckpointMs = atMs;
      await minutes.putMany(session.takeRecords(atMs, true));
    }
  }
  session.snapshot();
  await minutes.putMany(session.stop(atMs + periodMs));
  db.close();
  await deleteDB(WARMUP_DB_NAME);
}

/** Feeds `analyses`, looped, as `options.frames` frames of a shift at `options.fps`, saving minute records as they come. */
export async function soakMonitoring(
  analyses: readonly MonitorFrame[],
  options: SoakOptions,
  onProgress: (frames: number) => Promise<void>,
): Promise<SoakResult> {
  if (analyses.length === 0) throw new Error('the clip gave no analysed frames to loop');
  if (options.warmupFrames) await warmUp(analyses, options);
  await deleteDB(SOAK_DB_NAME);
  let connection: IDBPDatabase<CounterCheckDB> | null = null;
  const open = async () => (connection ??= await openCounterCheckDB(SOAK_DB_NAME));
  const minutes = new MinuteRepository(open);
  await open();
  const usageStartBytes = await usageBytes();
  const started = performance.now();
  const session = new MonitorSession({ stationId: 'soak-station' }, SHIFT_START);
  const periodMs = 1000 / options.fps;
  const errors: string[] = [];
  const heldMinutes: number[] = [];
  let saves = 0;
  let recordsWritten = 0;
  let lastCheckpointMs = SHIFT_START;
  const save = async (records: Parameters<MinuteRepository['putMany']>[0]) => {
    if (records.length === 0) return;
    try {
      await minutes.putMany(records);
      saves += 1;
      recordsWritten += records.length;
    } catch (error) {
      errors.push(error instanceof Error ? error.message : String(error));
    }
  };
  let atMs = SHIFT_START;
  await onProgress(0);
  for (let index = 0; index < options.frames; index++) {
    atMs = SHIFT_START + Math.round((index + 1) * periodMs);
    try {
      session.addFrame(analyses[index % analyses.length]!, atMs);
    } catch (error) {
      errors.push(error instanceof Error ? error.message : String(error));
    }
    const checkpoint = atMs - lastCheckpointMs >= options.checkpointMs;
    if (checkpoint) {
      lastCheckpointMs = atMs;
      await save(session.takeRecords(atMs, true));
    }
    if ((index + 1) % options.progressEvery === 0) {
      heldMinutes.push(session.heldMinutes);
      await onProgress(index + 1);
    }
  }
  const violations = session.snapshot().rules.reduce((sum, rule) => sum + rule.violations, 0);
  await save(session.stop(atMs + periodMs));
  const stored = await (await open()).getAll('minutes');
  const result: SoakResult = {
    framesFed: options.frames,
    framesJudged: session.frames,
    simulatedHours: (atMs - SHIFT_START) / HOUR_MS,
    violations,
    saves,
    recordsWritten,
    storedMinutes: stored.length,
    storedJsonBytes: stored.reduce((sum, record) => sum + JSON.stringify(record).length, 0),
    usageStartBytes,
    usageEndBytes: await usageBytes(),
    errors: errors.slice(0, 10),
    heldMinutes,
    wallMs: performance.now() - started,
  };
  (await open()).close();
  await deleteDB(SOAK_DB_NAME);
  return result;
}
