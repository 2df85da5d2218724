import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { CONSENT_VERSION } from '../../src/core/privacy/consent';
import { buildExportFile, serializeExportFile } from '../../src/core/summaries/export-file';
import { addDays, localDay } from '../../src/core/summaries/local-day';
import { CONSENT_KEY } from '../../src/storage/privacy-preferences';
import { seedYear } from '../../src/storage/seed';
import { expect, expectAllStoresEmpty, measure, storeCounts, test, watchNetwork } from './fixtures';

const privacyDialog = (page: Page) => page.getByRole('dialog', { name: '隐私与数据 · Privacy and your data' });
const eraseDialog = (page: Page) => page.getByRole('dialog', { name: '删除全部数据？· Erase all data?' });

async function openPrivacy(page: Page): Promise<string> {
  await page.getByRole('button', { name: '隐私 · Privacy' }).click();
  await expect(privacyDialog(page)).toBeVisible();
  return (await privacyDialog(page).locator('[data-station-id]').innerText()).trim();
}

test('on a fresh profile nothing runs until the consent is accepted, by keyboard; then the live view runs when asked and the acceptance is remembered', async ({
  browser,
}) => {
  const context = await browser.newContext(); // no seeded acceptance: a first visit
  try {
    await context.addInitScript(() => {
      const calls = { count: 0 };
      (window as unknown as { __cameraRequests: typeof calls }).__cameraRequests = calls;
      const devices = navigator.mediaDevices;
      const original = devices.getUserMedia.bind(devices);
      devices.getUserMedia = (constraints) => {
        calls.count += 1;
        return original(constraints);
      };
    });
    const page = await context.newPage();
    const network = watchNetwork(page);
    await page.goto('/');

    const consent = page.locator('cc-consent[mode="first-run"]');
    await expect(consent.getByRole('heading', { name: '开始之前 · Before CounterCheck starts' })).toBeVisible();
    await expect(consent).toContainText('No frame or image ever leaves this device, and none is stored');
    await expect(consent).toContainText('任何画面或图像都不会离开本设备');
    await expect(consent).toContainText('IndexedDB');
    await expect(consent).toContainText('older than 90 days');
    await expect(consent).toContainText('隐私 · Privacy');

    // Give a camera or a model every chance to start: none may.
    await page.waitForTimeout(2500);
    expect(await page.evaluate(() => (window as unknown as { __cameraRequests: { count: number } }).__cameraRequests.count)).toBe(0);
    await expect(page.locator('cc-stage, video')).toHaveCount(0);
    expect(network.all.filter((url) => /\/models\/|\.wasm|\.task|\.tflite/.test(url))).toEqual([]);

    // Keyboard only: the heading has focus, Tab reaches Accept, Enter presses it.
    await page.keyboard.press('Tab');
    const accept = consent.getByRole('button', { name: '同意并开始 · Accept and start' });
    await expect(accept).toBeFocused();
    await page.keyboard.press('Enter');

    await expect(page.locator('cc-consent[mode="first-run"]')).toHaveCount(0);
    // Accepting does not turn the camera on: it waits for Start camera (or a check, or a shift).
    await expect(page.locator('cc-stage')).toContainText('The camera is off');
    await page.waitForTimeout(1500);
    await expect(page.locator('cc-status progress')).toHaveCount(0, { timeout: 60_000 }); // the models loaded
    expect(await page.evaluate(() => (window as unknown as { __cameraRequests: { count: number } }).__cameraRequests.count)).toBe(0);
    await page.getByRole('button', { name: 'Start camera' }).click();
    await expect(page.locator('cc-stage video')).toBeVisible();
    await expect(measure(page, 'fps')).toHaveText(/^\d+(\.\d)? fps$/, { timeout: 60_000 });
    expect(await page.evaluate(() => (window as unknown as { __cameraRequests: { count: number } }).__cameraRequests.count)).toBe(1);
    const stored = JSON.parse((await page.evaluate((key) => localStorage.getItem(key), CONSENT_KEY))!) as { version: number };
    expect(stored.version).toBe(CONSENT_VERSION);

    // Remembered: a reload goes straight to the live screen (its camera off until asked for).
    await page.reload();
    await expect(page.locator('cc-stage')).toContainText('The camera is off');
    await expect(page.getByRole('button', { name: 'Start camera' })).toBeVisible();
    await expect(page.locator('cc-consent[mode="first-run"]')).toHaveCount(0);

    // An acceptance of an older text no longer counts: asked again, camera not requested.
    await page.evaluate(([key, version]) => localStorage.setItem(key, JSON.stringify({ version, acceptedAtMs: Date.now() })), [
      CONSENT_KEY,
      CONSENT_VERSION - 1,
    ] as const);
    await page.reload();
    await expect(page.locator('cc-consent[mode="first-run"]')).toBeVisible();
    await page.waitForTimeout(1000);
    expect(await page.evaluate(() => (window as unknown as { __cameraRequests: { count: number } }).__cameraRequests.count)).toBe(0);
    expect(network.external).toEqual([]);
  } finally {
    await context.close();
  }
});

test('the privacy dialog: old records purged at startup, own records exported, a new pseudonym, erase with confirmation leaves IndexedDB empty, consent withdrawn', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto('/#supervisor'); // the supervisor screen: no camera needed here
  const stationId = await openPrivacy(page);
  expect(stationId).toMatch(/^station-[0-9a-f]{6}$/);
  await expect(privacyDialog(page).locator('cc-consent[mode="review"]')).toContainText('No frame or image ever leaves this device');
  await privacyDialog(page).getByRole('button', { name: '关闭 · Close' }).click();

  // This station's recent records, another station's, and this station's from 120 days ago.
  const today = localDay(Date.now());
  const own = seedYear(stationId, 3, 2, 4, { firstDay: addDays(today, -6), seed: 11 });
  const other = seedYear('counter-other', 3, 2, 4, { firstDay: addDays(today, -6), seed: 12 });
  const old = seedYear(stationId, 2, 2, 4, { firstDay: addDays(today, -121), seed: 13 });
  const checks = [...own.checks, ...other.checks, ...old.checks];
  const minutes = [...own.minutes, ...other.minutes, ...old.minutes];
  await page
    .locator('cc-supervisor')
    .getByLabel('Import a JSON export')
    .setInputFiles({ name: 'team.json', mimeType: 'application/json', buffer: Buffer.from(serializeExportFile(buildExportFile(checks, minutes, Date.now()))) });
  await expect(page.locator('cc-supervisor [data-import="done"]')).toHaveAttribute('data-imported', String(checks.length + minutes.length));
  expect(await storeCounts(page)).toMatchObject({ checks: checks.length, minutes: minutes.length });

  // Retention: the next start deletes what is older than 90 days, nothing else, and says so.
  await page.goto('/'); // a new document: the app starts again
  await expect(page.locator('cc-status').getByRole('status')).toContainText(
    `Deleted ${old.checks.length + old.minutes.length} records older than 90 days (retention).`,
  );
  await page.goto('/#supervisor');
  await expect.poll(() => storeCounts(page)).toMatchObject({
    checks: own.checks.length + other.checks.length,
    minutes: own.minutes.length + other.minutes.length,
  });

  // The retention field refuses a period out of range, with a message.
  await openPrivacy(page);
  const days = privacyDialog(page).getByLabel('天数 · Days');
  await expect(days).toHaveValue('90');
  await days.fill('0');
  await days.press('Enter');
  await expect(privacyDialog(page).getByRole('alert')).toContainText('The retention period must be from 1 to 3650 days.');
  await days.fill('365');
  await privacyDialog(page).getByRole('button', { name: '保存 · Save' }).click();
  await expect(privacyDialog(page).getByRole('status')).toContainText('Records are now kept for 365 days');
  await expect(privacyDialog(page).getByRole('alert')).toBeEmpty();

  // Export my records: this station's only, no other station, no image.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    privacyDialog(page).getByRole('button', { name: '导出我的记录 (JSON) · Export my records (JSON)' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`countercheck-my-records_${stationId}_${today}.json`);
  const exported = JSON.parse(await readFile((await download.path())!, 'utf8')) as {
    checks: { stationId: string }[];
    minutes: { stationId: string }[];
  };
  expect(exported.checks).toHaveLength(own.checks.length);
  expect(exported.minutes).toHaveLength(own.minutes.length);
  expect(new Set([...exported.checks, ...exported.minutes].map((record) => record.stationId))).toEqual(new Set([stationId]));
  await expect(privacyDialog(page).getByRole('status')).toContainText(`Saved ${own.checks.length + own.minutes.length} records of station ${stationId}`);

  // A new pseudonym: the page restarts under it.
  await Promise.all([page.waitForEvent('load'), privacyDialog(page).getByRole('button', { name: '更换代号 · New pseudonym' }).click()]);
  const renamed = await openPrivacy(page);
  expect(renamed).toMatch(/^station-[0-9a-f]{6}$/);
  expect(renamed).not.toBe(stationId);

  // Erase: Cancel (the default button) keeps everything...
  await privacyDialog(page).getByRole('button', { name: '删除全部数据… · Erase all my data…' }).click();
  await expect(eraseDialog(page)).toBeVisible();
  await expect(eraseDialog(page).getByRole('button', { name: '取消 · Cancel' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(eraseDialog(page)).toBeHidden();
  expect((await storeCounts(page)).checks).toBe(own.checks.length + other.checks.length);

  // ...confirming erases every store, and the pseudonym with them.
  await privacyDialog(page).getByRole('button', { name: '删除全部数据… · Erase all my data…' }).click();
  await Promise.all([page.waitForEvent('load'), eraseDialog(page).getByRole('button', { name: '全部删除 · Erase everything' }).click()]);
  await expect(page.getByRole('button', { name: '隐私 · Privacy' })).toBeVisible();
  await expectAllStoresEmpty(page);
  const afterErase = await openPrivacy(page);
  expect(afterErase).not.toBe(renamed);
  await expect(page.locator('cc-supervisor').getByText('No records yet: run a self-check or start monitoring')).toBeAttached();

  // Withdrawing consent brings the notice back and stops everything.
  await privacyDialog(page).getByRole('button', { name: '撤回同意 · Withdraw consent' }).click();
  await expect(page.locator('cc-consent[mode="first-run"]')).toBeVisible();
  await expect(page.locator('cc-supervisor, cc-stage')).toHaveCount(0);
  expect(await page.evaluate((key) => localStorage.getItem(key), CONSENT_KEY)).toBeNull();
});

/** Every stored record of every store, as sorted JSON, read in the page. */
function storedRecords(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const request = indexedDB.open('countercheck');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const database = request.result;
          const names = Array.from(database.objectStoreNames).sort();
          const tx = database.transaction(names, 'readonly');
          const all: Record<string, unknown[]> = {};
          for (const name of names) {
            const read = tx.objectStore(name).getAll();
            read.onsuccess = () => (all[name] = read.result);
          }
          tx.oncomplete = () => {
            database.close();
            resolve(JSON.stringify(all));
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

test('hostile import files are each refused with a message naming the problem, and the stored data stays exactly as it was', async ({ page }) => {
  const today = localDay(Date.now());
  const base = seedYear('counter-a', 6, 2, 3, { firstDay: addDays(today, -9), seed: 21 });
  await page.goto('/#supervisor');
  const supervisor = page.locator('cc-supervisor');
  const importFile = async (name: string, text: string | Buffer) => {
    await supervisor.getByLabel('Import a JSON export').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
    return supervisor.locator('[data-region="import"]');
  };
  const baseReport = await importFile('base.json', serializeExportFile(buildExportFile(base.checks, base.minutes, Date.now())));
  await expect(baseReport.locator('[data-import="done"]')).toHaveAttribute('data-imported', String(base.checks.length + base.minutes.length));
  const before = await storedRecords(page);
  const summaryBefore = await supervisor.locator('[data-summary]').innerText();

  // Valid new records from another station ride along in each file: a partial import would store them.
  const extra = seedYear('counter-new', 2, 2, 2, { firstDay: addDays(today, -3), seed: 22 });
  const extraFile = JSON.parse(serializeExportFile(buildExportFile(extra.checks, extra.minutes, Date.now()))) as {
    version: number;
    checks: Record<string, unknown>[];
    minutes: Record<string, unknown>[];
  };
  const withCheck = (bad: Record<string, unknown>) => JSON.stringify({ ...extraFile, checks: [...extraFile.checks, bad] });
  const firstCheck = extraFile.checks[0]!;
  const badId = '99999999-9999-4999-8999-999999999999';
  const validText = JSON.stringify(extraFile);

  const setImportLimit = (bytes: number) =>
    supervisor.evaluate((element: HTMLElement & { importMaxBytes: number }, limit) => (element.importMaxBytes = limit), bytes);

  // Over a (configured) size limit: refused before it is read.
  expect(validText.length).toBeGreaterThan(1000);
  await setImportLimit(1000);
  const oversized = await importFile('oversized.json', validText);
  await expect(oversized.locator('[data-import="refused"]')).toContainText('The file is too large');
  expect(await storedRecords(page)).toBe(before);
  await setImportLimit(10 * 1024 * 1024);

  const cases: [string, string, string][] = [
    ['truncated.json', validText.slice(0, validText.length - 25), 'cut off (truncated)'],
    ['malformed.json', '{"format": countercheck-export}', 'not valid JSON'],
    ['version.json', JSON.stringify({ ...extraFile, version: 7 }), 'export version 7; this app reads version 1'],
    ['constructor.json', `{"constructor":{"prototype":{"polluted":1}},${validText.slice(1)}`, 'forbidden key "constructor"'],
    [
      'prototype.json',
      withCheck({ ...firstCheck, id: badId, verdicts: JSON.parse('{"posture.upright":{"status":"pass","measures":{"prototype":1}}}') }),
      'forbidden key "prototype"',
    ],
    ['future.json', withCheck({ ...firstCheck, id: badId, startedAtMs: Date.UTC(2999, 0, 1), finishedAtMs: Date.UTC(2999, 0, 1) }), 'a date in the future'],
    [
      'range.json',
      withCheck({ ...firstCheck, id: badId, verdicts: { 'posture.upright': { status: 'pass', measures: { headFromVerticalDeg: 1e12 } } } }),
      'out of range',
    ],
    [
      'infinity.json',
      withCheck({ ...firstCheck, id: badId, verdicts: { 'posture.upright': { status: 'pass', measures: { headFromVerticalDeg: '__INF__' } } } }).replace('"__INF__"', '1e400'),
      'not a finite number',
    ],
    [
      '<script>window.__pwned=1</script>.json',
      withCheck({ ...firstCheck, id: badId, stationId: '<script>window.__pwned=1</script>', verdicts: { '<img src=x onerror=window.__pwned=1>': { status: 'pass', measures: {} } } }),
      'not a rule id: "<img src=x onerror=window.__pwned=1>"',
    ],
  ];
  for (const [name, text, problem] of cases) {
    const report = await importFile(name, text);
    await expect(report.locator('[data-import="refused"], [data-import="invalid"]'), name).toContainText(problem);
    await expect(report, name).toContainText(`${name} was not imported`);
    expect(await storedRecords(page), `${name}: stored data unchanged`).toBe(before);
  }
  await expect(supervisor.locator('script, img')).toHaveCount(0);
  expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
  expect(await page.evaluate(() => Object.keys(Object.prototype).length + String(({} as Record<string, unknown>).polluted))).toBe('0undefined');
  expect(await supervisor.locator('[data-summary]').innerText()).toBe(summaryBefore);

  // The same extra records, valid and under the limit, are then imported whole: the refusals were the files' fault.
  const accepted = await importFile('extra.json', validText);
  await expect(accepted.locator('[data-import="done"]')).toHaveAttribute('data-imported', String(extra.checks.length + extra.minutes.length));
  expect(await storedRecords(page)).not.toBe(before);
});
