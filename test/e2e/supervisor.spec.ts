import { readFile } from 'node:fs/promises';
import type { Download, Locator, Page } from '@playwright/test';
import { buildExportFile, serializeExportFile } from '../../src/core/summaries/export-file';
import { kAnonymize } from '../../src/core/summaries/k-anonymize';
import { addDays, localDay } from '../../src/core/summaries/local-day';
import { summarizeRecords } from '../../src/core/summaries/summarize-records';
import { seedYear } from '../../src/storage/seed';
import { acceptConsentIn, expect, expectAllStoresEmpty, test, watchNetwork } from './fixtures';

/**
 * The supervisor view end to end, with records built here from the app's own seed and export code: two
 * stations with 15 working days each, and a third with a single morning (2 self-checks, under k = 5).
 */

const K = 5;
const FIRST_DAY = addDays(localDay(Date.now()), -27); // inside the default range (the last 30 days)
const stationA = seedYear('counter-a', 15, 2, 20, { firstDay: FIRST_DAY, seed: 1 });
const stationB = seedYear('counter-b', 15, 2, 20, { firstDay: FIRST_DAY, seed: 2 });
const stationC = seedYear('counter-c', 1, 2, 0, { firstDay: FIRST_DAY, seed: 3 });
const CHECKS = [...stationA.checks, ...stationB.checks, ...stationC.checks];
const MINUTES = [...stationA.minutes, ...stationB.minutes, ...stationC.minutes];
const RECORD_COUNT = CHECKS.length + MINUTES.length;
const EXPORT_JSON = serializeExportFile(buildExportFile(CHECKS, MINUTES, Date.now()));

/** What the view should show, from the same pure code. */
const EXPECTED = kAnonymize(summarizeRecords(CHECKS, MINUTES), K);
const percent = (rate: number | null) => (rate === null ? '–' : `${Math.round(rate * 100)}%`);
const EXPECTED_TEAM_RATES = EXPECTED.team.totals.map((tally) => percent(tally.passRate));
const EXPECTED_CSV_ROWS = [EXPECTED.team, ...EXPECTED.stations].reduce(
  (rows, group) => rows + group.days.reduce((sum, day) => sum + day.rules.length, 0),
  0,
);

const jsonFile = (name: string, text: string) => ({ name, mimeType: 'application/json', buffer: Buffer.from(text) });

const supervisor = (page: Page) => page.locator('cc-supervisor');
const importReport = (page: Page) => supervisor(page).locator('[data-region="import"]');
const teamRates = (page: Page) => supervisor(page).locator('table[data-table="rules"] td[data-cell="pass-rate"]');

async function openSupervisor(page: Page): Promise<void> {
  await page.goto('/#supervisor');
  await expect(supervisor(page).getByText('This data lives in this browser only (IndexedDB). Nothing is sent anywhere.')).toBeVisible();
}

async function importText(page: Page, name: string, text: string): Promise<Locator> {
  await supervisor(page).getByLabel('Import a JSON export').setInputFiles(jsonFile(name, text));
  const report = importReport(page);
  await expect(report.locator('[data-import]')).toBeVisible();
  return report;
}

async function download(page: Page, button: string): Promise<{ download: Download; text: string }> {
  const [event] = await Promise.all([page.waitForEvent('download'), supervisor(page).getByRole('button', { name: button }).click()]);
  return { download: event, text: await readFile((await event.path())!, 'utf8') };
}

test.describe('supervisor view', () => {
  test('imports records, summarizes them anonymously with charts, exports CSV and JSON, and round-trips', async ({ page, browser }) => {
    await openSupervisor(page);
    await expect(supervisor(page).getByText('No records yet: run a self-check or start monitoring')).toBeVisible();

    // Import: every record added, none skipped or invalid.
    const report = await importText(page, 'team.json', EXPORT_JSON);
    await expect(report.locator('[data-import="done"]')).toHaveAttribute('data-imported', String(RECORD_COUNT));
    await expect(report.locator('[data-import="done"]')).toHaveAttribute('data-skipped', '0');
    await expect(report).toContainText(`imported ${RECORD_COUNT} records; skipped 0 duplicates`);

    // The team summary: pass rate per rule as computed from the same records.
    await expect(supervisor(page).locator('[data-totals]')).toContainText(`${CHECKS.length} self-checks and ${MINUTES.length} monitored minutes from 3 stations`);
    await expect(teamRates(page)).toHaveText(EXPECTED_TEAM_RATES);

    // Charts: SVG lines and bars, described for screen readers by rule.
    const trend = supervisor(page).locator('figure[data-chart="trend"] svg[role="img"]');
    await expect(trend.locator('path.line')).toHaveCount(EXPECTED.team.trends.length);
    await expect(trend.locator('path.markers')).toHaveCount(EXPECTED.team.trends.length);
    expect(await trend.locator('path.line').first().getAttribute('d')).toMatch(/^M[\d.]+ [\d.]+(L[\d.]+ [\d.]+)+/);
    const trendLabel = (await trend.getAttribute('aria-label'))!;
    for (const title of ['Sit upright', 'Do not lie on the counter', 'Keep the shoulders level', 'Do not fold the arms across the chest']) {
      expect(trendLabel).toContain(title);
    }
    const bars = supervisor(page).locator('figure[data-chart="pass-rate"] svg[role="img"]');
    await expect(bars.locator('rect.bar')).toHaveCount(EXPECTED.team.totals.length);
    expect(await bars.getAttribute('aria-label')).toContain('Sit upright: ');
    // The data table behind the trend chart: one row per day.
    await expect(supervisor(page).locator('table[data-table="trend"] tbody tr')).toHaveCount(EXPECTED.team.days.length);
    // No image of anyone anywhere in the view.
    await expect(supervisor(page).locator('img, video, canvas')).toHaveCount(0);

    // k-anonymity: counter-c (2 records) is not shown on its own, and the view says why.
    const stations = supervisor(page).locator('table[data-table="stations"] tbody tr');
    await expect(stations).toHaveCount(2);
    await expect(stations.locator('th')).toHaveText(['counter-a', 'counter-b']);
    await expect(supervisor(page).locator('[data-note="hidden-stations"]')).toContainText('1 station with fewer than 5 records');
    await expect(supervisor(page).getByRole('combobox', { name: 'Station' }).locator('option')).toHaveText([
      'All stations (team)',
      'counter-a',
      'counter-b',
    ]);
    // Raising k past a station's records hides it too.
    await supervisor(page).getByLabel('k (fewest records to show a station)').fill(String(stationA.checks.length + stationA.minutes.length + 1));
    await supervisor(page).getByLabel('k (fewest records to show a station)').press('Enter');
    await expect(supervisor(page).locator('[data-note="hidden-stations"]')).toContainText('3 stations');
    await supervisor(page).getByLabel('k (fewest records to show a station)').fill(String(K));
    await supervisor(page).getByLabel('k (fewest records to show a station)').press('Enter');
    await expect(stations).toHaveCount(2);

    // One station's detail.
    await supervisor(page).getByRole('combobox', { name: 'Station' }).selectOption('counter-a');
    await expect(supervisor(page).locator('#summary-title')).toContainText('Station counter-a');
    const expectedA = EXPECTED.stations.find((group) => group.stationId === 'counter-a')!;
    await expect(teamRates(page)).toHaveText(expectedA.totals.map((tally) => percent(tally.passRate)));
    await supervisor(page).getByRole('combobox', { name: 'Station' }).selectOption('');
    await expect(teamRates(page)).toHaveText(EXPECTED_TEAM_RATES);

    // CSV: header and one row per group (team, counter-a, counter-b), day and rule; counter-c is left out.
    const csv = await download(page, 'Export CSV summary');
    expect(csv.download.suggestedFilename()).toMatch(/^countercheck-summary_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = csv.text.split('\r\n').filter((line) => line !== '');
    expect(lines[0]).toBe('stationId,day,ruleId,checks,pass,fail,unknown,passRate,postureMinutes,violationMinutes');
    expect(lines).toHaveLength(1 + EXPECTED_CSV_ROWS);
    expect(csv.text).not.toContain('counter-c');

    // JSON, by default: only the stations with at least k records, as the view and the CSV.
    const anonymized = JSON.parse((await download(page, 'Export JSON records')).text) as { checks: { stationId: string }[]; minutes: { stationId: string }[] };
    expect(anonymized.checks.length + anonymized.minutes.length).toBe(RECORD_COUNT - stationC.checks.length - stationC.minutes.length);
    expect(new Set([...anonymized.checks, ...anonymized.minutes].map((record) => record.stationId))).toEqual(new Set(['counter-a', 'counter-b']));
    await expect(supervisor(page).locator('[data-region="notice"]')).toContainText('stations under k are left out');

    // JSON with every station ticked: every record of the range, to move the data.
    await supervisor(page).getByLabel('JSON: include stations under k (a full copy to move the data)').check();
    const json = await download(page, 'Export JSON records');
    expect(json.download.suggestedFilename()).toMatch(/^countercheck-export_.*\.json$/);
    const exported = JSON.parse(json.text) as { format: string; checks: unknown[]; minutes: unknown[] };
    expect(exported.format).toBe('countercheck-export');
    expect(exported.checks.length + exported.minutes.length).toBe(RECORD_COUNT);

    // The same file again: all duplicates, nothing changes.
    const again = await importText(page, 'team.json', EXPORT_JSON);
    await expect(again.locator('[data-import="done"]')).toHaveAttribute('data-imported', '0');
    await expect(again.locator('[data-import="done"]')).toHaveAttribute('data-skipped', String(RECORD_COUNT));
    await expect(teamRates(page)).toHaveText(EXPECTED_TEAM_RATES);
    await expect(supervisor(page).locator('[data-totals]')).toContainText(`${CHECKS.length} self-checks`);

    // Round trip: a fresh browser profile imports the exported JSON and shows the same team figures.
    const fresh = await browser.newContext();
    await acceptConsentIn(fresh);
    try {
      const other = await fresh.newPage();
      const network = watchNetwork(other);
      await openSupervisor(other);
      await expect(supervisor(other).getByText('No records yet: run a self-check or start monitoring')).toBeVisible();
      const roundTrip = await importText(other, 'exported.json', json.text);
      await expect(roundTrip.locator('[data-import="done"]')).toHaveAttribute('data-imported', String(RECORD_COUNT));
      await expect(teamRates(other)).toHaveText(EXPECTED_TEAM_RATES);
      expect(network.external).toEqual([]);
    } finally {
      await fresh.close();
    }
  });

  test('a hostile file is refused with a message, nothing in it is rendered as HTML, and the summary stays', async ({ page }) => {
    await openSupervisor(page);
    await importText(page, 'team.json', EXPORT_JSON);
    await expect(teamRates(page)).toHaveText(EXPECTED_TEAM_RATES);
    const before = await supervisor(page).locator('[data-summary]').innerText();

    // A record carrying a __proto__ key, next to a valid record from a station named with HTML: the
    // whole file is refused (all or nothing).
    const valid = JSON.parse(serializeExportFile(buildExportFile([stationA.checks[0]!], [], Date.now()))) as {
      checks: Record<string, unknown>[];
    };
    const htmlStation = { ...valid.checks[0]!, id: '11111111-1111-4111-8111-111111111111', stationId: '<img src=x onerror="window.__pwned=1">' };
    const polluted = `{"format":"countercheck-export","version":1,"exportedAtMs":${Date.now()},"checks":[${JSON.stringify(
      htmlStation,
    )},${JSON.stringify(valid.checks[0]).replace(/^\{/, '{"__proto__":{"polluted":true},')}],"minutes":[]}`;
    const name = '<img src=x onerror="window.__pwned=1">.json';
    const report = await importText(page, name, polluted);
    await expect(report.locator('[data-import="invalid"]')).toContainText('was not imported');
    await expect(report.locator('[data-import="invalid"]')).toContainText('checks[1]: check: forbidden key "__proto__"');
    // The file name is shown as text, not markup.
    await expect(report).toContainText(name);

    // A file whose top level is hostile is refused as a whole.
    const topLevel = await importText(
      page,
      'proto.json',
      `{"__proto__":{"polluted":true},"format":"countercheck-export","version":1,"exportedAtMs":${Date.now()},"checks":[],"minutes":[]}`,
    );
    await expect(topLevel.locator('[data-import="refused"]')).toContainText('forbidden key "__proto__"');

    // A hostile rule id is quoted in the report as text.
    const badRule = JSON.stringify({ ...valid, checks: [{ ...valid.checks[0]!, verdicts: { '<b>bold</b>': { status: 'pass', measures: {} } } }] });
    const ruleReport = await importText(page, 'rule.json', badRule);
    await expect(ruleReport.locator('[data-import="invalid"]')).toContainText('not a rule id: "<b>bold</b>"');

    await expect(supervisor(page).locator('img, b')).toHaveCount(0);
    expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(await page.evaluate(() => ({} as { polluted?: unknown }).polluted)).toBeUndefined();
    await expect(teamRates(page)).toHaveText(EXPECTED_TEAM_RATES);
    expect(await supervisor(page).locator('[data-summary]').innerText()).toBe(before);

    // A station id holding HTML passes validation (it is only a pseudonym string), and shows as text.
    const HTML_ID = '<img src=x onerror="window.__pwned=1">';
    const htmlChecks = stationA.checks.slice(0, K).map((check, i) => ({ ...check, id: `abcdef0${i}-0000-4000-8000-000000000000`, stationId: HTML_ID }));
    const accepted = await importText(page, 'html-station.json', serializeExportFile(buildExportFile(htmlChecks, [], Date.now())));
    await expect(accepted.locator('[data-import="done"]')).toHaveAttribute('data-imported', String(K));
    await expect(supervisor(page).locator('table[data-table="stations"] tbody th').filter({ hasText: HTML_ID })).toHaveCount(1);
    await expect(supervisor(page).getByRole('combobox', { name: 'Station' }).locator('option', { hasText: HTML_ID })).toHaveCount(1);
    await expect(supervisor(page).locator('img, b')).toHaveCount(0);
    expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
  });

  test('clearing all data asks for confirmation, then shows the empty state', async ({ page }) => {
    await openSupervisor(page);
    await importText(page, 'team.json', EXPORT_JSON);
    await expect(teamRates(page)).toHaveText(EXPECTED_TEAM_RATES);

    const dialog = supervisor(page).getByRole('dialog', { name: 'Clear all data?' });
    await supervisor(page).getByRole('button', { name: 'Clear all data…' }).click();
    await expect(dialog).toBeVisible();
    const confirm = dialog.getByRole('button', { name: 'Delete all data' });
    await expect(confirm).toBeDisabled();
    // Cancel keeps everything.
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    await expect(teamRates(page)).toHaveText(EXPECTED_TEAM_RATES);

    // The same with the keyboard alone: Escape cancels too.
    await supervisor(page).getByRole('button', { name: 'Clear all data…' }).focus();
    await page.keyboard.press('Enter');
    await expect(dialog).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(teamRates(page)).toHaveText(EXPECTED_TEAM_RATES);

    await supervisor(page).getByRole('button', { name: 'Clear all data…' }).focus();
    await page.keyboard.press('Enter');
    const word = dialog.getByLabel('Type DELETE to confirm');
    await expect(word).toBeFocused();
    await page.keyboard.type('delete');
    await expect(confirm).toBeDisabled();
    await word.fill('');
    await page.keyboard.type('DELETE');
    await expect(confirm).toBeEnabled();
    await page.keyboard.press('Tab'); // Cancel
    await page.keyboard.press('Tab'); // Delete all data
    await expect(confirm).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(supervisor(page).getByText('No records yet: run a self-check or start monitoring')).toBeVisible();
    await expect(supervisor(page).getByRole('status').filter({ hasText: 'was deleted' })).toBeVisible();
    await expectAllStoresEmpty(page);
    await page.reload();
    await expect(supervisor(page).getByText('No records yet: run a self-check or start monitoring')).toBeVisible();
  });

  test('a PIN, once set, is asked for after a reload', async ({ page }) => {
    await openSupervisor(page);
    await importText(page, 'team.json', EXPORT_JSON);
    await expect(supervisor(page).getByText('A PIN only deters casual viewing', { exact: false })).toBeVisible();

    await supervisor(page).getByRole('button', { name: 'Set PIN' }).click();
    await supervisor(page).getByLabel('New PIN').fill('2468');
    await supervisor(page).getByLabel('Repeat the PIN').fill('2468');
    await supervisor(page).getByRole('button', { name: 'Save PIN' }).click();
    await expect(supervisor(page).getByText('PIN set.')).toBeVisible();
    // Only a salted hash is stored.
    const stored = await page.evaluate(() => localStorage.getItem('countercheck.supervisorPin'));
    expect(stored).not.toContain('2468');

    await page.reload();
    await expect(supervisor(page).getByRole('heading', { name: 'Enter the supervisor PIN' })).toBeVisible();
    await expect(supervisor(page).locator('table')).toHaveCount(0);
    await expect(supervisor(page).getByText('not encrypted', { exact: false })).toBeVisible();
    await supervisor(page).getByLabel('PIN', { exact: true }).fill('1111');
    await supervisor(page).getByRole('button', { name: 'Unlock' }).click();
    await expect(supervisor(page).getByText('That PIN is not right.')).toBeVisible();
    await supervisor(page).getByLabel('PIN', { exact: true }).fill('2468');
    await supervisor(page).getByRole('button', { name: 'Unlock' }).click();
    await expect(teamRates(page)).toHaveText(EXPECTED_TEAM_RATES);

    // Removing it opens the view without asking.
    await supervisor(page).getByRole('button', { name: 'Remove PIN' }).click();
    await page.reload();
    await expect(teamRates(page)).toHaveText(EXPECTED_TEAM_RATES);
  });
});
