import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { CLIPS, expect, IMAGES, test } from './fixtures';

const RECLINING = join(IMAGES, 'slouch_head_down/jiayii_bq_recline.jpg');
const VIDEO = join(CLIPS, 'mps_gesture_test_video_woman_facing_camera.mp4');

const similarity = async (score: Locator): Promise<number> => Number(await score.getAttribute('data-similarity'));

async function openTrainer(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Trainer view' }).click();
  const trainer = page.locator('cc-trainer');
  await expect(trainer).toBeVisible();
  return trainer.locator('cc-reference-pose');
}

test('the trainer captures a reference from the camera and compares the live pose with it', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Start camera' }).click();
  await expect(page.locator('cc-measures dd[data-measure="person"]')).toHaveText('yes', { timeout: 60_000 });
  const panel = await openTrainer(page);
  await expect(panel.getByText('Have someone sit correctly')).toBeVisible();
  await panel.getByRole('button', { name: 'Capture reference (this is correct)' }).click();

  // The fake camera shows one still photo: the live pose matches the reference it was captured from.
  const score = panel.locator('[data-similarity]');
  await expect(score).toHaveText(/Similarity \d+% · 相似度/);
  expect(await similarity(score)).toBeGreaterThanOrEqual(90);
  await expect(panel.getByRole('img', { name: 'Reference skeleton' }).locator('line')).not.toHaveCount(0);
  await expect(panel.getByRole('img', { name: 'Live skeleton' }).locator('line')).not.toHaveCount(0);

  // Another person reclining: the score drops and the joints that differ most are named.
  await page.getByLabel('Photo or video file').setInputFiles(RECLINING);
  await expect.poll(() => similarity(score), { timeout: 60_000 }).toBeLessThan(80);
  const joints = panel.getByRole('list', { name: 'Joints that differ most' }).locator('li');
  await expect(joints.first()).toHaveText(/^[a-z ]+ \d+° off · .+ 偏差 \d+°$/);
  // Colour is not alone: the differing joints are ringed on the live skeleton too.
  await expect(panel.getByRole('img', { name: 'Live skeleton' }).locator('circle.mark')).not.toHaveCount(0);

  // The reference is kept in memory while the page is open: leaving the trainer view keeps it.
  await page.keyboard.press('Escape');
  await expect(page.locator('cc-trainer')).toHaveCount(0);
  const again = await openTrainer(page);
  await expect(again.locator('[data-similarity]')).toHaveText(/Similarity \d+%/);
  await again.getByRole('button', { name: 'Clear reference' }).click();
  await expect(again.locator('[data-similarity]')).toHaveCount(0);
});

test('the reference comparison works on a video file as it plays', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Photo or video file').setInputFiles(VIDEO);
  await expect(page.locator('cc-measures dd[data-measure="person"]')).toHaveText('yes', { timeout: 60_000 });
  const panel = await openTrainer(page);
  await panel.getByRole('button', { name: 'Capture reference (this is correct)' }).click();
  const score = panel.locator('[data-similarity]');
  await expect(score).toHaveText(/Similarity \d+% · 相似度/, { timeout: 30_000 });
  const value = await similarity(score);
  expect(value).toBeGreaterThanOrEqual(0);
  expect(value).toBeLessThanOrEqual(100);
});
