import 'fake-indexeddb/auto';
import { deleteDB, type IDBPDatabase } from 'idb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { torsoImage, withBadge } from '../core/badge/badge-test-images';
import { enrolBadge, type EnrolledBadge } from '../core/badge/enrolled-badge';
import type { StationCalibration } from '../core/calibration/station-calibration';
import { RULE_IDS } from '../core/rules';
import { parseStationSetupFile, type StationSetupFile } from '../core/station-setup/station-setup';
import { deepFreeze } from '../core/summaries/deep-freeze';
import { TEST_NOW_MS } from '../core/summaries/test-records';
import { BadgeEnrolmentStore } from './badge-enrolment-store';
import { IndexedDbCalibrationStore } from './calibration-store';
import { type CounterCheckDB, openCounterCheckDB } from './db';
import { SettingsRepository } from './settings-repository';
import { StationSetupStore } from './station-setup-store';

const CALIBRATION: StationCalibration = deepFreeze({
  version: 1,
  capturedAtMs: TEST_NOW_MS - 60_000,
  sampleCount: 30,
  baseline: {
    earAboveShoulderRatio: 0.55,
    noseAboveShoulderRatio: 0.48,
    headFromVerticalDeg: 18,
    headForwardLeanDeg: 11,
    shoulderTiltDeg: 2,
    trunkLeanForwardDeg: null,
    headPitchDeg: -3,
    headImageY: 0.4,
  },
});

/** A badge enrolled from drawn pictures (`shift` moves the card: another station's badge). */
function enrolled(shift: number): EnrolledBadge {
  const frames = [1, 2, 3].map((seed) => withBadge(torsoImage(160, 120, seed + shift), { x: 60, y: 30, width: 30, height: 45 }, shift ? 'b' : 'a'));
  const result = enrolBadge(frames, { x: 57 / 160, y: 26 / 120, width: 36 / 160, height: 54 / 120 }, TEST_NOW_MS - 1_000 - shift);
  if (!result.ok) throw new Error(result.problem);
  return deepFreeze(result.badge);
}
const BADGE_A = enrolled(0);
const BADGE_B = enrolled(7);

describe('StationSetupStore', () => {
  const names = ['countercheck-setup-a', 'countercheck-setup-b'];
  const dbs: IDBPDatabase<CounterCheckDB>[] = [];
  beforeEach(async () => {
    for (const name of names) dbs.push(await openCounterCheckDB(name));
  });
  afterEach(async () => {
    for (const db of dbs.splice(0)) db.close();
    for (const name of names) await deleteDB(name);
  });

  it('exports one station and imports into another browser: same setup, monitoring rate and times and calibration, own id and opt-ins kept', async () => {
    const [a, b] = dbs as [IDBPDatabase<CounterCheckDB>, IDBPDatabase<CounterCheckDB>];
    const storeA = new StationSetupStore(async () => a);
    const storeB = new StationSetupStore(async () => b);
    await storeA.save(
      'station-aaaaaa',
      {
        language: 'en',
        enabledRuleIds: ['posture.upright'],
        thresholds: { rules: { shoulderTiltMaxDeg: 6 } },
        conductTimes: { phoneHoldMs: 8000 },
        monitorFps: 2,
        monitorObjectsEveryMs: 3000,
      },
      TEST_NOW_MS,
    );
    await new IndexedDbCalibrationStore(async () => a).save('station-aaaaaa', CALIBRATION);
    // Station B had opted in to thumbnails: an import must not change that.
    const settingsB = new SettingsRepository(async () => b, { nowMs: () => TEST_NOW_MS });
    await settingsB.put({ version: 1, stationId: 'station-bbbbbb', updatedAtMs: TEST_NOW_MS - 1000, keepThumbnails: true });

    const text = JSON.stringify(await storeA.exportFile('station-aaaaaa', TEST_NOW_MS));
    expect(text).not.toContain('station-aaaaaa');
    const parsed = parseStationSetupFile(text, { nowMs: TEST_NOW_MS, knownRuleIds: RULE_IDS });
    if (!parsed.ok) throw new Error(parsed.problems.join('; '));
    const report = await storeB.importFile('station-bbbbbb', parsed.file, TEST_NOW_MS);
    expect(report).toEqual({
      language: 'en',
      enabledRuleIds: ['posture.upright'],
      thresholdCount: 1,
      conductTimeCount: 1,
      monitorRates: { monitorFps: 2, monitorObjectsEveryMs: 3000 },
      calibrationReplaced: true,
      badgeReplaced: false,
    });
    expect(await storeB.load('station-bbbbbb', TEST_NOW_MS)).toMatchObject({ conductTimes: { phoneHoldMs: 8000 }, monitorFps: 2, monitorObjectsEveryMs: 3000 });

    expect(await storeB.load('station-bbbbbb', TEST_NOW_MS)).toEqual(await storeA.load('station-aaaaaa', TEST_NOW_MS));
    expect(await new IndexedDbCalibrationStore(async () => b).load('station-bbbbbb')).toEqual(CALIBRATION);
    expect(await settingsB.get('station-bbbbbb')).toMatchObject({ stationId: 'station-bbbbbb', keepThumbnails: true, language: 'en' });
  });

  it('a file without a calibration keeps the station’s own; every rule on (null) clears the list', async () => {
    const [a] = dbs as [IDBPDatabase<CounterCheckDB>];
    const store = new StationSetupStore(async () => a);
    await new IndexedDbCalibrationStore(async () => a).save('station-aaaaaa', CALIBRATION);
    await store.save('station-aaaaaa', { language: 'zh', enabledRuleIds: ['posture.upright'], thresholds: {} }, TEST_NOW_MS);
    const file: StationSetupFile = { format: 'countercheck-station-setup', version: 1, exportedAtMs: TEST_NOW_MS, setup: { language: 'both', enabledRuleIds: null, thresholds: {} }, calibration: null };
    const report = await store.importFile('station-aaaaaa', file, TEST_NOW_MS);
    expect(report.calibrationReplaced).toBe(false);
    expect(await store.load('station-aaaaaa', TEST_NOW_MS)).toEqual({ language: 'both', enabledRuleIds: null, thresholds: {} });
    expect(await new IndexedDbCalibrationStore(async () => a).load('station-aaaaaa')).toEqual(CALIBRATION);
  });

  it('an import that cannot be stored changes nothing (all or nothing)', async () => {
    const [a] = dbs as [IDBPDatabase<CounterCheckDB>];
    const store = new StationSetupStore(async () => a);
    await store.save('station-aaaaaa', { language: 'zh', enabledRuleIds: null, thresholds: {} }, TEST_NOW_MS);
    // A calibration that cannot be cloned into IndexedDB fails the second write: the first must roll back.
    const broken = { format: 'countercheck-station-setup', version: 1, exportedAtMs: TEST_NOW_MS, setup: { language: 'en', enabledRuleIds: null, thresholds: {} }, calibration: { ...CALIBRATION, sampleCount: () => 1 } } as unknown as StationSetupFile;
    await expect(store.importFile('station-aaaaaa', broken, TEST_NOW_MS)).rejects.toMatchObject({ name: 'StorageError' });
    expect((await store.load('station-aaaaaa', TEST_NOW_MS)).language).toBe('zh');
    expect(await new IndexedDbCalibrationStore(async () => a).load('station-aaaaaa')).toBeNull();
  });

  it('refuses to save thresholds outside their ranges', async () => {
    const [a] = dbs as [IDBPDatabase<CounterCheckDB>];
    const store = new StationSetupStore(async () => a);
    await expect(
      store.save('station-aaaaaa', { language: 'en', enabledRuleIds: null, thresholds: { rules: { shoulderTiltMaxDeg: -4 } } }, TEST_NOW_MS),
    ).rejects.toMatchObject({ kind: 'invalid-record' });
    expect(await store.load('station-aaaaaa', TEST_NOW_MS)).toEqual({ language: 'both', enabledRuleIds: null, thresholds: {} });
  });

  describe('with the enrolled badge', () => {
    it('exports the station’s badge and an import stores it for the other station, in its settings record', async () => {
      const [a, b] = dbs as [IDBPDatabase<CounterCheckDB>, IDBPDatabase<CounterCheckDB>];
      await new BadgeEnrolmentStore(async () => a).save('station-aaaaaa', BADGE_A, TEST_NOW_MS);
      const settingsB = new SettingsRepository(async () => b, { nowMs: () => TEST_NOW_MS });
      await settingsB.put({ version: 1, stationId: 'station-bbbbbb', updatedAtMs: TEST_NOW_MS - 1000, keepThumbnails: true });

      const exported = await new StationSetupStore(async () => a).exportFile('station-aaaaaa', TEST_NOW_MS);
      expect(exported.enrolledBadge).toEqual(BADGE_A);
      const parsed = parseStationSetupFile(JSON.stringify(exported, null, 2), { nowMs: TEST_NOW_MS, knownRuleIds: RULE_IDS });
      if (!parsed.ok) throw new Error(parsed.problems.join('; '));
      const report = await new StationSetupStore(async () => b).importFile('station-bbbbbb', parsed.file, TEST_NOW_MS);
      expect(report.badgeReplaced).toBe(true);
      expect(await new BadgeEnrolmentStore(async () => b).load('station-bbbbbb', TEST_NOW_MS)).toEqual(BADGE_A);
      expect(await settingsB.get('station-bbbbbb')).toMatchObject({ stationId: 'station-bbbbbb', keepThumbnails: true, enrolledBadge: BADGE_A });
    });

    it('replaces the station’s own badge with the file’s; a file without one keeps the station’s own', async () => {
      const [a] = dbs as [IDBPDatabase<CounterCheckDB>];
      const badges = new BadgeEnrolmentStore(async () => a);
      const store = new StationSetupStore(async () => a);
      await badges.save('station-aaaaaa', BADGE_B, TEST_NOW_MS);
      const setup = { language: 'en', enabledRuleIds: null, thresholds: {} } as const;
      const none: StationSetupFile = { format: 'countercheck-station-setup', version: 1, exportedAtMs: TEST_NOW_MS, setup, calibration: null };
      expect((await store.importFile('station-aaaaaa', none, TEST_NOW_MS)).badgeReplaced).toBe(false);
      expect(await badges.load('station-aaaaaa', TEST_NOW_MS)).toEqual(BADGE_B);
      expect((await store.importFile('station-aaaaaa', { ...none, enrolledBadge: null }, TEST_NOW_MS)).badgeReplaced).toBe(false);
      expect(await badges.load('station-aaaaaa', TEST_NOW_MS)).toEqual(BADGE_B);
      expect((await store.importFile('station-aaaaaa', { ...none, enrolledBadge: BADGE_A }, TEST_NOW_MS)).badgeReplaced).toBe(true);
      expect(await badges.load('station-aaaaaa', TEST_NOW_MS)).toEqual(BADGE_A);
    });

    it('a badge that cannot be stored changes nothing: not the setup, not the calibration, not the badge', async () => {
      const [a] = dbs as [IDBPDatabase<CounterCheckDB>];
      const store = new StationSetupStore(async () => a);
      const badges = new BadgeEnrolmentStore(async () => a);
      await store.save('station-aaaaaa', { language: 'zh', enabledRuleIds: null, thresholds: {} }, TEST_NOW_MS);
      await badges.save('station-aaaaaa', BADGE_B, TEST_NOW_MS);
      // past the file check (as a file from a tampered import path would be): the store's own validation refuses it
      const damaged = { ...BADGE_A, views: [{ ...BADGE_A.views[0]!, colourHistogram: BADGE_A.views[0]!.colourHistogram.map(() => 0) }] };
      const file = { format: 'countercheck-station-setup', version: 1, exportedAtMs: TEST_NOW_MS, setup: { language: 'en', enabledRuleIds: null, thresholds: {} }, calibration: CALIBRATION, enrolledBadge: damaged } as StationSetupFile;
      await expect(store.importFile('station-aaaaaa', file, TEST_NOW_MS)).rejects.toMatchObject({ kind: 'invalid-record', message: expect.stringMatching(/colourHistogram/) });
      expect((await store.load('station-aaaaaa', TEST_NOW_MS)).language).toBe('zh');
      expect(await new IndexedDbCalibrationStore(async () => a).load('station-aaaaaa')).toBeNull();
      expect(await badges.load('station-aaaaaa', TEST_NOW_MS)).toEqual(BADGE_B);
    });
  });
});
