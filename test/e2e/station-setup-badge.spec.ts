import { readFileSync } from 'node:fs';
import type { FileChooser, Page } from '@playwright/test';
import { SETUP_LIMITS } from '../../src/core/station-setup/station-setup';
import { badgeCameraLaunchOptions, badgeChip, enrolCardFromCamera, storedSettings, WITH_BADGE } from './badge-enrol-helpers';
import { acceptConsentIn, expect, measure, test, watchNetwork } from './fixtures';

/**
 * The enrolled badge travels with the station setup: a badge enrolled from the fake camera (a real photo of
 * a man wearing a lanyard badge) is exported with the setup, refused whole when damaged, and imported into
 * a fresh browser, where the badge rule then judges the same man's photo a pass.
 */
test.use({ launchOptions: badgeCameraLaunchOptions() });

const setupPanel = (page: Page) => page.locator('cc-station-setup');
const badgeSwitch = (page: Page) => setupPanel(page).locator('input[data-rule="dress.badge_visible"]');
const badgeNote = (page: Page) => setupPanel(page).locator('[data-rule-note="dress.badge_visible"]');
const enrolledState = (page: Page) => page.locator('cc-badge-enrol [data-badge-enrolled]');

async function importSetup(page: Page, files: Parameters<FileChooser['setFiles']>[0]): Promise<void> {
  const choosing = page.waitForEvent('filechooser');
  await setupPanel(page).getByRole('button', { name: 'Import setup…' }).click();
  await (await choosing).setFiles(files);
}

test('an enrolled badge is exported with the station setup and imported into a fresh browser, where the badge photo passes; a damaged badge changes nothing', async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(300_000);
  await page.goto('/');
  // Off by default, no note; enrolling turns it on, and the setup's switch says so.
  await expect(badgeSwitch(page)).not.toBeChecked();
  await expect(badgeNote(page)).toHaveCount(0);
  await enrolCardFromCamera(page);
  await expect(badgeSwitch(page)).toBeChecked();
  await expect(badgeSwitch(page)).toBeDisabled();
  await expect(badgeNote(page)).toHaveText(/On while a badge is enrolled · 已登记工作证时开启/);
  const enrolled = (await storedSettings(page)).filter((s) => s.enrolledBadge);
  expect(enrolled).toHaveLength(1);
  const exportingStation = enrolled[0]!.stationId;

  const downloading = page.waitForEvent('download');
  await setupPanel(page).getByRole('button', { name: 'Export setup (JSON)' }).click();
  const path = testInfo.outputPath('setup-with-badge.json');
  await (await downloading).saveAs(path);
  const text = readFileSync(path, 'utf8');
  const file = JSON.parse(text);
  expect(file.enrolledBadge).toEqual(enrolled[0]!.enrolledBadge);
  expect(file.enrolledBadge.views).toHaveLength(5);
  expect(text).not.toContain(exportingStation);
  expect(text.length).toBeLessThan(SETUP_LIMITS.fileMaxBytes);
  testInfo.annotations.push({ type: 'setup file with a badge', description: `${text.length} characters` });

  // A fresh profile: another station, watched for requests leaving this machine like the test's own context.
  const context = await browser.newContext();
  await acceptConsentIn(context);
  const network = watchNetwork(context);
  const other = await context.newPage();
  try {
    await other.goto('/');
    await expect(enrolledState(other)).toHaveAttribute('data-badge-enrolled', 'no');
    await expect(badgeSwitch(other)).not.toBeChecked();
    // The man's photo: without an enrolled badge the badge rule is off (the default).
    await other.getByLabel('Photo or video file').setInputFiles(WITH_BADGE);
    await expect(other.locator('.source-label')).toContainText('idcard_happy-young-man-blank-badge');
    await expect(measure(other, 'person')).toHaveText('yes', { timeout: 90_000 });
    const chip = badgeChip(other);
    await expect(chip).toContainText('Off', { timeout: 30_000 });

    // A damaged badge: the whole file is refused, with the problem named; nothing changes.
    const damaged = structuredClone(file);
    damaged.setup.language = 'en';
    damaged.enrolledBadge.views[2].grey = damaged.enrolledBadge.views[2].grey.slice(0, -1);
    await importSetup(other, { name: 'damaged-badge.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(damaged)) });
    const refused = setupPanel(other).locator('[data-setup-report="refused"]');
    await expect(refused).toContainText('damaged-badge.json was not imported; nothing changed.');
    await expect(refused).toContainText('enrolledBadge.views[2].grey: not');
    await expect(setupPanel(other).getByLabel('Language · 语言')).toHaveValue('both');
    await expect(enrolledState(other)).toHaveAttribute('data-badge-enrolled', 'no');
    expect((await storedSettings(other)).some((s) => s.enrolledBadge)).toBe(false);
    await expect(chip).toContainText('Off');

    // The real file: the badge lands in this station's settings and counts at once.
    await importSetup(other, path);
    const imported = setupPanel(other).locator('[data-setup-report="imported"]');
    await expect(imported).toContainText('Setup imported.');
    await expect(imported).toContainText('Enrolled badge: replaced by the file’s (5 views');
    await expect(enrolledState(other)).toHaveAttribute('data-badge-enrolled', 'yes');
    await expect(other.locator('cc-badge-enrol')).toContainText('from 5 views');
    await expect(badgeSwitch(other)).toBeChecked();
    await expect(badgeSwitch(other)).toBeDisabled();
    await expect(badgeNote(other)).toBeVisible();
    const stored = (await storedSettings(other)).filter((s) => s.enrolledBadge);
    expect(stored).toHaveLength(1);
    expect(stored[0]!.stationId).not.toBe(exportingStation);
    expect(stored[0]!.enrolledBadge).toEqual(file.enrolledBadge);
    await expect(chip).toContainText('Pass', { timeout: 60_000 });
    await chip.click();
    const details = other.getByRole('region', { name: 'Wear the work badge evidence' });
    await expect(details).toContainText('enrolled match score');

    // Kept in IndexedDB: a reload still has the badge, and the switch still says why it is on.
    await other.reload();
    await expect(enrolledState(other)).toHaveAttribute('data-badge-enrolled', 'yes');
    await expect(badgeNote(other)).toBeVisible();
  } finally {
    await context.close();
  }
  expect(network.external, 'requests that left this machine (the fresh browser)').toEqual([]);
});
