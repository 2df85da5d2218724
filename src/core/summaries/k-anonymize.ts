import { mergeStationSummaries, type StationSummary, type SupervisorSummary } from './summarize-records';

/** Fewest records a station needs before it is shown on its own. */
export const DEFAULT_K_ANONYMITY = 5;

export interface AnonymizedSummary {
  /** The `k` applied. */
  readonly k: number;
  /** Stations with at least `k` records, each on its own. */
  readonly stations: readonly StationSummary[];
  /**
   * The stations under `k` merged into one 'other stations' group; null when there are none, or when the
   * merged group would still be under `k` records or hold a single station (it would single one out).
   */
  readonly otherStations: StationSummary | null;
  /** Stations under `k` that could not even be shown merged: they count only in `team`. */
  readonly suppressedStationCount: number;
  /** Every station together (unchanged). */
  readonly team: StationSummary;
}

/**
 * Per-station detail only for stations with at least `k` records (`recordCount`: self-checks plus
 * monitored minutes); the rest are merged into 'other stations', shown only when that group itself has at
 * least `k` records from at least two stations. The team total is kept whole.
 */
export function kAnonymize(summary: SupervisorSummary, k: number = DEFAULT_K_ANONYMITY): AnonymizedSummary {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a whole number of at least 1, got ${k}`);
  const shown = summary.stations.filter((station) => station.recordCount >= k);
  const small = summary.stations.filter((station) => station.recordCount < k);
  const merged = small.length > 0 ? mergeStationSummaries('other', small) : null;
  const mergedShown = merged !== null && merged.stationCount >= 2 && merged.recordCount >= k;
  return {
    k,
    stations: shown,
    otherStations: mergedShown ? merged : null,
    suppressedStationCount: mergedShown ? 0 : small.length,
    team: summary.team,
  };
}
