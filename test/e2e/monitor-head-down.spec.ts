import { fakeCameraLaunchOptions } from './fake-camera';
import { expect, test } from './fixtures';
import { headDownClip, startMonitoring } from './monitor-clips';

/**
 * The fake camera loops a real webcam capture: a person facing it lowers the head onto the desk and stays
 * there, face hidden, body landmarks lost. Only the object detector's person box still sees them: that is
 * lying on the counter, not an empty post.
 */

const clip = headDownClip();
test.use({ launchOptions: fakeCameraLaunchOptions(clip) });

test('monitoring a head lowered onto the desk: a lying-on-the-counter violation, counted and listed among the latest events', async ({ page }) => {
  test.setTimeout(120_000);
  await startMonitoring(page);

  const lying = page.locator('tr[data-rule="posture.no_lying_on_counter"]');
  await expect(lying.locator('[data-violations]')).not.toHaveText('0', { timeout: 60_000 });
  // and among the latest events, with its start, as a conduct event would be
  const event = page.locator('ol.events li[data-rule="posture.no_lying_on_counter"][data-kind="violation"]').first();
  await expect(event).toContainText('Do not lie on the counter');
  await expect(event.locator('time').first()).toHaveAttribute('datetime', /^\d{4}-\d\d-\d\dT/);
  await page.getByRole('button', { name: /Stop monitoring/ }).click();
});
