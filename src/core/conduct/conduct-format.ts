/** Seconds with one decimal, for reasons: 2500 -> '2.5'. */
export const seconds = (ms: number): string => String(Math.round(ms / 100) / 10);

/** A share as a whole percentage, for reasons: 0.314 -> '31%'. */
export const percent = (share: number): string => `${Math.round(share * 100)}%`;

/** 0..1, NaN -> 0. */
export const clampUnit = (value: number): number => (Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0);
