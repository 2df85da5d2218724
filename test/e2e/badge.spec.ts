import { join } from 'node:path';
import { expect, IMAGES, measure, test } from './fixtures';

/**
 * Real photos. The only badge photo outside LABELS.tsv (badge_lanyard/) shows no card in the chest crop (a hand
 * and a laptop hide it: the model rightly answers unsure), so both come from the dress.badge_visible rows: a
 * man with a lanyard card, and a student with backpack straps and an open book held aside.
 */
const WITH_BADGE = join(IMAGES, 'badge_visible/idcard_happy-young-man-blank-badge-260nw-2456063211.jpg');
const WITHOUT_BADGE = join(IMAGES, 'no_badge_front/noid_indian-college-student-holding-diary-260nw-2194191875.jpg');

type Summary = { status: string; reason?: string; measures: Record<string, number>; badgeMeasured: boolean };

test.describe('dress.badge_visible: the badge model on real photos in the page', () => {
  test('off by default and its model not loaded; turned on, a lanyard badge passes with a box and a chest without one fails', async ({ page, network }) => {
    await page.route('**/__fixture/with-badge.jpg', (route) => route.fulfill({ path: WITH_BADGE }));
    await page.route('**/__fixture/without-badge.jpg', (route) => route.fulfill({ path: WITHOUT_BADGE }));
    await page.goto('/analyze.html?delegate=CPU');
    const judge = (url: string, allRules: boolean) =>
      page.evaluate(
        async ([u, all]) => {
          await window.countercheck.ready;
          const a = await window.countercheck.analyzeImage(u, u.split('/').pop()!, { allRules: all });
          const v = a.rules['dress.badge_visible'];
          return { status: v.status, reason: v.evidence.reason, measures: v.evidence.measures, badgeMeasured: a.badge?.measured ?? false } as Summary;
        },
        [url, allRules] as const,
      );

    // By default the rule is off and the page never asks for the badge model.
    const byDefault = await judge('/__fixture/with-badge.jpg', false);
    expect(byDefault).toMatchObject({ status: 'off', reason: 'rule off by default', badgeMeasured: false });
    expect(network.all.some((url) => url.includes('/models/badge/'))).toBe(false);

    // Turned on (as npm run eval does), the model is fetched from the app itself and finds the lanyard card.
    const withBadge = await judge('/__fixture/with-badge.jpg', true);
    expect(withBadge.status, JSON.stringify(withBadge)).toBe('pass');
    const m = withBadge.measures;
    expect(m.badgeProbability).toBeGreaterThanOrEqual(0.5);
    // the box lies inside the chest box and is small against it
    expect(m.badgeBoxX).toBeGreaterThanOrEqual(m.chestBoxX! - 1e-6);
    expect(m.badgeBoxY).toBeGreaterThanOrEqual(m.chestBoxY! - 1e-6);
    expect(m.badgeBoxX! + m.badgeBoxWidth!).toBeLessThanOrEqual(m.chestBoxX! + m.chestBoxWidth! + 1e-6);
    expect(m.badgeBoxY! + m.badgeBoxHeight!).toBeLessThanOrEqual(m.chestBoxY! + m.chestBoxHeight! + 1e-6);
    expect(m.badgeBoxWidth! * m.badgeBoxHeight!).toBeLessThan(0.5 * m.chestBoxWidth! * m.chestBoxHeight!);
    expect(network.all.some((url) => url.endsWith('/models/badge/weights.bin'))).toBe(true);

    const withoutBadge = await judge('/__fixture/without-badge.jpg', true);
    expect(withoutBadge.status, JSON.stringify(withoutBadge)).toBe('fail');
    expect(withoutBadge.reason).toBe('no badge seen on the chest');
    expect(withoutBadge.measures.badgeProbability).toBeLessThanOrEqual(0.3);
  });
});

test('the page shows the badge chip as off by default, says why in both languages, and loads no badge model', async ({ page, network }) => {
  await page.goto('/');
  await page.getByLabel('Photo or video file').setInputFiles(WITH_BADGE);
  await expect(page.locator('.source-label')).toContainText('idcard_happy-young-man-blank-badge-260nw-2456063211.jpg');
  const chip = page.locator('cc-rule-chips li[data-rule="dress.badge_visible"] button.chip');
  await expect(chip).toContainText('Wear the work badge · 佩戴工作证', { timeout: 60_000 });
  // the photo is judged (a person is found in it) before the badge chip is read
  await expect(measure(page, 'person')).toHaveText('yes', { timeout: 60_000 });
  await expect(chip).toContainText('Off');
  await chip.focus();
  await page.keyboard.press('Enter');
  const details = page.getByRole('region', { name: /Wear the work badge evidence/ });
  await expect(details).toContainText('Off by default · 默认关闭');
  await expect(details).toContainText('默认关闭: 胸卡检测器');
  expect(network.all.some((url) => url.includes('/models/badge/'))).toBe(false);
});
