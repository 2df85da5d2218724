// Event accuracy of the conduct rules on labelled photos played as a shift: each photo of a violation is
// on screen for a few seconds between stretches of normal work, and the events the time rules find are
// matched with the ones planted. Issue 7's goal: every event longer than 3 s found, at most one false event
// per 10 minutes of normal work.

/** The conduct rules that log events a moment long (awake: a drowsy span). */
export const EVENT_RULES = ['conduct.awake', 'conduct.no_grooming_in_public', 'conduct.no_phone', 'conduct.no_eating'];

export const DEFAULT_EVENT_PLAN = Object.freeze({
  /** How long each violation is on screen: just over the goal's 3 s. */
  eventMs: 4000,
  /** Normal work before the first event and after each: a whole window of the share rules (awake's PERCLOS). */
  normalBetweenMs: 60_000,
  /** How long each normal-work photo stays on screen before the next. */
  normalPhotoMs: 10_000,
});

const TEN_MINUTES_MS = 600_000;

/**
 * Lays out the shift from LABELS.tsv rows ({file, rule, expected}). Normal work is the photos whose every
 * row passes, shown in turn; each `fail` row of an event rule is one planted event.
 * Returns the photos to play (`files`, indexed by the spans), the spans, the planted events and a
 * timeline naming what is on screen when.
 */
export function planEventSequence(rows, plan = DEFAULT_EVENT_PLAN) {
  const rowsByFile = new Map();
  for (const row of rows) rowsByFile.set(row.file, [...(rowsByFile.get(row.file) ?? []), row]);
  const normalFiles = [...rowsByFile].filter(([, fileRows]) => fileRows.every((row) => row.expected === 'pass')).map(([file]) => file);
  const plantedRows = rows.filter((row) => EVENT_RULES.includes(row.rule) && row.expected === 'fail');
  if (normalFiles.length === 0 || plantedRows.length === 0) return null;

  const files = [...new Set([...normalFiles, ...plantedRows.map((row) => row.file)])];
  const stillOf = new Map(files.map((file, index) => [file, index]));
  const spans = [];
  const timeline = [];
  const planted = [];
  let atMs = 0;
  let nextNormal = 0;
  const show = (file, durationMs, plantedRule) => {
    spans.push({ still: stillOf.get(file), durationMs });
    timeline.push({ file, startMs: atMs, endMs: atMs + durationMs, planted: plantedRule });
    atMs += durationMs;
  };
  const normalWork = () => {
    for (let left = plan.normalBetweenMs; left > 0; left -= plan.normalPhotoMs) {
      show(normalFiles[nextNormal], Math.min(left, plan.normalPhotoMs), null);
      nextNormal = (nextNormal + 1) % normalFiles.length;
    }
  };
  normalWork();
  for (const row of plantedRows) {
    planted.push({ rule: row.rule, file: row.file, startMs: atMs, endMs: atMs + plan.eventMs });
    show(row.file, plan.eventMs, row.rule);
    normalWork();
  }
  const normalMs = timeline.filter((entry) => entry.planted === null).reduce((sum, entry) => sum + entry.endMs - entry.startMs, 0);
  return { files, spans, planted, timeline, normalMs, normalPhotos: normalFiles.length };
}

// An event found for a planted one begins while it is on screen: one begun before (an open span from normal
// work, still failing) did not find it.
const beginsIn = (event, span) => event.startMs >= span.startMs && event.startMs < span.endMs;

/**
 * Matches the events found ({ruleId, kind, startMs, endMs, label}) with the planted ones, per event rule:
 * a planted event is found when an event of its rule begins while it is on screen; an event beginning in
 * none of its rule's planted events is false, counted against normal work when it began on a normal photo
 * and as a confusion when it began on another rule's violation.
 */
export function scoreEvents(sequence, events) {
  const violations = events.filter((event) => event.kind === 'violation' && EVENT_RULES.includes(event.ruleId));
  const onScreenAt = (ms) => sequence.timeline.find((entry) => entry.startMs <= ms && ms < entry.endMs) ?? sequence.timeline.at(-1);
  const rules = {};
  for (const rule of EVENT_RULES) {
    const planted = sequence.planted.filter((event) => event.rule === rule);
    const found = violations.filter((event) => event.ruleId === rule);
    const missed = planted.filter((span) => !found.some((event) => beginsIn(event, span)));
    const unmatched = found.filter((event) => !planted.some((span) => beginsIn(event, span)));
    const falseEvents = unmatched.map((event) => ({ ...event, file: onScreenAt(event.startMs).file, duringPlanted: onScreenAt(event.startMs).planted }));
    const inNormalWork = falseEvents.filter((event) => event.duringPlanted === null);
    rules[rule] = {
      planted: planted.length,
      found: planted.length - missed.length,
      recall: planted.length === 0 ? null : (planted.length - missed.length) / planted.length,
      falseInNormalWork: inNormalWork.length,
      falsePer10Min: sequence.normalMs === 0 ? null : (inNormalWork.length * TEN_MINUTES_MS) / sequence.normalMs,
      confusions: falseEvents.length - inNormalWork.length,
      missed: missed.map((span) => span.file),
      falseEvents,
    };
  }
  return rules;
}
