/** Display helpers: views format numbers, they never compute geometry. */
export const formatDegrees = (value: number | null | undefined): string =>
  value === null || value === undefined || !Number.isFinite(value) ? '–' : `${Math.round(value)}°`;

export const formatScore = (value: number | null | undefined): string =>
  value === null || value === undefined || !Number.isFinite(value) ? '–' : value.toFixed(2);

export const formatMs = (value: number | null | undefined): string =>
  value === null || value === undefined || !Number.isFinite(value) ? '–' : `${Math.round(value)} ms`;
