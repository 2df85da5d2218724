import type { RgbaImage } from '../pixels/rgba-image';
import { DEFAULT_ENROLLED_BADGE_CONFIG, type EnrolledBadgeConfig } from './badge-config';
import type { NormalizedBox } from './normalized-box';
import { COLOUR_BINS, colourHistogram, greyOf, sampleBoxRgb } from './sample-box';

/*
 * A station's own badge, enrolled once from the camera: a few views of the box the badge was held in,
 * each reduced to numbers (a small zero-mean, unit-norm grey template and a colour histogram). No image
 * is kept. `matchEnrolledBadge` (badge-matcher.ts) looks for it on the chest at check time.
 */

export const ENROLLED_BADGE_VERSION = 1;
/** Most views one enrolment keeps. */
export const ENROLLED_BADGE_VIEWS_MAX = 8;

/** One captured view of the badge, as numbers. */
export interface EnrolledBadgeView {
  /** `columns` x `rows` grey levels, row-major, minus their mean and divided by their norm (sum 0, sum of squares 1). */
  readonly grey: readonly number[];
  /** Joint RGB histogram (4 levels a channel, 64 bins), summing to 1. */
  readonly colourHistogram: readonly number[];
}

/** The descriptor stored per station (plain data, structured-clone safe). */
export interface EnrolledBadge {
  readonly version: typeof ENROLLED_BADGE_VERSION;
  readonly enrolledAtMs: number;
  readonly columns: number;
  readonly rows: number;
  /** The enrolment box's height over its width, in pixels: the searched windows keep this shape. */
  readonly aspectRatio: number;
  /** The enrolment box's width as a share of the frame width (for the record; the search is relative to the chest). */
  readonly boxWidthShare: number;
  readonly views: readonly EnrolledBadgeView[];
}

/** Why an enrolment was refused, with what to do about it. */
export const ENROL_PROBLEMS = {
  noViews: {
    en: 'No picture was captured. Start the camera and try again.',
    zh: '没有拍到画面。请打开摄像头后重试。',
  },
  boxTooSmall: {
    en: 'The box is too small for the camera picture. Make the box bigger or hold the badge closer, then try again.',
    zh: '框太小。请放大框或把工作证靠近摄像头, 然后重试。',
  },
  plain: {
    en: 'The box shows almost no detail (a plain surface?). Hold the badge so its edges and print are inside the box, with light on it, and try again.',
    zh: '框内几乎没有细节。请把工作证完整放在框内并保证光线充足, 然后重试。',
  },
  moved: {
    en: 'The badge moved while it was captured. Hold it still inside the box and try again.',
    zh: '拍摄时工作证移动了。请在框内保持不动, 然后重试。',
  },
} as const;

export type EnrolProblem = keyof typeof ENROL_PROBLEMS;

export type EnrolResult =
  | { readonly ok: true; readonly badge: EnrolledBadge }
  | { readonly ok: false; readonly problem: EnrolProblem };

/** Template rows for a box of this shape (height over width). */
export function templateRows(aspectRatio: number, config: EnrolledBadgeConfig = DEFAULT_ENROLLED_BADGE_CONFIG): number {
  return Math.min(config.templateRowsMax, Math.max(config.templateRowsMin, Math.round(config.templateColumns * aspectRatio)));
}

/**
 * Zero-mean, unit-norm copy of `values` and their standard deviation; the copy is all zeros when the
 * values are flat.
 */
export function normalizeTemplate(values: ArrayLike<number>): { readonly template: Float64Array; readonly std: number } {
  const n = values.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += values[i]!;
  mean /= n;
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (values[i]! - mean) ** 2;
  const norm = Math.sqrt(squares);
  const template = new Float64Array(n);
  if (norm > 1e-9) for (let i = 0; i < n; i++) template[i] = (values[i]! - mean) / norm;
  return { template, std: Math.sqrt(squares / n) };
}

/** Dot product of two equally long templates: their correlation when both are zero-mean and unit-norm. */
export function correlation(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}

/** Rounds to 5 decimals: the stored record stays small and the correlations change by far less than their thresholds. */
const rounded = (value: number): number => Math.round(value * 1e5) / 1e5;

/**
 * Builds the stored descriptor from frames captured with the badge inside `box` (normalized, the same box
 * for every frame). Refuses with a problem a person can act on. Pure.
 */
export function enrolBadge(
  frames: readonly RgbaImage[],
  box: NormalizedBox,
  enrolledAtMs: number,
  config: EnrolledBadgeConfig = DEFAULT_ENROLLED_BADGE_CONFIG,
): EnrolResult {
  if (frames.length === 0) return { ok: false, problem: 'noViews' };
  const first = frames[0]!;
  const boxWidthPx = box.width * first.widthPx;
  const boxHeightPx = box.height * first.heightPx;
  if (Math.min(boxWidthPx, boxHeightPx) < config.enrolBoxSideMinPx) return { ok: false, problem: 'boxTooSmall' };
  const aspectRatio = boxHeightPx / boxWidthPx;
  const columns = config.templateColumns;
  const rows = templateRows(aspectRatio, config);
  const views: { template: Float64Array; histogram: Float64Array }[] = [];
  for (const frame of frames.slice(0, ENROLLED_BADGE_VIEWS_MAX)) {
    const rgb = sampleBoxRgb(frame, box, columns, rows);
    const { template, std } = normalizeTemplate(greyOf(rgb));
    if (std < config.enrolGreyStdMin) return { ok: false, problem: 'plain' };
    // the histogram from a finer sampling of the same box: more pixels, steadier shares
    const fine = sampleBoxRgb(frame, box, columns * 2, rows * 2);
    views.push({ template, histogram: colourHistogram(fine, columns * 2) });
  }
  if (views.length > 1) {
    let sum = 0;
    let pairs = 0;
    for (let i = 0; i < views.length; i++) {
      for (let j = i + 1; j < views.length; j++) {
        sum += correlation(views[i]!.template, views[j]!.template);
        pairs += 1;
      }
    }
    if (sum / pairs < config.enrolViewAgreementMin) return { ok: false, problem: 'moved' };
  }
  return {
    ok: true,
    badge: {
      version: ENROLLED_BADGE_VERSION,
      enrolledAtMs,
      columns,
      rows,
      aspectRatio: rounded(aspectRatio),
      boxWidthShare: rounded(box.width),
      views: views.map((view) => ({
        grey: Array.from(view.template, rounded),
        colourHistogram: Array.from(view.histogram, rounded),
      })),
    },
  };
}

/** Null for a valid stored `EnrolledBadge`, else the first problem (a record read back from storage or a file). */
export function enrolledBadgeProblem(value: unknown, nowMs: number): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'enrolledBadge: not an object';
  const record = value as Record<string, unknown>;
  const allowed = ['version', 'enrolledAtMs', 'columns', 'rows', 'aspectRatio', 'boxWidthShare', 'views'];
  for (const key of Object.keys(record)) if (!allowed.includes(key)) return `enrolledBadge: unknown field "${key}"`;
  if (record.version !== ENROLLED_BADGE_VERSION) return `enrolledBadge.version: not ${ENROLLED_BADGE_VERSION}`;
  const { enrolledAtMs, columns, rows, aspectRatio, boxWidthShare, views } = record;
  if (typeof enrolledAtMs !== 'number' || !Number.isFinite(enrolledAtMs) || enrolledAtMs < 0 || enrolledAtMs > nowMs + 86_400_000) {
    return 'enrolledBadge.enrolledAtMs: not a time up to now';
  }
  const size = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 2 && v <= 64;
  if (!size(columns)) return 'enrolledBadge.columns: not a whole number 2..64';
  if (!size(rows)) return 'enrolledBadge.rows: not a whole number 2..64';
  if (typeof aspectRatio !== 'number' || !(aspectRatio >= 0.05 && aspectRatio <= 20)) return 'enrolledBadge.aspectRatio: not 0.05..20';
  if (typeof boxWidthShare !== 'number' || !(boxWidthShare > 0 && boxWidthShare <= 1)) return 'enrolledBadge.boxWidthShare: not in (0, 1]';
  if (!Array.isArray(views) || views.length < 1 || views.length > ENROLLED_BADGE_VIEWS_MAX) {
    return `enrolledBadge.views: not a list of 1..${ENROLLED_BADGE_VIEWS_MAX} views`;
  }
  const cells = (columns as number) * (rows as number);
  for (const [index, view] of views.entries()) {
    const path = `enrolledBadge.views[${index}]`;
    if (typeof view !== 'object' || view === null || Array.isArray(view)) return `${path}: not an object`;
    const { grey, colourHistogram: histogram, ...rest } = view as Record<string, unknown>;
    if (Object.keys(rest).length) return `${path}: unknown field "${Object.keys(rest)[0]}"`;
    if (!numbers(grey, cells, -1, 1)) return `${path}.grey: not ${cells} numbers in -1..1`;
    const g = grey as number[];
    const mean = g.reduce((s, v) => s + v, 0) / cells;
    const norm = g.reduce((s, v) => s + v * v, 0);
    if (Math.abs(mean) > 1e-3 || Math.abs(norm - 1) > 1e-2) return `${path}.grey: not zero-mean and unit-norm`;
    if (!numbers(histogram, COLOUR_BINS, 0, 1)) return `${path}.colourHistogram: not ${COLOUR_BINS} numbers in 0..1`;
    const total = (histogram as number[]).reduce((s, v) => s + v, 0);
    if (Math.abs(total - 1) > 1e-2) return `${path}.colourHistogram: does not sum to 1`;
  }
  return null;
}

export const isEnrolledBadge = (value: unknown, nowMs: number): value is EnrolledBadge => enrolledBadgeProblem(value, nowMs) === null;

function numbers(value: unknown, length: number, min: number, max: number): boolean {
  return (
    Array.isArray(value) &&
    value.length === length &&
    value.every((v) => typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max)
  );
}
