import { cameraTracks, recordCameraTracks } from './camera-tracks';
import { expect, measure, PHOTOS, test } from './fixtures';

/**
 * The camera light is on only while a live view, a self-check or a shift runs: each camera track the page
 * gets is recorded (`camera-tracks.ts`), and a live one is a camera in use.
 */

test.beforeEach(async ({ context }) => {
  await recordCameraTracks(context);
});

test('the live screen opens with the camera off; Start camera turns it on, Stop camera releases it at once, by keyboard', async ({ page }) => {
  await page.goto('/');
  const stage = page.locator('cc-stage');
  await expect(stage).toContainText('The camera is off');
  await expect(stage).toContainText('Press Start camera');
  // Give the camera every chance to start by itself: the models load, no camera is asked for.
  await page.waitForTimeout(1500);
  await expect(page.locator('cc-status progress')).toHaveCount(0, { timeout: 60_000 });
  expect(await cameraTracks(page)).toEqual({ opened: 0, live: 0 });

  const toggle = page.getByRole('toolbar', { name: 'Source and engine' }).locator('[data-camera-toggle]');
  await expect(toggle).toHaveAccessibleName('Start camera');
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(measure(page, 'fps')).toHaveText(/^\d+(\.\d)? fps$/, { timeout: 60_000 });
  await expect(measure(page, 'person')).toHaveText('yes');
  expect(await cameraTracks(page)).toEqual({ opened: 1, live: 1 });

  // The same button, still focused, now stops the camera.
  await expect(toggle).toHaveAccessibleName('Stop camera');
  await expect(toggle).toBeFocused();
  const video = await page.locator('cc-stage video').elementHandle();
  await page.keyboard.press('Enter');
  expect(await cameraTracks(page)).toEqual({ opened: 1, live: 0 });
  expect(await video!.evaluate((element: HTMLVideoElement) => element.srcObject)).toBeNull();
  await expect(page.locator('cc-stage video')).toHaveCount(0);
  await expect(stage).toContainText('The camera is off');
  await expect(toggle).toHaveAccessibleName('Start camera');
  await expect(page.getByRole('button', { name: 'Trainer view' })).toBeDisabled();

  // Leaving the screen releases the camera too.
  await page.getByRole('button', { name: 'Start camera' }).click();
  await expect.poll(async () => (await cameraTracks(page)).live).toBe(1);
  await page.getByRole('link', { name: 'Monitor' }).click();
  await expect(page.locator('cc-monitor')).toBeVisible();
  expect(await cameraTracks(page)).toEqual({ opened: 2, live: 0 });
  // And the other screen does not open it by itself.
  await page.getByRole('link', { name: 'Live & self-check' }).click();
  await expect(stage).toContainText('The camera is off');
  expect(await cameraTracks(page)).toEqual({ opened: 2, live: 0 });
});

test('a self-check run with the camera off opens it, waits for the first analysis, and releases it with the result', async ({ page }) => {
  await page.goto('/');
  const start = page.getByRole('button', { name: 'Start self-check' });
  // Ready to press at once: the check waits for the camera and the models itself, and says so.
  await expect(start).toBeEnabled();
  await start.click();
  const status = page.locator('[data-self-check-status]');
  await expect(status).toContainText(/Starting the camera|waiting for the first analysis/);
  await expect(page.getByRole('button', { name: 'Cancel check' })).toBeVisible();
  await expect(status).toContainText('Sit upright, look at the camera', { timeout: 60_000 });
  await expect.poll(async () => (await cameraTracks(page)).live).toBe(1);
  await expect(status).toContainText(/\d+ of \d+ passed/, { timeout: 20_000 });
  await expect(page.getByText('Saved on this device. No image was stored.')).toBeVisible();
  await expect.poll(() => cameraTracks(page)).toEqual({ opened: 1, live: 0 });
  await expect(page.locator('cc-stage')).toContainText('The camera is off');

  // Cancelled while it waits: nothing saved, the camera released.
  await page.getByRole('button', { name: 'Start self-check' }).click();
  await expect.poll(async () => (await cameraTracks(page)).live).toBe(1);
  await page.getByRole('button', { name: 'Cancel check' }).click();
  await expect(page.getByText('Check cancelled: nothing was saved.')).toBeVisible();
  await expect.poll(() => cameraTracks(page)).toEqual({ opened: 2, live: 0 });
  await expect(page.getByRole('list', { name: 'My recent checks' }).locator('li')).toHaveCount(1);
});

test('a self-check started while a photo is shown runs on the camera, not on the still', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Photo or video file').setInputFiles(PHOTOS.frontalSmiling);
  await expect(measure(page, 'person')).toHaveText('yes', { timeout: 60_000 });
  await page.getByRole('button', { name: 'Start self-check' }).click();
  const status = page.locator('[data-self-check-status]');
  await expect(status).toContainText(/\d+ of \d+ passed/, { timeout: 60_000 });
  await expect.poll(() => cameraTracks(page)).toEqual({ opened: 1, live: 0 });
  await expect(page.getByRole('list', { name: 'My recent checks' }).locator('li')).toHaveCount(1);
});

test('a self-check leaves on a camera the person started; stopping the camera mid-check cancels it', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Start camera' }).click();
  await expect(measure(page, 'person')).toHaveText('yes', { timeout: 60_000 });
  await page.getByRole('button', { name: 'Start self-check' }).click();
  const status = page.locator('[data-self-check-status]');
  await expect(status).toContainText(/\d+ of \d+ passed/, { timeout: 20_000 });
  expect(await cameraTracks(page)).toEqual({ opened: 1, live: 1 });
  await expect(page.locator('cc-stage video')).toBeVisible();

  await page.getByRole('button', { name: 'Start self-check' }).click();
  await expect(status).toContainText('Sit upright, look at the camera');
  await page.getByRole('button', { name: 'Stop camera' }).click();
  await expect(page.getByText('The camera stopped or the source changed, so the check was cancelled')).toBeVisible();
  expect(await cameraTracks(page)).toEqual({ opened: 1, live: 0 });
  await expect(page.getByRole('list', { name: 'My recent checks' }).locator('li')).toHaveCount(1);
});

test('the monitor screen opens with the camera off; a shift turns it on and Stop releases it', async ({ page }) => {
  await page.goto('/#monitor');
  const start = page.getByRole('button', { name: /Start monitoring/ });
  await expect(start).toBeEnabled({ timeout: 90_000 });
  const status = page.locator('[data-monitor-status]');
  await expect(status).toContainText('The camera is off until monitoring starts');
  expect(await cameraTracks(page)).toEqual({ opened: 0, live: 0 });
  await start.click();
  await expect(status).toContainText(/\b[1-9]\d* frames/, { timeout: 30_000 });
  expect(await cameraTracks(page)).toEqual({ opened: 1, live: 1 });
  // A break keeps watching (an absence is allowed, not unmonitored): the camera stays on.
  await page.getByRole('button', { name: /Break/ }).click();
  await expect(status).toContainText('On break');
  expect(await cameraTracks(page)).toEqual({ opened: 1, live: 1 });
  await page.getByRole('button', { name: /Stop monitoring/ }).click();
  await expect(status).toHaveAttribute('data-monitor-status', 'stopped');
  expect(await cameraTracks(page)).toEqual({ opened: 1, live: 0 });
  await expect(status).toContainText('The camera is off.');

  // Leaving the screen mid-shift ends the shift and releases the camera.
  await page.getByRole('button', { name: /Start monitoring/ }).click();
  await expect(status).toHaveAttribute('data-monitor-status', 'running');
  await expect.poll(async () => (await cameraTracks(page)).live).toBe(1);
  await page.getByRole('link', { name: 'Live & self-check' }).click();
  await expect(page.locator('cc-stage')).toContainText('The camera is off');
  expect(await cameraTracks(page)).toEqual({ opened: 2, live: 0 });
});
