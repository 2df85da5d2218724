import type { IDBPDatabase } from 'idb';
import { isStationCalibration } from '../core/calibration/station-calibration';
import {
  countThresholdOverrides,
  DEFAULT_STATION_SETUP,
  type MonitorRates,
  monitorRatesOf,
  type StationSetup,
  type StationSetupFile,
  stationSetupFile,
} from '../core/station-setup/station-setup';
import type { StationSettings } from '../core/summaries/records';
import { isStationSettings, validateStationSettings } from '../core/summaries/validate-records';
import { awaitTransaction } from './await-transaction';
import { BadgeEnrolmentStore, settingsWithBadge } from './badge-enrolment-store';
import type { CounterCheckDB } from './db';
import { mapStorageErrors, StorageError } from './storage-error';

/** What an import changed, for the report. */
export interface SetupImportReport {
  readonly language: StationSetup['language'];
  /** Rules on after the import; null = every rule. */
  readonly enabledRuleIds: readonly string[] | null;
  readonly thresholdCount: number;
  /** Conduct times the file sets away from the defaults. */
  readonly conductTimeCount: number;
  /** The monitoring rates the file sets; absent = the default. */
  readonly monitorRates: MonitorRates;
  /** True when the file's calibration replaced this station's; false when the file had none (the station's own is kept). */
  readonly calibrationReplaced: boolean;
  /** True when the file's enrolled badge replaced this station's; false when the file had none (the station's own is kept). */
  readonly badgeReplaced: boolean;
}

const setupOf = (settings: StationSettings | null): StationSetup => ({
  language: settings?.language ?? DEFAULT_STATION_SETUP.language,
  enabledRuleIds: settings?.enabledRuleIds ?? null,
  thresholds: settings?.thresholds ?? {},
  ...(settings?.conductTimes ? { conductTimes: settings.conductTimes } : {}),
  ...monitorRatesOf(settings ?? {}),
});

/** The settings record with the setup's fields, keeping the station's other settings (thumbnails opt-in). */
function settingsWithSetup(current: StationSettings | null, stationId: string, setup: StationSetup, nowMs: number): StationSettings {
  const {
    enabledRuleIds: _rules,
    language: _language,
    thresholds: _thresholds,
    conductTimes: _times,
    monitorFps: _fps,
    monitorObjectsEveryMs: _objectsEvery,
    ...kept
  } = current ?? { version: 1 as const, stationId, keepThumbnails: false };
  return {
    ...kept,
    version: 1,
    stationId,
    updatedAtMs: nowMs,
    language: setup.language,
    ...(setup.enabledRuleIds ? { enabledRuleIds: [...setup.enabledRuleIds] } : {}),
    ...(Object.keys(setup.thresholds).length ? { thresholds: structuredClone(setup.thresholds) } : {}),
    ...(setup.conductTimes && Object.keys(setup.conductTimes).length ? { conductTimes: { ...setup.conductTimes } } : {}),
    ...monitorRatesOf(setup),
  };
}

/**
 * A station's setup (rules on, thresholds, language, calibration, enrolled badge) in IndexedDB: the setup
 * and the badge live in the station's settings record, the calibration in its own store. An import writes
 * them in one transaction.
 */
export class StationSetupStore {
  constructor(private readonly open: () => Promise<IDBPDatabase<CounterCheckDB>>) {}

  async load(stationId: string, nowMs: number): Promise<StationSetup> {
    return mapStorageErrors('reading the station setup', async () => {
      const stored = await (await this.open()).get('settings', stationId);
      return setupOf(isStationSettings(stored, nowMs) && stored.stationId === stationId ? stored : null);
    });
  }

  async save(stationId: string, setup: StationSetup, nowMs: number): Promise<void> {
    await mapStorageErrors('saving the station setup', async () => {
      const db = await this.open();
      const tx = db.transaction('settings', 'readwrite');
      const stored = await tx.store.get(stationId);
      const current = isStationSettings(stored, nowMs) ? stored : null;
      const next = settingsWithSetup(current, stationId, setup, nowMs);
      const problem = validateStationSettings(next, { nowMs });
      if (problem) {
        tx.abort();
        await tx.done.catch(() => undefined);
        throw new StorageError('invalid-record', `Not a valid station setup (${problem}); nothing was saved.`);
      }
      await awaitTransaction(tx, (track) => track(tx.store.put(next, stationId)));
    });
  }

  /** The file to export: this station's setup, calibration and enrolled badge, without its id. */
  async exportFile(stationId: string, nowMs: number): Promise<StationSetupFile> {
    const setup = await this.load(stationId, nowMs);
    const calibration = await mapStorageErrors('reading the calibration', async () => {
      const stored = await (await this.open()).get('calibrations', stationId);
      return stored && isStationCalibration(stored) ? stored : null;
    });
    const badge = await new BadgeEnrolmentStore(this.open).load(stationId, nowMs);
    return stationSetupFile(setup, calibration, nowMs, badge);
  }

  /** Applies a validated setup file to this station: all of it or, on any failure, none of it. */
  async importFile(stationId: string, file: StationSetupFile, nowMs: number): Promise<SetupImportReport> {
    return mapStorageErrors('importing the station setup', async () => {
      const db = await this.open();
      const tx = db.transaction(['settings', 'calibrations'], 'readwrite');
      const stored = await tx.objectStore('settings').get(stationId);
      const current = isStationSettings(stored, nowMs) ? stored : null;
      const withSetup = settingsWithSetup(current, stationId, file.setup, nowMs);
      // the badge goes into the same settings record, in this transaction: the import stays all or nothing
      const next = file.enrolledBadge ? settingsWithBadge(withSetup, file.enrolledBadge) : withSetup;
      const problem = validateStationSettings(next, { nowMs });
      if (problem) {
        tx.abort();
        await tx.done.catch(() => undefined);
        throw new StorageError('invalid-record', `Not a valid station setup (${problem}); nothing was imported.`);
      }
      await awaitTransaction(tx, (track) => {
        track(tx.objectStore('settings').put(next, stationId));
        if (file.calibration) track(tx.objectStore('calibrations').put(structuredClone(file.calibration), stationId));
      });
      return {
        language: file.setup.language,
        enabledRuleIds: file.setup.enabledRuleIds,
        thresholdCount: countThresholdOverrides(file.setup.thresholds),
        conductTimeCount: Object.keys(file.setup.conductTimes ?? {}).length,
        monitorRates: monitorRatesOf(file.setup),
        calibrationReplaced: file.calibration !== null,
        badgeReplaced: !!file.enrolledBadge,
      };
    });
  }
}
