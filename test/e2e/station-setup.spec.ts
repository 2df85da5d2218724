import { readFileSync } from 'node:fs';
import type { FileChooser, Page } from '@playwright/test';
import { acceptConsentIn, expect, test } from './fixtures';

const setupPanel = (page: Page) => page.locator('cc-station-setup');

/** Picks `files` in the file chooser that "Import setup…" opens. */
async function importSetup(page: Page, files: Parameters<FileChooser['setFiles']>[0]): Promise<void> {
  const choosing = page.waitForEvent('filechooser');
  await setupPanel(page).getByRole('button', { name: 'Import setup…' }).click();
  await (await choosing).setFiles(files);
}

test('a station setup exported from one browser and imported into a fresh one sets it alike, and a bad file changes nothing', async ({
  page,
  browser,
}, testInfo) => {
  await page.goto('/');
  const panel = setupPanel(page);
  await panel.getByLabel('Language · 语言').selectOption('en');
  await panel.locator('input[data-rule="dress.no_hat"]').uncheck();
  await panel.getByText(/Posture thresholds/).click();
  await panel.getByLabel('shoulderTiltMaxDeg').fill('6');
  await panel.getByLabel('shoulderTiltMaxDeg').press('Enter');
  await expect(panel.getByText('Posture thresholds (1 changed)')).toBeVisible();
  await panel.getByText(/Monitoring rate and times/).click();
  await panel.getByLabel('phoneHoldMs').fill('8000');
  await panel.getByLabel('phoneHoldMs').press('Enter');
  await expect(panel.getByText('Monitoring rate and times (1 changed)')).toBeVisible();
  // A slower computer: 2 frames a second, objects every 3 s.
  await panel.getByLabel('monitorFps').fill('2');
  await panel.getByLabel('monitorFps').press('Enter');
  await panel.getByLabel('monitorObjectsEveryMs').fill('3000');
  await panel.getByLabel('monitorObjectsEveryMs').press('Enter');
  await expect(panel.getByText('Monitoring rate and times (3 changed)')).toBeVisible();
  // Out of range: named, not saved.
  await panel.getByLabel('eyesClosedMaxMs').fill('-5');
  await panel.getByLabel('eyesClosedMaxMs').press('Enter');
  await expect(panel.getByRole('alert')).toContainText('Not saved: conductTimes: conduct.awake.eyesClosedMaxMs');
  await panel.getByLabel('monitorFps').fill('60');
  await panel.getByLabel('monitorFps').press('Enter');
  await expect(panel.getByRole('alert')).toContainText('Not saved: monitorFps: not a number within 0.2..30');
  await expect(panel.getByText('Monitoring rate and times (3 changed)')).toBeVisible();
  const exportingStation = await page.locator('header span.privacy').textContent();

  const downloading = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Export setup (JSON)' }).click();
  const download = await downloading;
  const path = testInfo.outputPath('setup.json');
  await download.saveAs(path);
  const text = readFileSync(path, 'utf8');
  const file = JSON.parse(text);
  expect(file).toMatchObject({
    format: 'countercheck-station-setup',
    setup: { language: 'en', thresholds: { rules: { shoulderTiltMaxDeg: 6 } }, conductTimes: { phoneHoldMs: 8000 }, monitorFps: 2, monitorObjectsEveryMs: 3000 },
  });
  expect(file.setup.enabledRuleIds).not.toContain('dress.no_hat');
  expect(text).not.toMatch(/station-[0-9a-f]{6}/); // no station id leaves the browser

  // A fresh profile: another station.
  const context = await browser.newContext();
  await acceptConsentIn(context);
  const other = await context.newPage();
  try {
    await other.goto('/');
    expect(await other.locator('header span.privacy').textContent()).not.toBe(exportingStation);
    const otherPanel = setupPanel(other);
    await expect(otherPanel.getByLabel('Language · 语言')).toHaveValue('both');

    // A bad file is refused whole, with every problem named; nothing changes.
    const bad = { ...file, setup: { ...file.setup, language: 'fr', enabledRuleIds: [...file.setup.enabledRuleIds, 'conduct.teleport'] } };
    await importSetup(other, {
      name: 'bad-setup.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(bad)),
    });
    const refused = otherPanel.locator('[data-setup-report="refused"]');
    await expect(refused).toContainText('bad-setup.json was not imported; nothing changed.');
    await expect(refused).toContainText('setup.language: not one of zh, en, both');
    await expect(refused).toContainText('unknown rule "conduct.teleport"');
    await expect(otherPanel.getByLabel('Language · 语言')).toHaveValue('both');
    await expect(otherPanel.locator('input[data-rule="dress.no_hat"]')).toBeChecked();

    await importSetup(other, path);
    const imported = otherPanel.locator('[data-setup-report="imported"]');
    await expect(imported).toContainText('Setup imported.');
    await expect(imported).toContainText('Language: English only');
    // The file's choice: this version's default rules less no_hat, of every rule the panel offers.
    const rulesOffered = await otherPanel.locator('input[data-rule]').count();
    const rulesOn = await otherPanel.locator('input[data-rule]:checked').count();
    expect(rulesOn).toBeLessThan(rulesOffered);
    await expect(imported).toContainText(`Rules on: ${rulesOn} of ${rulesOffered}`);
    await expect(imported).toContainText('Thresholds set away from the defaults: 1');
    await expect(imported).toContainText('Monitoring rates and times set away from the defaults: 3');

    // Kept in IndexedDB: a reload shows the imported setup.
    await other.reload();
    await expect(otherPanel.getByLabel('Language · 语言')).toHaveValue('en');
    await expect(otherPanel.locator('input[data-rule="dress.no_hat"]')).not.toBeChecked();
    await expect(otherPanel.getByText('Posture thresholds (1 changed)')).toBeVisible();
    await expect(otherPanel.getByText('Monitoring rate and times (3 changed)')).toBeVisible();

    // The self-check honours it: English only, and the switched-off rule is not checked.
    const start = other.getByRole('button', { name: 'Start self-check' });
    await expect(start).toBeEnabled({ timeout: 60_000 });
    await start.click();
    const status = other.locator('[data-self-check-status]');
    await expect(status).toHaveText(/^\s*Sit upright, look at the camera, show your badge… \d\s*$/);
    await expect(status).toHaveText(new RegExp(`^\\s*\\d+ of ${rulesOn} passed\\s*$`), { timeout: 20_000 });
    const checklist = other.getByRole('list', { name: 'Self-check result' });
    await expect(checklist.locator('li')).toHaveCount(rulesOn);
    await expect(checklist.locator('li[data-rule="dress.no_hat"]')).toHaveCount(0);
    await expect(checklist).not.toContainText('坐姿');

    // Monitoring honours the station's rates and times: 2 frames a second, objects every 3 s, a phone counts after 8 s here.
    await other.getByRole('link', { name: 'Monitor' }).click();
    await expect(other.locator('[data-monitor-status]')).toContainText('2 frames a second are judged');
    await other.getByRole('button', { name: /Start monitoring/ }).click();
    await expect(other.locator('[data-monitor-status]')).toHaveAttribute('data-monitor-status', 'running');
    await expect(other.locator('[data-monitor-status]')).toContainText('(target 2)');
    await expect(other.locator('cc-monitor')).toContainText(/grooming, phone and eating count when they last 3, 8 and\s+3 s/);
    await expect(other.locator('cc-monitor')).toContainText('Objects are checked every 3 s');
    await other.getByRole('button', { name: /Stop monitoring/ }).click();
  } finally {
    await context.close();
  }
});
