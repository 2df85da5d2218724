import type { IDBPDatabase } from 'idb';
import type { StationSettings } from '../core/summaries/records';
import { isStationSettings, validateStationSettings } from '../core/summaries/validate-records';
import type { CounterCheckDB } from './db';
import type { RepositoryOptions } from './listing';
import { mapStorageErrors, StorageError } from './storage-error';

/** Station settings, one record per station id; a stored record that is not valid reads as none. */
export class SettingsRepository {
  private readonly nowMs: () => number;

  constructor(
    private readonly open: () => Promise<IDBPDatabase<CounterCheckDB>>,
    options: RepositoryOptions = {},
  ) {
    this.nowMs = options.nowMs ?? Date.now;
  }

  async get(stationId: string): Promise<StationSettings | null> {
    return mapStorageErrors('reading station settings', async () => {
      const stored = await (await this.open()).get('settings', stationId);
      return isStationSettings(stored, this.nowMs()) && stored.stationId === stationId ? stored : null;
    });
  }

  async put(settings: StationSettings): Promise<void> {
    const problem = validateStationSettings(settings, { nowMs: this.nowMs() });
    if (problem) throw new StorageError('invalid-record', `Not valid station settings (${problem}); nothing was saved.`);
    await mapStorageErrors('saving station settings', async () => {
      await (await this.open()).put('settings', settings, settings.stationId);
    });
  }

  async delete(stationId: string): Promise<void> {
    await mapStorageErrors('deleting station settings', async () => {
      await (await this.open()).delete('settings', stationId);
    });
  }
}
