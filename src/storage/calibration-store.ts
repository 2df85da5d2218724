import type { IDBPDatabase } from 'idb';
import { type CalibrationStore, isStationCalibration, type StationCalibration } from '../core/calibration/station-calibration';
import type { CounterCheckDB } from './db';

/** Station calibrations in IndexedDB; a stored record that is not a valid calibration reads as none. */
export class IndexedDbCalibrationStore implements CalibrationStore {
  constructor(private readonly open: () => Promise<IDBPDatabase<CounterCheckDB>>) {}

  async load(stationId: string): Promise<StationCalibration | null> {
    const stored = await (await this.open()).get('calibrations', stationId);
    return stored && isStationCalibration(stored) ? stored : null;
  }

  async save(stationId: string, calibration: StationCalibration): Promise<void> {
    if (!isStationCalibration(calibration)) throw new TypeError(`not a station calibration for ${stationId}`);
    await (await this.open()).put('calibrations', calibration, stationId);
  }

  async clear(stationId: string): Promise<void> {
    await (await this.open()).delete('calibrations', stationId);
  }
}
