import { fakeCameraLaunchOptions } from './fake-camera';
import { expect, test } from './fixtures';
import { dozingClip, EYES_SHUT_S, startMonitoring } from './monitor-clips';

/**
 * The fake camera loops a real person at a webcam with the eyes open 6 s, then shut 5 s. Shut that long
 * is dozing off (conduct.awake's `eyesClosedMaxMs`, 3 s), long before PERCLOS over a minute could say so.
 */

const clip = dozingClip();
test.use({ launchOptions: fakeCameraLaunchOptions(clip) });

test('monitoring eyes shut for 5 s: a dozing event in the live panel, from where the eyes shut', async ({ page }) => {
  test.setTimeout(120_000);
  await startMonitoring(page);

  const dozing = page.locator('ol.events li[data-rule="conduct.awake"][data-kind="violation"]').filter({ hasNotText: 'in progress' });
  await expect(dozing.first()).toBeVisible({ timeout: 60_000 });
  await expect(dozing.first()).toContainText('(eyes closed)');
  const [startIso, endIso] = await dozing.first().locator('time').evaluateAll((times) => times.map((time) => time.getAttribute('datetime')!));
  const seconds = (Date.parse(endIso!) - Date.parse(startIso!)) / 1000;
  // From the first shut frame to the last (frames about every 0.2 s), not from where the 3 s were reached.
  expect(seconds).toBeGreaterThan(3.5);
  expect(seconds).toBeLessThan(EYES_SHUT_S + 1);
  await page.getByRole('button', { name: /Stop monitoring/ }).click();
});
