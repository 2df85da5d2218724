import { describe, expect, it } from 'vitest';
import { torsoImage, withBadge } from '../core/badge/badge-test-images';
import { enrolBadge, type EnrolledBadge } from '../core/badge/enrolled-badge';
import { deepFreeze } from '../core/summaries/deep-freeze';
import { TEST_NOW_MS } from '../core/summaries/test-records';
import { BadgeEnrolmentStore } from './badge-enrolment-store';
import { SettingsRepository } from './settings-repository';
import { StationSetupStore } from './station-setup-store';
import { StorageError } from './storage-error';
import { useTestDatabase } from './test-database';

const BADGE: EnrolledBadge = (() => {
  const frames = [1, 2, 3].map((seed) => withBadge(torsoImage(160, 120, seed), { x: 60, y: 30, width: 30, height: 45 }));
  const result = enrolBadge(frames, { x: 57 / 160, y: 26 / 120, width: 36 / 160, height: 54 / 120 }, TEST_NOW_MS - 1_000);
  if (!result.ok) throw new Error(result.problem);
  return deepFreeze(result.badge);
})();

describe('BadgeEnrolmentStore', () => {
  const { open } = useTestDatabase('countercheck-badge-enrolment');

  it('saves the descriptor in the station settings record, reads it back equal, and removes it', async () => {
    const store = new BadgeEnrolmentStore(open);
    expect(await store.load('station-a', TEST_NOW_MS)).toBeNull();
    await store.save('station-a', BADGE, TEST_NOW_MS);
    expect(await store.load('station-a', TEST_NOW_MS)).toEqual(BADGE);
    expect(await store.load('station-b', TEST_NOW_MS)).toBeNull();
    const settings = await new SettingsRepository(open, { nowMs: () => TEST_NOW_MS }).get('station-a');
    expect(settings).toMatchObject({ stationId: 'station-a', keepThumbnails: false, enrolledBadge: BADGE });
    await store.remove('station-a', TEST_NOW_MS);
    expect(await store.load('station-a', TEST_NOW_MS)).toBeNull();
    expect(await new SettingsRepository(open, { nowMs: () => TEST_NOW_MS }).get('station-a')).not.toHaveProperty('enrolledBadge');
  });

  it('keeps the station\'s other settings, and a setup save keeps the badge', async () => {
    const settings = new SettingsRepository(open, { nowMs: () => TEST_NOW_MS });
    await settings.put({ version: 1, stationId: 'station-a', updatedAtMs: TEST_NOW_MS, keepThumbnails: true, language: 'zh' });
    const store = new BadgeEnrolmentStore(open);
    await store.save('station-a', BADGE, TEST_NOW_MS);
    expect(await settings.get('station-a')).toMatchObject({ keepThumbnails: true, language: 'zh', enrolledBadge: BADGE });
    const setup = new StationSetupStore(open);
    await setup.save('station-a', { language: 'en', enabledRuleIds: null, thresholds: {} }, TEST_NOW_MS);
    expect(await store.load('station-a', TEST_NOW_MS)).toEqual(BADGE);
    await store.remove('station-a', TEST_NOW_MS);
    expect(await settings.get('station-a')).toMatchObject({ keepThumbnails: true, language: 'en' });
  });

  it('refuses a damaged descriptor and writes nothing', async () => {
    const store = new BadgeEnrolmentStore(open);
    const damaged = { ...BADGE, views: [{ ...BADGE.views[0]!, grey: BADGE.views[0]!.grey.slice(3) }] };
    const error = await store.save('station-a', damaged, TEST_NOW_MS).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).kind).toBe('invalid-record');
    expect((error as Error).message).toMatch(/views\[0\]\.grey/);
    expect(await store.load('station-a', TEST_NOW_MS)).toBeNull();
  });
});
