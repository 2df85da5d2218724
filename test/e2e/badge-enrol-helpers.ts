import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { fakeCameraLaunchOptions } from './fake-camera';
import { cameraClipFromPhoto, expect, IMAGES } from './fixtures';

/**
 * Shared by the specs that enrol a badge from the fake camera: a real photo of a man wearing a blank
 * lanyard badge (the clip letterboxes the 390 x 280 photo into 640 x 480: the card's blue holder lies at
 * about x 318..354, y 311..368 px), the box drawn over it, and the settings record read back from IndexedDB.
 */
export const WITH_BADGE = join(IMAGES, 'badge_visible/idcard_happy-young-man-blank-badge-260nw-2456063211.jpg');
export const WITHOUT_BADGE = join(IMAGES, 'no_badge_front/noid_image__7_.jpeg');

/** Launch options whose fake camera shows the man with the badge (for `test.use`). */
export function badgeCameraLaunchOptions() {
  return fakeCameraLaunchOptions(cameraClipFromPhoto(WITH_BADGE, 'badge-enrol-idcard'));
}

export const PICTURE = { widthPx: 640, heightPx: 480 };
/** The card's holder with a small margin, in picture pixels. */
export const CARD_BOX = { x0: 311, y0: 303, x1: 361, y1: 376 };
/** The plain beige wall above the man's left shoulder. */
export const WALL_BOX = { x0: 20, y0: 40, x1: 90, y1: 120 };

export interface StoredEnrolledBadge {
  version: number;
  enrolledAtMs: number;
  columns: number;
  rows: number;
  views: { grey: unknown[]; colourHistogram: unknown[] }[];
}

export interface StoredSettings {
  stationId: string;
  enrolledBadge?: StoredEnrolledBadge;
}

/** Every station settings record in the page's IndexedDB. */
export const storedSettings = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<StoredSettings[]>((resolve, reject) => {
        const open = indexedDB.open('countercheck');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('settings').objectStore('settings').getAll();
          request.onsuccess = () => {
            open.result.close();
            resolve(request.result as StoredSettings[]);
          };
          request.onerror = () => reject(request.error);
        };
      }),
  );

/** Drags a box over the mirrored preview, from picture-pixel corners. */
export async function dragBox(page: Page, preview: Locator, box: typeof CARD_BOX): Promise<void> {
  const rect = (await preview.boundingBox())!;
  const at = (x: number, y: number) => ({
    x: rect.x + (1 - x / PICTURE.widthPx) * rect.width, // the camera preview is mirrored
    y: rect.y + (y / PICTURE.heightPx) * rect.height,
  });
  const from = at(box.x1, box.y0);
  const to = at(box.x0, box.y1);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 6 });
  await page.mouse.up();
}

export const badgeChip = (page: Page) => page.locator('cc-rule-chips li[data-rule="dress.badge_visible"] button.chip');

/**
 * Enrols the card the fake camera shows, as a person does: Enrol badge, the box drawn over the card,
 * Capture; waits for the stored descriptor (the badge-enrol spec checks each step on its way).
 */
export async function enrolCardFromCamera(page: Page): Promise<void> {
  const enrol = page.locator('cc-badge-enrol');
  await enrol.getByRole('button', { name: /Enrol badge/ }).click();
  const preview = enrol.locator('canvas[data-enrol-preview]');
  await expect(preview).toBeVisible({ timeout: 30_000 });
  await expect.poll(() => preview.evaluate((canvas) => (canvas as HTMLCanvasElement).width), { timeout: 30_000 }).toBe(PICTURE.widthPx);
  await dragBox(page, preview, CARD_BOX);
  await enrol.getByRole('button', { name: /Capture/ }).click();
  await expect(enrol.locator('[data-enrol-message="ok"]')).toContainText('Badge enrolled from 5 views', { timeout: 20_000 });
  await expect(enrol.locator('[data-badge-enrolled]')).toHaveAttribute('data-badge-enrolled', 'yes');
}
