// Turns the harness's clip events (conduct events and posture fail spans, times in ms from the video's start) into the CLI's lines.

/** 83200 -> "1:23.2": minutes and seconds to a tenth. */
export function videoTime(ms) {
  const tenths = Math.round(ms / 100);
  const minutes = Math.floor(tenths / 600);
  const seconds = (tenths % 600) / 10;
  return `${minutes}:${seconds.toFixed(1).padStart(4, '0')}`;
}

/** One readable line per event: where it starts and ends in the video, how long, which rule, what was seen. */
export function toEventLine(file, event) {
  const what = event.kind === 'break' ? 'break' : 'violation';
  const label = event.label && event.label !== 'break' ? ` (${event.label})` : '';
  const seconds = ((event.endMs - event.startMs) / 1000).toFixed(1);
  return `${file}: ${videoTime(event.startMs)} – ${videoTime(event.endMs)} (${seconds} s) ${event.ruleId} ${what}${label}`;
}

/** The documented one-object-a-line shape of `countercheck analyze --events --json`. */
export function toEventRecord(file, event) {
  return {
    file,
    ruleId: event.ruleId,
    kind: event.kind,
    startMs: Math.round(event.startMs),
    endMs: Math.round(event.endMs),
    durationMs: Math.round(event.endMs - event.startMs),
    label: event.label,
    peak: event.peak,
  };
}

/** The closing line for a video: frames, length and how many events. */
export function toEventsSummary(file, result) {
  const count = result.events.length;
  return `${file}: ${count} event${count === 1 ? '' : 's'} over ${(result.durationMs / 1000).toFixed(1)} s (${result.frames} frames)`;
}
