import type { IDBPDatabase } from 'idb';
import type { EnrolledBadge } from '../core/badge/enrolled-badge';
import type { StationSettings } from '../core/summaries/records';
import { isStationSettings, validateStationSettings } from '../core/summaries/validate-records';
import { awaitTransaction } from './await-transaction';
import type { CounterCheckDB } from './db';
import { mapStorageErrors, StorageError } from './storage-error';

/** The settings record with `badge` as the station's enrolled badge (a copy), keeping its other settings. */
export const settingsWithBadge = (settings: StationSettings, badge: EnrolledBadge): StationSettings => ({
  ...settings,
  enrolledBadge: structuredClone(badge),
});

/**
 * A station's enrolled badge, kept in the station's settings record (`enrolledBadge`): numbers only, no
 * image. Saving or removing it keeps the record's other settings; a record that does not validate reads as
 * no badge.
 */
export class BadgeEnrolmentStore {
  constructor(private readonly open: () => Promise<IDBPDatabase<CounterCheckDB>>) {}

  async load(stationId: string, nowMs: number): Promise<EnrolledBadge | null> {
    return mapStorageErrors('reading the enrolled badge', async () => {
      const stored = await (await this.open()).get('settings', stationId);
      return isStationSettings(stored, nowMs) && stored.stationId === stationId ? (stored.enrolledBadge ?? null) : null;
    });
  }

  async save(stationId: string, badge: EnrolledBadge, nowMs: number): Promise<void> {
    await this.update(stationId, nowMs, 'saving the enrolled badge', (settings) => settingsWithBadge(settings, badge));
  }

  async remove(stationId: string, nowMs: number): Promise<void> {
    await this.update(stationId, nowMs, 'removing the enrolled badge', ({ enrolledBadge: _removed, ...settings }) => settings);
  }

  /** Read, change and write the settings record in one transaction; an invalid result is refused and nothing is written. */
  private async update(
    stationId: string,
    nowMs: number,
    doing: string,
    change: (settings: StationSettings) => StationSettings,
  ): Promise<void> {
    await mapStorageErrors(doing, async () => {
      const db = await this.open();
      const tx = db.transaction('settings', 'readwrite');
      const stored = await tx.store.get(stationId);
      const current: StationSettings =
        isStationSettings(stored, nowMs) && stored.stationId === stationId
          ? stored
          : { version: 1, stationId, updatedAtMs: nowMs, keepThumbnails: false };
      const next = { ...change(current), updatedAtMs: nowMs };
      const problem = validateStationSettings(next, { nowMs });
      if (problem) {
        tx.abort();
        await tx.done.catch(() => undefined);
        throw new StorageError('invalid-record', `Not a valid enrolled badge (${problem}); nothing was saved.`);
      }
      await awaitTransaction(tx, (track) => track(tx.store.put(next, stationId)));
    });
  }
}
