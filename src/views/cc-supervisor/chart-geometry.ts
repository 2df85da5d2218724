import { addDays, dayNumber } from '../../core/summaries/local-day';
import type { LocalDay } from '../../core/summaries/records';

/**
 * Chart geometry for the supervisor's SVG charts. Pure: numbers and strings in, numbers and SVG path
 * strings out; no DOM, no lit. Coordinates are SVG user units (`Pixel*` in the chart's viewBox).
 */

export interface PixelPoint {
  readonly x: number;
  readonly y: number;
}

/** Maps `domain` linearly onto `range`; a zero-width domain maps every value to the middle of the range. */
export function linearScale(domain: readonly [number, number], range: readonly [number, number]): (value: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  if (!Number.isFinite(d0) || !Number.isFinite(d1) || !Number.isFinite(r0) || !Number.isFinite(r1)) {
    throw new RangeError(`scale needs finite bounds, got domain ${d0}..${d1}, range ${r0}..${r1}`);
  }
  if (d0 === d1) {
    const middle = (r0 + r1) / 2;
    return () => middle;
  }
  const factor = (r1 - r0) / (d1 - d0);
  return (value) => r0 + (value - d0) * factor;
}

/** The smallest "round" number (1, 2, 2.5, 5 × 10^n) at or above `value`; 1 for zero, negative or non-finite values. */
export function niceCeiling(value: number): number {
  if (!Number.isFinite(value) || value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) {
    const candidate = step * power;
    // Tolerate float noise: 0.30000000000000004 is 0.3.
    if (candidate >= value * (1 - 1e-12)) return candidate;
  }
  return 10 * power;
}

/** `count + 1` evenly spaced ticks from 0 to `max`, both included. */
export function evenTicks(max: number, count = 4): number[] {
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`tick count must be a whole number of at least 1, got ${count}`);
  if (!Number.isFinite(max) || max <= 0) return [0];
  return Array.from({ length: count + 1 }, (_, i) => (max * i) / count);
}

/** Days from `fromDay` to `toDay` to label on a day axis: the first, then every `step` days, at most `maxTicks`. */
export function dayTicks(fromDay: LocalDay, toDay: LocalDay, maxTicks = 6): LocalDay[] {
  const from = dayNumber(fromDay);
  const to = dayNumber(toDay);
  if (from === null || to === null) throw new RangeError(`not a date range (YYYY-MM-DD): ${fromDay}..${toDay}`);
  if (!Number.isInteger(maxTicks) || maxTicks < 1) throw new RangeError(`maxTicks must be a whole number of at least 1, got ${maxTicks}`);
  if (to < from) return [];
  const span = to - from;
  if (span === 0 || maxTicks === 1) return [fromDay];
  const step = Math.max(1, Math.ceil(span / (maxTicks - 1)));
  const ticks: LocalDay[] = [];
  for (let offset = 0; offset <= span; offset += step) ticks.push(addDays(fromDay, offset));
  return ticks;
}

/** One decimal is plenty in a viewBox hundreds of units wide, and keeps path strings short. */
const coordinate = (value: number): string => String(Math.round(value * 10) / 10);

/**
 * An SVG path through the points, left to right as given. A null breaks the line (no data that day): the
 * next point starts a new sub-path. A lone point makes a move with no line; draw a marker to show it.
 * No points: an empty string.
 */
export function linePath(points: readonly (PixelPoint | null)[]): string {
  const parts: string[] = [];
  let drawing = false;
  for (const point of points) {
    if (point === null) {
      drawing = false;
      continue;
    }
    parts.push(`${drawing ? 'L' : 'M'}${coordinate(point.x)} ${coordinate(point.y)}`);
    drawing = true;
  }
  return parts.join('');
}

/** Marker shapes, so a series is told apart by shape as well as colour and dash. */
export const MARKER_SHAPES = Object.freeze(['circle', 'square', 'triangle', 'diamond', 'triangle-down'] as const);
export type MarkerShape = (typeof MARKER_SHAPES)[number];

/** One closed marker of `size` (its width, viewBox units) centred on the point, as path commands. */
export function markerPath(shape: MarkerShape, point: PixelPoint, size: number): string {
  const r = size / 2;
  const { x, y } = point;
  const c = coordinate;
  switch (shape) {
    case 'circle':
      return `M${c(x - r)} ${c(y)}a${c(r)} ${c(r)} 0 1 0 ${c(2 * r)} 0a${c(r)} ${c(r)} 0 1 0 ${c(-2 * r)} 0Z`;
    case 'square':
      return `M${c(x - r)} ${c(y - r)}H${c(x + r)}V${c(y + r)}H${c(x - r)}Z`;
    case 'triangle':
      return `M${c(x)} ${c(y - r)}L${c(x + r)} ${c(y + r)}L${c(x - r)} ${c(y + r)}Z`;
    case 'triangle-down':
      return `M${c(x)} ${c(y + r)}L${c(x + r)} ${c(y - r)}L${c(x - r)} ${c(y - r)}Z`;
    case 'diamond':
      return `M${c(x)} ${c(y - r)}L${c(x + r)} ${c(y)}L${c(x)} ${c(y + r)}L${c(x - r)} ${c(y)}Z`;
  }
}

/** Every point's marker in one path, so a long series is one DOM node, not one per day. */
export const markersPath = (shape: MarkerShape, points: readonly PixelPoint[], size: number): string =>
  points.map((point) => markerPath(shape, point, size)).join('');

/** Where a chart draws inside its viewBox. */
export interface PlotArea {
  readonly width: number;
  readonly height: number;
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

/** A day's value of one series; null when the series has no data that day. */
export interface DayValue {
  readonly day: LocalDay;
  readonly value: number | null;
}

export interface DaySeriesInput {
  readonly id: string;
  readonly values: readonly DayValue[];
}

export interface DaySeriesGeometry {
  readonly id: string;
  /** The line (empty when the series has no values). */
  readonly path: string;
  /** Where each value is, for markers. */
  readonly points: readonly PixelPoint[];
}

export interface Tick {
  /** Position along the axis, viewBox units. */
  readonly position: number;
  readonly value: number;
}

export interface DayTick {
  readonly position: number;
  readonly day: LocalDay;
}

export interface TrendGeometry {
  readonly plot: PlotArea;
  /** The top of the value axis (`yMax`, or a round number above the largest value). */
  readonly yMax: number;
  readonly yTicks: readonly Tick[];
  readonly xTicks: readonly DayTick[];
  readonly series: readonly DaySeriesGeometry[];
}

export interface TrendOptions {
  readonly plot: PlotArea;
  /** The day axis runs from `fromDay` to `toDay`, both included. */
  readonly fromDay: LocalDay;
  readonly toDay: LocalDay;
  /** Fixed top of the value axis (100 for percentages); default: a round number above the largest value. */
  readonly yMax?: number;
  /** Intervals on the value axis. Default 4. */
  readonly yTickCount?: number;
  /** Most day labels. Default 6. */
  readonly maxDayTicks?: number;
}

/**
 * Lines over days: x from the day's place in `fromDay..toDay`, y from its value (0 at the bottom). A day
 * missing from a series, or null, breaks its line; days outside the range are left out.
 */
export function trendGeometry(inputs: readonly DaySeriesInput[], options: TrendOptions): TrendGeometry {
  const { plot, fromDay, toDay } = options;
  const from = dayNumber(fromDay);
  const to = dayNumber(toDay);
  if (from === null || to === null || to < from) throw new RangeError(`not a date range (YYYY-MM-DD): ${fromDay}..${toDay}`);
  let largest = 0;
  for (const input of inputs) {
    for (const { value } of input.values) if (value !== null && Number.isFinite(value)) largest = Math.max(largest, value);
  }
  const yMax = options.yMax ?? niceCeiling(largest);
  const x = linearScale([from, to], [plot.left, plot.width - plot.right]);
  const y = linearScale([0, yMax], [plot.height - plot.bottom, plot.top]);
  const series = inputs.map((input) => {
    const byDay = new Map<number, number | null>();
    for (const { day, value } of input.values) {
      const number = dayNumber(day);
      if (number !== null && number >= from && number <= to) byDay.set(number, value !== null && Number.isFinite(value) ? value : null);
    }
    const line: (PixelPoint | null)[] = [];
    const points: PixelPoint[] = [];
    // Only the days passed in are drawn, joined in order: a day with no records at all (a weekend) does
    // not break the line; an explicit null (records that day, none for this series) does.
    for (const day of [...byDay.keys()].sort((a, b) => a - b)) {
      const value = byDay.get(day)!;
      if (value === null) {
        line.push(null);
        continue;
      }
      const point = { x: x(day), y: y(value) };
      line.push(point);
      points.push(point);
    }
    return { id: input.id, path: linePath(line), points };
  });
  return {
    plot,
    yMax,
    yTicks: evenTicks(yMax, options.yTickCount ?? 4).map((value) => ({ value, position: y(value) })),
    xTicks: dayTicks(fromDay, toDay, options.maxDayTicks ?? 6).map((day) => ({ day, position: x(dayNumber(day)!) })),
    series,
  };
}

/** A band per item along an axis (a bar chart's rows): `start(i)` and the band's `size`. */
export function bandLayout(count: number, range: readonly [number, number], paddingRatio = 0.25): { start: (index: number) => number; size: number } {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a whole number, got ${count}`);
  if (!(paddingRatio >= 0 && paddingRatio < 1)) throw new RangeError(`paddingRatio must be 0..1, got ${paddingRatio}`);
  const [r0, r1] = range;
  if (count === 0) return { start: () => r0, size: 0 };
  const step = (r1 - r0) / count;
  const size = step * (1 - paddingRatio);
  return { start: (index) => r0 + index * step + (step - size) / 2, size };
}

/**
 * At most `maxCount` of the points, evenly spread and always keeping the first and the last: markers for
 * a long series, so each line stays recognisable by its marker shape without a blot of overlapping marks.
 */
export function thinPoints<T>(points: readonly T[], maxCount: number): T[] {
  if (!Number.isInteger(maxCount) || maxCount < 1) throw new RangeError(`maxCount must be a whole number of at least 1, got ${maxCount}`);
  if (points.length <= maxCount) return [...points];
  if (maxCount === 1) return [points[0]!];
  const step = (points.length - 1) / (maxCount - 1);
  return Array.from({ length: maxCount }, (_, i) => points[Math.round(i * step)]!);
}
