import { cameraTracks, recordCameraTracks } from './camera-tracks';
import { expect, test } from './fixtures';

test('a morning self-check runs from start to checklist to history, and the history survives a reload', async ({ context, page }) => {
  await recordCameraTracks(context);
  await page.goto('/');
  // The camera is off until the check asks for it.
  expect(await cameraTracks(page)).toEqual({ opened: 0, live: 0 });
  const start = page.getByRole('button', { name: 'Start self-check' });
  await expect(start).toBeEnabled({ timeout: 60_000 });
  await start.click();
  const status = page.locator('[data-self-check-status]');
  await expect(status).toContainText('Sit upright, look at the camera');
  await expect(status).toContainText(/\d+ of 10 passed/, { timeout: 20_000 });
  // The check opened the camera, so it released it when it ended.
  await expect.poll(() => cameraTracks(page)).toEqual({ opened: 1, live: 0 });

  const checklist = page.getByRole('list', { name: 'Self-check result' });
  await expect(checklist.locator('li')).toHaveCount(10);
  // The fake camera shows a person sitting upright at a desk.
  await expect(checklist.locator('li[data-rule="posture.upright"]')).toContainText('Pass');
  // The object detector ran on the judged frames: the counter rule asks for the counter line, not for objects.
  await expect(checklist.locator('li[data-rule="counter.no_personal_items"] .fix')).toContainText('The counter line is not set');
  // Unknown items explain themselves; failed ones say how to fix them.
  for (const item of await checklist.locator('li.unknown, li.fail').all()) {
    await expect(item.locator('.fix')).not.toBeEmpty();
  }
  await expect(page.getByText('Saved on this device. No image was stored.')).toBeVisible();
  const history = page.getByRole('list', { name: 'My recent checks' });
  await expect(history.locator('li')).toHaveCount(1);

  await page.reload();
  await expect(page.getByRole('list', { name: 'My recent checks' }).locator('li')).toHaveCount(1);
  // No image is kept: the stored record has no thumbnail.
  const stored = await page.evaluate(
    () =>
      new Promise<{ count: number; thumbnails: number }>((resolve, reject) => {
        const open = indexedDB.open('countercheck');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('checks').objectStore('checks').getAll();
          request.onsuccess = () =>
            resolve({ count: request.result.length, thumbnails: request.result.filter((r) => 'thumbnail' in r).length });
        };
      }),
  );
  expect(stored).toEqual({ count: 1, thumbnails: 0 });
});
