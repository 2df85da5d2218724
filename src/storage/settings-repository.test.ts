import { describe, expect, it } from 'vitest';
import { deepFreeze } from '../core/summaries/deep-freeze';
import type { StationSettings } from '../core/summaries/records';
import { counts, makeCheck, makeMinute, pass, TEST_NOW_MS } from '../core/summaries/test-records';
import { IndexedDbCalibrationStore } from './calibration-store';
import { CheckRepository } from './check-repository';
import { clearAllData } from './clear-all-data';
import { STORE_NAMES } from './db';
import { MinuteRepository } from './minute-repository';
import { SettingsRepository } from './settings-repository';
import { useTestDatabase } from './test-database';

const NAME = 'countercheck-settings-test';
const settings: StationSettings = deepFreeze({
  version: 1,
  stationId: 'counter-1',
  updatedAtMs: TEST_NOW_MS,
  keepThumbnails: false,
  enabledRuleIds: ['posture.upright', 'dress.badge_visible'],
});

describe('SettingsRepository and clearAllData', () => {
  const { db, open } = useTestDatabase(NAME);

  it('saves, reads and deletes a station’s settings; corrupt settings read as none', async () => {
    const repo = new SettingsRepository(open, { nowMs: () => TEST_NOW_MS });
    expect(await repo.get('counter-1')).toBeNull();
    await repo.put(settings);
    expect(await repo.get('counter-1')).toEqual(settings);
    await expect(repo.put({ ...settings, keepThumbnails: 'yes' } as never)).rejects.toMatchObject({ kind: 'invalid-record' });
    await db().put('settings', { ...settings, version: 9 } as never, 'counter-2');
    expect(await repo.get('counter-2')).toBeNull();
    await repo.delete('counter-1');
    expect(await repo.get('counter-1')).toBeNull();
  });

  it('clears every store in one go', async () => {
    const nowMs = () => TEST_NOW_MS;
    await new SettingsRepository(open, { nowMs }).put(settings);
    await new CheckRepository(open, { nowMs }).add(makeCheck(1, 'counter-1', '2026-03-10', { 'posture.upright': pass() }));
    await new MinuteRepository(open, { nowMs }).put(makeMinute('counter-1', '2026-03-10', 9, 0, { 'posture.upright': counts(1, 0, 0, 0) }));
    await db().put('calibrations', { version: 1 } as never, 'counter-1');
    await clearAllData(open);
    for (const store of STORE_NAMES) expect(await db().count(store)).toBe(0);
    expect(await new IndexedDbCalibrationStore(open).load('counter-1')).toBeNull();
  });
});
