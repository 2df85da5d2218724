import type { Page } from '@playwright/test';
import { cameraTracks, recordCameraTracks } from './camera-tracks';
import { fakeCameraLaunchOptions } from './fake-camera';
import { expect, test } from './fixtures';
import { EMPTY_S, leaveAndReturnClip, startMonitoring } from './monitor-clips';

/**
 * Monitoring end to end with the fake camera fed a clip of real photos (a person at a desk, then an empty
 * table, looping: `monitor-clips.ts`). With the allowed absence lowered to 3 s by the address's query,
 * each empty stretch is an absence violation.
 */

const clip = leaveAndReturnClip();
test.use({ launchOptions: fakeCameraLaunchOptions(clip) });

interface StoredMinute {
  id: string;
  stationId: string;
  minuteStartMs: number;
  rules: Record<string, { pass: number; fail: number; unknown: number; failMs: number }>;
  events?: { ruleId: string; startMs: number; endMs: number }[];
}

const storedMinutes = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<StoredMinute[]>((resolve, reject) => {
        const open = indexedDB.open('countercheck');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('minutes').objectStore('minutes').getAll();
          request.onsuccess = () => resolve(request.result as StoredMinute[]);
          request.onerror = () => reject(request.error);
        };
      }),
  );

test('monitoring a person who leaves the frame: an absence span, minute records in IndexedDB, break and stop', async ({ context, page }) => {
  test.setTimeout(180_000);
  await recordCameraTracks(context);
  await page.goto('/?allowedAbsenceMs=3000&monitorCheckpointMs=2000#monitor');
  await expect(page.getByRole('link', { name: 'Monitor' })).toHaveAttribute('aria-current', 'page');
  const start = page.getByRole('button', { name: /Start monitoring/ });
  await expect(start).toBeEnabled({ timeout: 90_000 });
  // The camera is off until the shift starts.
  expect(await cameraTracks(page)).toEqual({ opened: 0, live: 0 });
  // Keyboard: the button takes focus and Enter starts the shift.
  await start.focus();
  await page.keyboard.press('Enter');
  const status = page.locator('[data-monitor-status]');
  await expect(status).toHaveAttribute('data-monitor-status', 'running');
  await expect(status).toContainText('● Monitoring');
  expect(await cameraTracks(page)).toEqual({ opened: 1, live: 1 });
  // A share of the last minute is unknown until half of it is measured, and the row says so.
  await expect(page.locator('tr[data-rule="conduct.smile"] .status-cell')).toContainText(/Unknown\s+\d+(\.\d)? s of the 30 s needed measured/);

  // The checkpoint saves the minute in progress while monitoring goes on.
  await expect.poll(async () => (await storedMinutes(page)).length, { timeout: 30_000 }).toBeGreaterThan(0);
  const first = (await storedMinutes(page))[0]!;
  expect(Object.keys(first.rules).sort()).toEqual([
    'conduct.at_post',
    'conduct.awake',
    'conduct.face_customer',
    'conduct.no_eating',
    'conduct.no_grooming_in_public',
    'conduct.no_phone',
    'conduct.smile',
    // The posture rules are stored beside them.
    'posture.no_arms_crossed',
    'posture.no_chin_resting',
    'posture.no_lying_on_counter',
    'posture.shoulders_level',
    'posture.upright',
  ]);
  expect(first.minuteStartMs % 60_000).toBe(0);
  expect(JSON.stringify(first)).not.toMatch(/data:image|thumbnail/);

  // The empty table makes an absence: shown with its start and end once the person is back, and stored.
  const absence = page.locator('ol.events li[data-rule="conduct.at_post"][data-kind="violation"]').filter({ hasNotText: 'in progress' });
  await expect(absence.first()).toBeVisible({ timeout: 60_000 });
  await expect(absence.first()).toContainText(/\d\d:\d\d:\d\d\s+–\s+\d\d:\d\d:\d\d/);
  await expect(page.locator('tr[data-rule="conduct.at_post"] [data-violations]')).not.toHaveText('0');
  // The person sits upright at a desk: the posture rows judge it, and say why one cannot (the elbows are below the frame).
  const postureRows = page.getByRole('table', { name: 'Posture rules over the shift' });
  await expect(postureRows.locator('tr[data-rule="posture.upright"]')).toBeVisible();
  await expect(postureRows.locator('tr[data-rule="posture.no_arms_crossed"] .status-cell')).toContainText(/Unknown\s+elbows not visible or out of frame/);
  await expect
    .poll(async () => (await storedMinutes(page)).flatMap((minute) => minute.events ?? []).filter((e) => e.ruleId === 'conduct.at_post').length, {
      timeout: 30_000,
    })
    .toBeGreaterThan(0);
  const minutes = await storedMinutes(page);
  const spans = minutes.flatMap((minute) => (minute.events ?? []).map((event) => ({ ...event, minuteStartMs: minute.minuteStartMs })));
  const span = spans.find((event) => event.ruleId === 'conduct.at_post')!;
  // The empty stretch lasts 8 s of the clip (frames are taken at about 5 fps: allow for the sampling).
  expect(span.endMs - span.startMs).toBeGreaterThan(4000);
  expect(span.endMs - span.startMs).toBeLessThan(EMPTY_S * 1000 + 2500);
  expect(span.startMs - span.minuteStartMs).toBeGreaterThanOrEqual(0);
  expect(span.startMs - span.minuteStartMs).toBeLessThan(60_000);
  const atPostFrames = minutes.reduce((sum, minute) => sum + minute.rules['conduct.at_post']!.pass + minute.rules['conduct.at_post']!.fail, 0);
  expect(atPostFrames).toBeGreaterThan(10);

  // A break: pressed state with text, then ended.
  const breakButton = page.getByRole('button', { name: /Break/ });
  await breakButton.click();
  await expect(page.getByRole('button', { name: /End break/ })).toHaveAttribute('aria-pressed', 'true');
  await expect(status).toContainText('On break');
  // The key B ends it, wherever the focus is.
  await page.locator('body').focus();
  await page.keyboard.press('b');
  await expect(page.getByRole('button', { name: /Break/ })).toHaveAttribute('aria-pressed', 'false');
  await expect(page.locator('ol.events li[data-kind="break"]').first()).toBeVisible();

  // Stop saves the partial minute; the supervisor summary then counts the absence.
  const before = Date.now();
  await page.getByRole('button', { name: /Stop monitoring/ }).click();
  await expect(status).toHaveAttribute('data-monitor-status', 'stopped');
  await expect(status).toContainText(/[1-9]\d* minutes? saved/);
  // Stopping releases the camera at once.
  expect(await cameraTracks(page)).toEqual({ opened: 1, live: 0 });
  const after = await storedMinutes(page);
  expect(Math.max(...after.map((minute) => minute.minuteStartMs))).toBe(Math.floor(before / 60_000) * 60_000);
  // A break is not a violation: no stored event covers it.
  expect(after.flatMap((minute) => minute.events ?? []).every((event) => event.ruleId !== 'conduct.at_post' || event.endMs - event.startMs < 15_000)).toBe(true);

  await page.getByRole('link', { name: 'Supervisor' }).click();
  await expect(page.locator('cc-supervisor')).toBeVisible();
});

test('a background tab during monitoring: said so, the camera released, the time recorded as a gap, not an absence', async ({ context, page }) => {
  test.setTimeout(150_000);
  await recordCameraTracks(context);
  await startMonitoring(page);
  const status = page.locator('[data-monitor-status]');
  await expect(status).toContainText(/\b[1-9]\d* frames/);
  // Headless Chromium has no real tab switch: report the page hidden as the browser would.
  await page.evaluate(() => {
    document.querySelector('cc-app')!.hiddenCameraReleaseMs = 1000;
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await expect(page.locator('[data-monitor-hidden]')).toContainText('This tab is in the background');
  await expect(page.getByRole('button', { name: 'Start camera' })).toBeVisible({ timeout: 10_000 });
  expect(await cameraTracks(page)).toEqual({ opened: 1, live: 0 });
  await expect(page.locator('ul.gaps li[data-gap="hidden"]')).toContainText('now');
  await page.waitForTimeout(3000);
  await page.evaluate(() => {
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => false });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await expect(page.locator('[data-monitor-hidden]')).toHaveCount(0);
  await page.getByRole('button', { name: 'Start camera' }).click();
  const gap = page.locator('ul.gaps li[data-gap="hidden"]').first();
  await expect(gap).toContainText(/\d\d:\d\d:\d\d\s+–\s+\d\d:\d\d:\d\d: tab in the background/, { timeout: 30_000 });
  // The person was in view before and after: the gap is unknown time, never an absence.
  await expect(page.locator('tr[data-rule="conduct.at_post"] [data-violations]')).toHaveText('0');
  await expect(page.locator('tr[data-rule="conduct.at_post"] td').nth(3)).not.toHaveText('0 s');
  await page.getByRole('button', { name: /Stop monitoring/ }).click();
  await expect(status).toHaveAttribute('data-monitor-status', 'stopped');
  expect(await cameraTracks(page)).toEqual({ opened: 2, live: 0 });
});

test('a rate this computer cannot keep up with is said, with the setting that lowers it', async ({ page }) => {
  // 30 frames a second asks for 33 ms a frame; pose and face alone take about 60 here
  await startMonitoring(page, '?monitorFps=30');
  const status = page.locator('[data-monitor-status]');
  await expect(status).toContainText(/target 30\), \d+\s+ms of analysis each/);
  const behind = page.locator('[data-monitor-behind]');
  await expect(behind).toContainText('too long for 30 frames a second', { timeout: 60_000 });
  await expect(behind).toContainText('Set a lower monitorFps');
  await expect(behind).toContainText('under Live & self-check → Station setup → Monitoring rate and times');
  await page.getByRole('button', { name: /Stop monitoring/ }).click();
  await expect(behind).toHaveCount(0);
});
