#!/usr/bin/env node
// npm run bench -- --supervisor-year [--days 250 --checks-per-day 2 --minutes-per-day 480 --runs 5]
// (or node scripts/bench-supervisor.mjs …)
// Seeds a working year of one station (self-checks and per-minute monitoring summaries) into IndexedDB
// in headless Chromium, then times the supervisor view over that year: the query (records read through
// the indexes, validated and summarized; minutes come as per-day rollups, cached after the first, cold
// query) and the view (date change until the year's summary and charts are drawn). Prints medians; the
// last line is one JSON object.
import { parseArgs } from 'node:util';
import { openHarness } from './lib/harness.mjs';
import { median, round } from './lib/stats.mjs';

const { values } = parseArgs({
  options: {
    'supervisor-year': { type: 'boolean', default: true },
    days: { type: 'string', default: '250' },
    'checks-per-day': { type: 'string', default: '2' },
    'minutes-per-day': { type: 'string', default: '480' },
    runs: { type: 'string', default: '5' },
  },
});

const STATION = 'station-bench1';
const harness = await openHarness({ quiet: true });
try {
  const seeded = await harness.page.evaluate(
    async ({ station, days, checksPerDay, minutesPerDay }) =>
      (await window.countercheck.supervisorBench()).seedBenchYear(station, days, checksPerDay, minutesPerDay),
    { station: STATION, days: Number(values.days), checksPerDay: Number(values['checks-per-day']), minutesPerDay: Number(values['minutes-per-day']) },
  );
  const timings = await harness.page.evaluate(
    async ({ fromDay, toDay, runs }) => (await window.countercheck.supervisorBench()).timeSupervisor(fromDay, toDay, runs),
    { fromDay: seeded.fromDay, toDay: seeded.toDay, runs: Number(values.runs) },
  );
  if (harness.externalRequests.length) throw new Error(`requests left this machine: ${harness.externalRequests.join(', ')}`);
  if (harness.pageErrors.length) throw new Error(`page errors: ${harness.pageErrors.join('; ')}`);
  const queryMs = median(timings.queryMs);
  const viewMs = median(timings.viewMs);
  console.log(`seeded ${seeded.checks} self-checks and ${seeded.minutes} minutes, ${seeded.fromDay} to ${seeded.toDay}, in ${round(seeded.seedMs / 1000, 1)} s`);
  console.log(`read back ${timings.checkCount} self-checks and ${timings.minuteCount} minutes per load`);
  console.log(`first query after seeding (fills the per-day rollup cache from the minutes): ${round(timings.coldQueryMs)} ms`);
  console.log(`query (read + validate + summarize), ${timings.queryMs.length} runs: ${timings.queryMs.map((ms) => round(ms)).join(', ')} ms; median ${round(queryMs)} ms`);
  console.log(`view (date change to the year drawn), ${timings.viewMs.length} runs: ${timings.viewMs.map((ms) => round(ms)).join(', ')} ms; median ${round(viewMs)} ms`);
  console.log(
    JSON.stringify({
      days: Number(values.days),
      checks: seeded.checks,
      minutes: seeded.minutes,
      runs: timings.queryMs.length,
      coldQueryMs: round(timings.coldQueryMs),
      queryMs: round(queryMs),
      viewMs: round(viewMs),
      renderMs: round(Math.max(0, viewMs - queryMs)),
    }),
  );
} finally {
  await harness.close();
}
