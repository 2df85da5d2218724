/** Display helpers: views format numbers, they never compute geometry. */
export const formatDegrees = (value: number | null | undefined): string =>
  value === null || value === undefined || !Number.isFinite(value) ? '–' : `${Math.round(value)}°`;

export const formatScore = (value: number | null | undefined): string =>
  value === null || value === undefined || !Number.isFinite(value) ? '–' : value.toFixed(2);

export const formatMs = (value: number | null | undefined): string =>
  value === null || value === undefined || !Number.isFinite(value) ? '–' : `${Math.round(value)} ms`;

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
