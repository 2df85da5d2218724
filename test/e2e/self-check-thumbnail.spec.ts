import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** The stored self-checks, read straight from IndexedDB: how many, and each thumbnail's type and size. */
const storedChecks = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<{ id: string; thumbnail: { type: string; size: number } | null }[]>((resolve, reject) => {
        const open = indexedDB.open('countercheck');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('checks').objectStore('checks').getAll();
          request.onsuccess = () => {
            resolve(request.result.map((r) => ({ id: r.id, thumbnail: r.thumbnail ? { type: r.thumbnail.type, size: r.thumbnail.size } : null })));
            open.result.close();
          };
        };
      }),
  );

test('a thumbnail is kept only after opting in, shown in my history, and erased when I opt out or delete the check', async ({ page }) => {
  await page.goto('/');
  const optIn = page.getByRole('checkbox', { name: /Keep a small picture with my checks/ });
  await expect(optIn).not.toBeChecked(); // off by default
  await optIn.check();
  await expect(page.getByText(/Pictures on: each new check keeps a small picture/)).toBeVisible();

  const start = page.getByRole('button', { name: 'Start self-check' });
  await expect(start).toBeEnabled({ timeout: 60_000 });
  await start.click();
  await expect(page.locator('[data-self-check-status]')).toContainText(/\d+ of \d+ passed/, { timeout: 20_000 });
  await expect(page.getByText('Saved on this device. A small picture was kept on this device, as you chose.')).toBeVisible();
  const history = page.getByRole('list', { name: 'My recent checks' });
  const thumb = history.locator('li img.thumb');
  await expect(thumb).toHaveCount(1);
  await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(160);
  let stored = await storedChecks(page);
  expect(stored).toHaveLength(1);
  expect(stored[0]!.thumbnail).toMatchObject({ type: 'image/jpeg' });
  expect(stored[0]!.thumbnail!.size).toBeGreaterThan(500);

  // The opt-in and the picture survive a reload.
  await page.reload();
  await expect(page.getByRole('checkbox', { name: /Keep a small picture/ })).toBeChecked();
  await expect(page.getByRole('list', { name: 'My recent checks' }).locator('li img.thumb')).toHaveCount(1);

  // Opting out erases the pictures already kept; the check itself stays.
  await page.getByRole('checkbox', { name: /Keep a small picture/ }).uncheck();
  await expect(page.getByText(/Pictures off: 1 stored picture deleted/)).toBeVisible();
  await expect(page.getByRole('list', { name: 'My recent checks' }).locator('li img')).toHaveCount(0);
  stored = await storedChecks(page);
  expect(stored).toEqual([{ id: stored[0]!.id, thumbnail: null }]);

  // Deleting a check erases the record (and any picture in it).
  await page.getByRole('button', { name: /^Delete the check of / }).click();
  await expect(page.getByRole('list', { name: 'My recent checks' })).toHaveCount(0);
  expect(await storedChecks(page)).toEqual([]);
});
