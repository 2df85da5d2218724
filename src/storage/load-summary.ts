import { type AnonymizedSummary, DEFAULT_K_ANONYMITY, kAnonymize } from '../core/summaries/k-anonymize';
import type { LocalDay } from '../core/summaries/records';
import { summarizeRecords, type SupervisorSummary } from '../core/summaries/summarize-records';
import type { CheckRepository } from './check-repository';
import type { MinuteRepository } from './minute-repository';

export interface Repositories {
  readonly checks: CheckRepository;
  readonly minutes: MinuteRepository;
}

export interface LoadedSummary<S> {
  readonly summary: S;
  /** Records read in the range. */
  readonly checkCount: number;
  readonly minuteCount: number;
  /** Stored records skipped because they are not valid. */
  readonly corrupt: number;
}

/** One station's self-checks and minutes from `fromDay` to `toDay`, summarized (e.g. a year, for the bench). */
export async function loadStationSummary(
  repositories: Repositories,
  stationId: string,
  fromDay: LocalDay,
  toDay: LocalDay,
): Promise<LoadedSummary<SupervisorSummary>> {
  const [checks, minutes] = await Promise.all([
    repositories.checks.listByStation(stationId, fromDay, toDay),
    repositories.minutes.listByStation(stationId, fromDay, toDay),
  ]);
  return {
    summary: summarizeRecords(checks.records, minutes.records),
    checkCount: checks.records.length,
    minuteCount: minutes.records.length,
    corrupt: checks.corrupt + minutes.corrupt,
  };
}

/** Every station from `fromDay` to `toDay`, summarized and k-anonymized for the supervisor's view. */
export async function loadSupervisorSummary(
  repositories: Repositories,
  fromDay: LocalDay,
  toDay: LocalDay,
  k: number = DEFAULT_K_ANONYMITY,
): Promise<LoadedSummary<AnonymizedSummary>> {
  // Minutes come added up per station and day (a cached rollup): a year is a few hundred records, not 100 000+.
  const [checks, minutes] = await Promise.all([
    repositories.checks.listByDays(fromDay, toDay),
    repositories.minutes.rollupsByDays(fromDay, toDay),
  ]);
  return {
    summary: kAnonymize(summarizeRecords(checks.records, [], minutes.rollups), k),
    checkCount: checks.records.length,
    minuteCount: minutes.minuteCount,
    corrupt: checks.corrupt + minutes.corrupt,
  };
}
