import { join } from 'node:path';
import { expect, IMAGES, test } from './fixtures';

/**
 * The person segmenter (MediaPipe selfie segmentation, tfjs) in the page, on real photos: a man without a hat
 * (outside the labelled hat rows) and a woman in a peaked police hat. The head rules read the crown through the
 * person mask and report the head's outline as evidence.
 */
const NO_HAT = join(IMAGES, 'eyes_closed/kgr_drowsy.1cc7faac-a697-11ee-ac33-b206fbf79ce9.jpg');
const HAT = join(IMAGES, 'hat/selfsun_selfies_7_images_413.jpeg');

type Summary = {
  status: string;
  reason?: string;
  measures: Record<string, number>;
  hairMaskUsed: number | undefined;
  segmentationMs: number;
};

test('the head rules read the crown through the person mask, loaded from the app itself', async ({ page, network }) => {
  await page.route('**/__fixture/no-hat.jpg', (route) => route.fulfill({ path: NO_HAT }));
  await page.route('**/__fixture/hat.jpg', (route) => route.fulfill({ path: HAT }));
  await page.goto('/analyze.html?delegate=CPU');
  const judge = (url: string) =>
    page.evaluate(async (u) => {
      await window.countercheck.ready;
      const a = await window.countercheck.analyzeImage(u, u.split('/').pop()!, {});
      const v = a.rules['dress.no_hat'];
      return {
        status: v.status,
        reason: v.evidence.reason,
        measures: v.evidence.measures,
        hairMaskUsed: a.rules['grooming.hair_color_natural'].evidence.measures.personMaskUsed,
        segmentationMs: a.timing.segmentationMs,
      } as Summary;
    }, url);

  const bare = await judge('/__fixture/no-hat.jpg');
  expect(bare.status, JSON.stringify(bare)).toBe('pass');
  expect(bare.measures.personMaskUsed).toBe(1);
  expect(bare.hairMaskUsed).toBe(1);
  expect(bare.segmentationMs).toBeGreaterThan(0);
  // a bare head: its outline rises about 1 IOD over the forehead's top and is about 2.5 IOD wide
  expect(bare.measures.silhouetteTopCutOff).toBe(0);
  expect(bare.measures.silhouetteTopAboveMeshTopIod).toBeGreaterThan(0.6);
  expect(bare.measures.silhouetteTopAboveMeshTopIod).toBeLessThan(1.8);
  expect(bare.measures.silhouetteWidthAboveForeheadIod).toBeGreaterThan(2);
  expect(bare.measures.silhouetteWidthAboveForeheadIod).toBeLessThan(3.5);

  const hat = await judge('/__fixture/hat.jpg');
  expect(hat.status, JSON.stringify(hat)).toBe('fail');
  expect(hat.measures.personMaskUsed).toBe(1);

  expect(network.all.some((url) => url.endsWith('/models/selfie/selfie.json'))).toBe(true);
  expect(network.all.some((url) => url.endsWith('/models/selfie/selfie.bin'))).toBe(true);
});

test('without the segmenter file the page still analyses, and the head rules read colour alone', async ({ page }) => {
  await page.route('**/models/selfie/selfie.bin', (route) => route.fulfill({ status: 404, body: 'missing' }));
  await page.route('**/__fixture/hat.jpg', (route) => route.fulfill({ path: HAT }));
  await page.goto('/analyze.html?delegate=CPU');
  const result = await page.evaluate(async () => {
    await window.countercheck.ready;
    const a = await window.countercheck.analyzeImage('/__fixture/hat.jpg', 'hat.jpg', {});
    const v = a.rules['dress.no_hat'];
    return { status: v.status, personMaskUsed: v.evidence.measures.personMaskUsed, segmentationMs: a.timing.segmentationMs };
  });
  expect(result).toEqual({ status: 'fail', personMaskUsed: 0, segmentationMs: 0 });
});

test('the page says when the segmenter is missing, and how to restore it, while the head rules still judge', async ({ page }) => {
  await page.route('**/models/selfie/selfie.bin', (route) => route.fulfill({ status: 404, body: 'missing' }));
  await page.goto('/');
  const notice = page.locator('cc-status .notice');
  await expect(notice).toContainText('Person segmenter unavailable', { timeout: 60_000 });
  await expect(notice).toContainText('hat, hair colour and bangs read colour alone');
  await expect(notice).toContainText('npm run setup');
  await page.getByLabel('Photo or video file').setInputFiles(HAT);
  const hatChip = page.locator('cc-rule-chips li[data-rule="dress.no_hat"] button.chip');
  await expect(hatChip).toContainText('Fail', { timeout: 60_000 });
});

test('a station with the head rules off does not load the segmenter, and loads it when one is switched on', async ({ page, network }) => {
  await page.goto('/');
  const setup = page.locator('cc-station-setup');
  const headRules = ['dress.no_hat', 'grooming.hair_color_natural', 'grooming.bangs_above_brows'];
  for (const id of headRules) await setup.locator(`input[data-rule="${id}"]`).uncheck();
  const sinceReload = network.all.length;
  await page.reload();
  const segmenterFetched = () => network.all.slice(sinceReload).some((url) => url.includes('/models/selfie/'));

  await page.getByLabel('Photo or video file').setInputFiles(HAT);
  const chip = (id: string) => page.locator(`cc-rule-chips li[data-rule="${id}"] button.chip`);
  await expect(chip('dress.no_sunglasses')).toContainText('Pass', { timeout: 60_000 });
  await expect(chip('dress.no_hat')).toContainText('Off');
  expect(segmenterFetched()).toBe(false);

  await setup.locator('input[data-rule="dress.no_hat"]').check();
  await expect(chip('dress.no_hat')).toContainText('Fail', { timeout: 60_000 });
  await expect.poll(segmenterFetched).toBe(true);
  await chip('dress.no_hat').click();
  const maskRow = page.locator('cc-rule-chips li[data-rule="dress.no_hat"] tr', { hasText: 'person mask used' });
  await expect(maskRow.locator('td').nth(1)).toHaveText('1');
});
