import type { PeopleInFrame } from '../core/person/select-person';

/** Display helpers: views format numbers, they never compute geometry. */
export const formatDegrees = (value: number | null | undefined): string =>
  value === null || value === undefined || !Number.isFinite(value) ? '–' : `${Math.round(value)}°`;

export const formatScore = (value: number | null | undefined): string =>
  value === null || value === undefined || !Number.isFinite(value) ? '–' : value.toFixed(2);

export const formatMs = (value: number | null | undefined): string =>
  value === null || value === undefined || !Number.isFinite(value) ? '–' : `${Math.round(value)} ms`;

/** A span of time, rounded to the second: "45 s", "1 min", "2 min 5 s", "1 h 3 min"; a zero smaller unit is left out. */
export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  const [large, small] = minutes < 60 ? [`${minutes} min`, `${seconds % 60} s`] : [`${Math.floor(minutes / 60)} h`, `${minutes % 60} min`];
  return small.startsWith('0 ') ? large : `${large} ${small}`;
}

/** A measure from a verdict's evidence, its unit read from the key's suffix (`…Deg`, `…Ms`, `…Ratio`). */
export function formatMeasure(key: string, value: number): string {
  if (/Deg$/.test(key)) return `${Math.round(value)}°`;
  if (/Ms$/.test(key)) return `${Math.round(value)} ms`;
  if (/(Ratio|Score|Probability)$/i.test(key)) return value.toFixed(2);
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}

/** "headFromVerticalDeg" -> "head from vertical". */
export const measureLabel = (key: string): string =>
  key
    .replace(/(Deg|Ms|Ratio)$/, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();

/** Whom the checker judges, for the live measures: "yes", "yes (nearest the camera, 3 in frame)", "no (2 in frame, none at the post)". */
export function describeJudgedPerson(present: boolean, people: PeopleInFrame): string {
  switch (people.choice) {
    case 'nobody':
      return present ? 'yes (no landmarks)' : 'no';
    case 'only':
      return present ? 'yes' : 'no';
    case 'nearest-camera':
      return `yes (nearest the camera, ${people.count} in frame)`;
    case 'at-calibrated-position':
      return `yes (at the calibrated position, ${people.count} in frame)`;
    case 'none-at-position':
      return `no (${people.count} in frame, none at the calibrated position)`;
  }
}
