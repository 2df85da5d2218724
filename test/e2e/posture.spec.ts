import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { dimmedPhoto, expect, IMAGES, test } from './fixtures';

const UPRIGHT = join(IMAGES, 'upright_desk_front/zoom_real_021.jpg');
const HEAD_DOWN = join(IMAGES, 'head_down_desk/akdrowsy_drowsy_119.jpg');
// The same person and webcam: sitting up, then slouching a little (a borderline slouch).
const BASELINE = join(IMAGES, 'desk_upright/slouchingornot_A_notSlouching_sample-1542640808958-0.jpg');
const SUNGLASSES = join(IMAGES, 'glasses_sunglasses/glassesdet_assets_sunglasses.jpg');
const SLIGHT_SLOUCH = join(IMAGES, 'slouch_head_down/slouchingornot_A_isSlouching_sample-1542640808958-0.jpg');

const chip = (page: Page, ruleId: string) => page.locator(`cc-rule-chips li[data-rule="${ruleId}"] button.chip`);

async function openPhoto(page: Page, path: string): Promise<void> {
  await page.getByLabel('Photo or video file').setInputFiles(path);
  await expect(page.locator('.source-label')).toContainText(path.split('/').pop()!);
}

test.describe('posture rules in the page', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('/');
  });

  test('an upright photo passes upright and no-lying; a head on the desk fails both', async ({ page }) => {
    await openPhoto(page, UPRIGHT);
    await expect(chip(page, 'posture.upright')).toContainText('Pass', { timeout: 60_000 });
    await expect(chip(page, 'posture.no_lying_on_counter')).toContainText('Pass');

    await openPhoto(page, HEAD_DOWN);
    await expect(chip(page, 'posture.upright')).toContainText('Fail', { timeout: 60_000 });
    await expect(chip(page, 'posture.no_lying_on_counter')).toContainText('Fail');
    // Colour is never alone: the chip carries an icon and a word.
    await expect(chip(page, 'posture.upright').locator('.icon')).toHaveText('✗');
  });

  test('a photo keeps its verdicts when the station setup changes while it is shown', async ({ page }) => {
    await openPhoto(page, UPRIGHT);
    await expect(chip(page, 'posture.upright')).toContainText('Pass', { timeout: 60_000 });
    // A setup change restarts the smoothing: the still is judged again rather than left without verdicts.
    await page.locator('cc-station-setup').getByLabel('Language · 语言').selectOption('en');
    await expect(chip(page, 'posture.upright')).toContainText('Pass', { timeout: 30_000 });
    await expect(chip(page, 'posture.no_lying_on_counter')).toContainText('Pass');
  });

  test('a chip opens its evidence and its source sentence in Chinese and English', async ({ page }) => {
    await openPhoto(page, HEAD_DOWN);
    const upright = chip(page, 'posture.upright');
    await expect(upright).toContainText('Fail', { timeout: 60_000 });
    await upright.click();
    await expect(upright).toHaveAttribute('aria-expanded', 'true');
    const details = page.getByRole('region', { name: 'Sit upright evidence' });
    await expect(details).toContainText('Why:');
    await expect(details).toContainText('confidence');
    await expect(details.locator('blockquote[lang=zh]')).toContainText('坐姿要端正');
    await expect(details.locator('blockquote[lang=en]')).toContainText('Sit');
  });

  test('calibrating on an upright photo turns a borderline slouch of the same person into a fail', async ({ page }) => {
    await openPhoto(page, SLIGHT_SLOUCH);
    await expect(chip(page, 'posture.upright')).toContainText('Pass', { timeout: 60_000 });

    await openPhoto(page, BASELINE);
    await expect(chip(page, 'posture.upright')).toContainText('Pass', { timeout: 60_000 });
    await page.getByRole('button', { name: 'Calibrate on this photo' }).click();
    await expect(page.locator('[data-calibration-status]')).toContainText('Calibrated');

    await openPhoto(page, SLIGHT_SLOUCH);
    await expect(chip(page, 'posture.upright')).toContainText('Fail', { timeout: 60_000 });

    // The calibration is kept in IndexedDB: it survives a reload.
    await page.reload();
    await expect(page.locator('[data-calibration-status]')).toContainText('Calibrated');
    await page.getByRole('button', { name: 'Clear' }).click();
    await expect(page.locator('[data-calibration-status]')).toContainText('Not calibrated');
  });

  test('the guided 3-second calibration runs on the live camera, and the counter line moves by keyboard', async ({ page }) => {
    await page.getByRole('button', { name: 'Start camera' }).click();
    const calibrate = page.getByRole('button', { name: 'Calibrate (3 s)' });
    await expect(calibrate).toBeEnabled({ timeout: 60_000 });
    await calibrate.click();
    await expect(page.locator('[data-calibration-status]')).toContainText('Sit upright and look at the camera');
    await expect(page.locator('[data-calibration-status]')).toContainText(/Calibrated .* from \d+ frames/, { timeout: 15_000 });

    await page.getByRole('button', { name: 'Set counter line' }).click();
    const line = page.getByRole('slider', { name: /Counter line/ });
    await expect(line).toHaveAttribute('aria-valuenow', '80');
    await line.focus();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await expect(line).toHaveAttribute('aria-valuenow', '78');
  });

  test('the trainer view shows a room-wide banner, large banners per rule, angles, and a mirror toggle', async ({ page }) => {
    await page.getByRole('button', { name: 'Start camera' }).click();
    await expect(page.locator('cc-measures dd[data-measure="fps"]')).toHaveText(/fps/, { timeout: 60_000 });
    await page.getByRole('button', { name: 'Trainer view' }).click();
    const trainer = page.locator('cc-trainer');
    await expect(trainer).toBeVisible();
    const banner = trainer.locator('.banner[data-rule="posture.upright"]');
    await expect(banner).toContainText(/坐姿端正 · Sit upright/);
    await expect(banner).toContainText(/Pass|Fail|Unknown/);
    const fontPx = await banner.locator('.title').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(fontPx).toBeGreaterThanOrEqual(20);
    // one room-wide signal above them: the person at the desk sits upright, so no rule fails
    const overall = trainer.locator('.banner[data-overall]');
    await expect(overall).toHaveAttribute('data-overall', 'pass');
    await expect(overall).toContainText(/All correct/);
    // the elbows are below the frame: the count names the rule that cannot see instead of leaving "4 of 5" unexplained
    await expect(overall).toContainText('4 of 5 rules pass · not judged: Do not fold the arms across the chest');
    await expect(overall).toBeInViewport();
    const mirror = trainer.getByRole('button', { name: 'Mirror' });
    const before = await mirror.getAttribute('aria-pressed');
    await mirror.click();
    await expect(mirror).not.toHaveAttribute('aria-pressed', before!);
    await page.keyboard.press('Escape');
    await expect(trainer).toHaveCount(0);
  });

  test("the trainer view's room-wide banner turns red on a head on the desk and names the failing rules", async ({ page }) => {
    await openPhoto(page, HEAD_DOWN);
    await expect(chip(page, 'posture.upright')).toContainText('Fail', { timeout: 60_000 });
    await page.getByRole('button', { name: 'Trainer view' }).click();
    const overall = page.locator('cc-trainer .banner[data-overall]');
    await expect(overall).toHaveAttribute('data-overall', 'fail');
    await expect(overall).toContainText('Correct this');
    await expect(overall).toContainText('Sit upright');
    await expect(overall).toContainText('Do not lie on the counter');
    await expect(overall.locator('.icon')).toHaveText('✗');
  });
});

test.describe('dress rules in the page', () => {
  test('sunglasses fail and clear glasses pass', async ({ page }) => {
    await page.goto('/');
    const sunglasses = page.locator('cc-rule-chips li[data-rule="dress.no_sunglasses"] button.chip');
    await openPhoto(page, SUNGLASSES);
    await expect(sunglasses).toContainText('Fail', { timeout: 60_000 });
    await openPhoto(page, join(IMAGES, 'glasses_clear/glassesdet_assets_eyeglasses.jpg'));
    await expect(sunglasses).toContainText('Pass', { timeout: 60_000 });
    await sunglasses.click();
    await expect(page.getByRole('region', { name: /No sunglasses.* evidence/ })).toContainText('under eye to cheek luminance');
  });

  test('in a dim room the sunglasses are unknown with the reason, never a fail', async ({ page }) => {
    await page.goto('/');
    const sunglasses = page.locator('cc-rule-chips li[data-rule="dress.no_sunglasses"] button.chip');
    await openPhoto(page, dimmedPhoto(SUNGLASSES, 'sunglasses-dim', 0.2));
    await expect(sunglasses).toContainText('Unknown', { timeout: 60_000 });
    await sunglasses.click();
    await expect(page.getByRole('region', { name: /No sunglasses.* evidence/ })).toContainText('face too dark to see');
  });
});
