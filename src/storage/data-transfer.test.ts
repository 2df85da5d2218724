import 'fake-indexeddb/auto';
import { deleteDB, type IDBPDatabase } from 'idb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ImportFileError } from '../core/summaries/export-file';
import { DAY_MS } from '../core/summaries/records';
import { summarizeRecords } from '../core/summaries/summarize-records';
import { atLocal, counts, fail, makeCheck, makeMinute, pass, TEST_NOW_MS, unknown } from '../core/summaries/test-records';
import { CheckRepository } from './check-repository';
import { exportData, importData } from './data-transfer';
import { type CounterCheckDB, openCounterCheckDB } from './db';
import { loadStationSummary } from './load-summary';
import { MinuteRepository } from './minute-repository';
import { withQuotaAfter } from './test-quota';

const SOURCE = 'countercheck-export-source';
const TARGET = 'countercheck-import-target';
const options = { nowMs: () => TEST_NOW_MS };

const checks = [
  makeCheck(1, 'A', '2026-03-09', { 'posture.upright': pass({ headFromVerticalDeg: 11 }), 'dress.badge_visible': unknown() }),
  makeCheck(2, 'A', '2026-03-10', { 'posture.upright': fail({ headFromVerticalDeg: 52 }), 'dress.badge_visible': pass() }),
  makeCheck(3, 'B', '2026-03-10', { 'posture.upright': pass() }),
];
const minutes = [
  makeMinute('A', '2026-03-09', 9, 0, { 'posture.upright': counts(800, 100, 0, 6000) }, [
    { ruleId: 'posture.upright', startMs: atLocal('2026-03-09', 9, 0) + 5000, endMs: atLocal('2026-03-09', 9, 0) + 11_000 },
  ]),
  makeMinute('A', '2026-03-10', 9, 0, { 'posture.upright': counts(900, 0, 0, 0) }),
  makeMinute('B', '2026-03-10', 9, 0, { 'posture.upright': counts(0, 900, 0, 60_000) }),
];

describe('export and import', () => {
  let source: IDBPDatabase<CounterCheckDB>;
  let target: IDBPDatabase<CounterCheckDB>;
  const openSource = async () => source;
  const openTarget = async () => target;
  const repositoriesOf = (open: () => Promise<IDBPDatabase<CounterCheckDB>>) => ({
    checks: new CheckRepository(open, options),
    minutes: new MinuteRepository(open, options),
  });

  beforeEach(async () => {
    source = await openCounterCheckDB(SOURCE);
    target = await openCounterCheckDB(TARGET);
    const repositories = repositoriesOf(openSource);
    for (const check of checks) await repositories.checks.add(check);
    await repositories.minutes.putMany(minutes);
  });
  afterEach(async () => {
    source.close();
    target.close();
    await deleteDB(SOURCE);
    await deleteDB(TARGET);
  });

  it('exports every record as JSON, without thumbnails', async () => {
    await new CheckRepository(openSource, options).add(
      makeCheck(4, 'C', '2026-03-11', { 'posture.upright': pass() }),
    );
    await source.put('checks', { ...checks[0]!, id: '00000000-0000-4000-8000-0000000000aa', thumbnail: new Blob([new Uint8Array(4)], { type: 'image/png' }) });
    const { file, json, corrupt } = await exportData(openSource, { nowMs: TEST_NOW_MS });
    expect(corrupt).toBe(0);
    expect(file).toMatchObject({ format: 'countercheck-export', version: 1, exportedAtMs: TEST_NOW_MS });
    expect(file.checks).toHaveLength(5);
    expect(file.minutes).toEqual(minutes);
    expect(json).not.toContain('thumbnail');
    expect(JSON.parse(json)).toEqual(file);
  });

  it('exports a day range', async () => {
    const { file } = await exportData(openSource, { nowMs: TEST_NOW_MS, fromDay: '2026-03-10', toDay: '2026-03-10' });
    expect(file.checks.map((c) => c.id).sort()).toEqual([checks[1]!.id, checks[2]!.id].sort());
    expect(file.minutes).toHaveLength(2);
  });

  it("exports only the stations' records it is given", async () => {
    const { file } = await exportData(openSource, { nowMs: TEST_NOW_MS, stationIds: ['B'] });
    expect(file.checks.map((c) => c.id)).toEqual([checks[2]!.id]);
    expect(file.minutes).toEqual([minutes[2]]);
    const none = await exportData(openSource, { nowMs: TEST_NOW_MS, stationIds: [] });
    expect(none.file.checks.length + none.file.minutes.length).toBe(0);
    const both = await exportData(openSource, { nowMs: TEST_NOW_MS, stationIds: ['A', 'B', 'nobody'] });
    expect(both.file.checks.length + both.file.minutes.length).toBe(checks.length + minutes.length);
  });

  it('round-trips into a fresh database with the same summary', async () => {
    const { json } = await exportData(openSource, { nowMs: TEST_NOW_MS });
    expect(await importData(openTarget, json, { nowMs: TEST_NOW_MS })).toEqual({ imported: 6, skipped: 0, invalid: [] });
    for (const station of ['A', 'B']) {
      const before = await loadStationSummary(repositoriesOf(openSource), station, '2026-01-01', '2026-12-31');
      const after = await loadStationSummary(repositoriesOf(openTarget), station, '2026-01-01', '2026-12-31');
      expect(after).toEqual(before);
    }
    const all = async (open: () => Promise<IDBPDatabase<CounterCheckDB>>) => {
      const repositories = repositoriesOf(open);
      return summarizeRecords((await repositories.checks.listAll()).records, (await repositories.minutes.listAll()).records);
    };
    expect(await all(openTarget)).toEqual(await all(openSource));
  });

  it('skips records already stored: importing twice changes nothing', async () => {
    const { json } = await exportData(openSource, { nowMs: TEST_NOW_MS });
    await importData(openTarget, json, { nowMs: TEST_NOW_MS });
    expect(await importData(openTarget, json, { nowMs: TEST_NOW_MS })).toEqual({ imported: 0, skipped: 6, invalid: [] });
    // Into the source itself: every id is there already.
    expect(await importData(openSource, json, { nowMs: TEST_NOW_MS })).toEqual({ imported: 0, skipped: 6, invalid: [] });
    expect(await target.count('checks')).toBe(3);
    expect(await target.count('minutes')).toBe(3);
  });

  it('merges: new ids are added, stored ones kept as they are', async () => {
    const { json } = await exportData(openSource, { nowMs: TEST_NOW_MS, fromDay: '2026-03-09', toDay: '2026-03-09' });
    await importData(openTarget, json, { nowMs: TEST_NOW_MS });
    const { json: everything } = await exportData(openSource, { nowMs: TEST_NOW_MS });
    expect(await importData(openTarget, everything, { nowMs: TEST_NOW_MS })).toEqual({ imported: 4, skipped: 2, invalid: [] });
  });

  it('reports every invalid record and imports nothing', async () => {
    const { file } = await exportData(openSource, { nowMs: TEST_NOW_MS });
    const hostile = {
      ...file,
      checks: [
        ...file.checks,
        { ...checks[0], id: '00000000-0000-4000-8000-0000000000bb', stationId: 'x'.repeat(500) },
        JSON.parse(JSON.stringify({ ...checks[0], id: '00000000-0000-4000-8000-0000000000cc' }).replace('"verdicts":{', '"verdicts":{"__proto__":{"isAdmin":true},')),
      ],
      minutes: [
        ...file.minutes,
        { ...minutes[0], events: [{ ruleId: 'posture.upright', startMs: minutes[0]!.minuteStartMs, endMs: TEST_NOW_MS + 400 * DAY_MS }] },
      ],
    };
    const report = await importData(openTarget, JSON.stringify(hostile), { nowMs: TEST_NOW_MS });
    expect(report.imported).toBe(0);
    expect(report.invalid).toEqual([
      { collection: 'checks', index: 3, reason: 'stationId: 500 characters, more than 64' },
      { collection: 'checks', index: 4, reason: 'verdicts: forbidden key "__proto__"' },
      { collection: 'minutes', index: 3, reason: expect.stringContaining('events[0].endMs: a date in the future') },
    ]);
    expect(await target.count('checks')).toBe(0);
    expect(await target.count('minutes')).toBe(0);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('names the problem with a file it cannot read at all', async () => {
    const { json } = await exportData(openSource, { nowMs: TEST_NOW_MS });
    await expect(importData(openTarget, json.slice(0, -3), { nowMs: TEST_NOW_MS })).rejects.toThrow(/truncated/);
    await expect(importData(openTarget, json, { nowMs: TEST_NOW_MS, maxBytes: 1000 })).rejects.toThrow(ImportFileError);
    await expect(importData(openTarget, json, { nowMs: TEST_NOW_MS, maxBytes: 1000 })).rejects.toThrow(/too large/);
    await expect(importData(openTarget, '{"format":"countercheck-export","version":7}', { nowMs: TEST_NOW_MS })).rejects.toThrow(
      'version 7',
    );
    expect(await target.count('checks')).toBe(0);
  });

  it('keeps HTML in imported strings as plain text', async () => {
    const html = '<img src=x onerror="alert(1)">';
    const check = makeCheck(9, html, '2026-03-10', { 'posture.upright': fail({}, '<b>not upright</b>') });
    const json = JSON.stringify({ format: 'countercheck-export', version: 1, exportedAtMs: TEST_NOW_MS, checks: [check], minutes: [] });
    expect(await importData(openTarget, json, { nowMs: TEST_NOW_MS })).toEqual({ imported: 1, skipped: 0, invalid: [] });
    const [stored] = (await new CheckRepository(openTarget, options).listByStation(html, '2026-03-10', '2026-03-10')).records;
    expect(stored!.stationId).toBe(html);
    expect(stored!.verdicts['posture.upright']!.reason).toBe('<b>not upright</b>');
  });

  it('writes nothing when storage fills part-way through an import', async () => {
    const { json } = await exportData(openSource, { nowMs: TEST_NOW_MS });
    await expect(importData(async () => withQuotaAfter(target, 3), json, { nowMs: TEST_NOW_MS })).rejects.toMatchObject({
      kind: 'quota-exceeded',
    });
    expect(await target.count('checks')).toBe(0);
    expect(await target.count('minutes')).toBe(0);
  });
});
