import { clamp } from '../math';
import type { RgbaImage } from '../pixels/rgba-image';
import { degrees, toRadians } from '../units';
import { DEFAULT_ENROLLED_BADGE_CONFIG, type EnrolledBadgeConfig } from './badge-config';
import type { ChestRegion } from './chest-region';
import { type EnrolledBadge, normalizeTemplate } from './enrolled-badge';
import { boxIou, type NormalizedBox } from './normalized-box';
import { colourHistogram, greyOf, histogramMeanRgb, histogramSimilarity, relitRgb, type Rgb, sampleBoxRgb } from './sample-box';

/*
 * Looks for the station's enrolled badge on the chest: a multi-scale sliding window over the chest box.
 * At each scale the chest is resampled so that one window is exactly the template's grid, and the
 * windows are scored by normalized cross-correlation with the views' mean grey template (integral images
 * give each window's mean and spread). The best few windows, kept apart, are then sampled afresh from the
 * image like the enrolment did and scored against every view: grey correlation times colour histogram
 * similarity, the window's colours first brought under the enrolment's light. A badge on a lanyard swings:
 * when the upright search finds no match, the chest is searched again resampled at each of `searchTiltsDeg`.
 * Pure.
 */

/** The best window found for the enrolled badge. */
export interface EnrolledBadgeMatch {
  /** 0..1: the best window's grey correlation times its colour similarity (with the same view). */
  readonly score: number;
  /** That window's grey correlation with its best view, -1..1. */
  readonly greyCorrelation: number;
  /** That window's colour histogram similarity (Bhattacharyya) with the same view, 0..1. */
  readonly colourSimilarity: number;
  /**
   * The window, in normalized image coordinates, upright about its centre; null when no window fitted in
   * the chest box. The card inside it is turned `tiltDeg`.
   */
  readonly box: NormalizedBox | null;
  /** How far the window is turned clockwise (on screen) about its centre, degrees: 0 or one of `searchTiltsDeg`. */
  readonly tiltDeg: number;
  /** Windows scored in the coarse search (for timing and tests). */
  readonly windowsTried: number;
}

/** Coarse windows below this correlation with the mean template are not kept as candidates. */
const COARSE_CORRELATION_MIN = 0.2;
/** Most coarse candidates held while searching. */
const COARSE_KEPT_MAX = 400;
/** Candidates whose neighbourhood (half a coarse step each way) is searched too. */
const REFINED_CANDIDATES = 3;

interface Candidate {
  readonly correlation: number;
  readonly box: NormalizedBox;
}

/** A window's scores, before the search adds how it was found. */
type Scored = Omit<EnrolledBadgeMatch, 'tiltDeg' | 'windowsTried'>;

const NO_MATCH: Scored = { score: 0, greyCorrelation: 0, colourSimilarity: 0, box: null };

/** Searches `chestBox` (normalized) of `image` for `badge`. */
export function matchEnrolledBadge(
  image: RgbaImage,
  chestBox: NormalizedBox,
  badge: EnrolledBadge,
  config: EnrolledBadgeConfig = DEFAULT_ENROLLED_BADGE_CONFIG,
): EnrolledBadgeMatch {
  const sum = new Float64Array(badge.columns * badge.rows);
  for (const view of badge.views) for (let i = 0; i < sum.length; i++) sum[i]! += view.grey[i]!;
  const { template: meanTemplate } = normalizeTemplate(sum);

  let best: EnrolledBadgeMatch = { ...NO_MATCH, tiltDeg: 0, windowsTried: 0 };
  for (const tiltDeg of [0, ...config.searchTiltsDeg]) {
    const found = searchAtTilt(image, chestBox, badge, meanTemplate, tiltDeg, config);
    const windowsTried = best.windowsTried + found.windowsTried;
    best = found.score > best.score ? { ...found, windowsTried } : { ...best, windowsTried };
    if (best.score >= config.matchScoreMin) break; // found: the other tilts cannot change the verdict
  }
  return best;
}

/** The coarse search, the candidates' scoring and the refinement, with the chest resampled turned `tiltDeg`. */
function searchAtTilt(
  image: RgbaImage,
  chestBox: NormalizedBox,
  badge: EnrolledBadge,
  meanTemplate: Float64Array,
  tiltDeg: number,
  config: EnrolledBadgeConfig,
): EnrolledBadgeMatch {
  const { columns, rows } = badge;
  const cells = columns * rows;
  const chestWidthPx = chestBox.width * image.widthPx;
  const chestHeightPx = chestBox.height * image.heightPx;
  if (!(chestWidthPx >= columns && chestHeightPx >= rows)) return { ...NO_MATCH, tiltDeg, windowsTried: 0 };
  // a window at grid offset (dx, dy) px from the turned chest's centre lies at that offset turned by the tilt in the image
  const cos = Math.cos(toRadians(degrees(tiltDeg)));
  const sin = Math.sin(toRadians(degrees(tiltDeg)));
  const chestCentreX = (chestBox.x + chestBox.width / 2) * image.widthPx;
  const chestCentreY = (chestBox.y + chestBox.height / 2) * image.heightPx;

  let candidates: Candidate[] = [];
  let floor = COARSE_CORRELATION_MIN;
  let windowsTried = 0;
  const stride = Math.max(1, Math.round(config.searchStrideCells));
  for (
    let share = config.windowWidthShareMin;
    share <= config.windowWidthShareMax * (1 + 1e-9);
    share *= config.windowScaleStepRatio
  ) {
    const windowWidthPx = share * chestWidthPx;
    const windowHeightPx = windowWidthPx * badge.aspectRatio;
    // a window under one image pixel a cell only repeats pixels; one taller than the chest cannot lie on it
    if (windowWidthPx < columns * 0.75 || windowHeightPx > chestHeightPx) continue;
    const gridWidth = Math.round((chestWidthPx * columns) / windowWidthPx);
    const gridHeight = Math.round((chestHeightPx * rows) / windowHeightPx);
    if (gridWidth < columns || gridHeight < rows) continue;
    const grey = greyOf(sampleBoxRgb(image, chestBox, gridWidth, gridHeight, { tiltDeg }));
    const integral = integralImages(grey, gridWidth, gridHeight);
    const floorSquares = cells * config.windowGreyStdFloor ** 2;
    const cellWidthPx = chestWidthPx / gridWidth;
    const cellHeightPx = chestHeightPx / gridHeight;
    for (let y = 0; y + rows <= gridHeight; y += stride) {
      for (let x = 0; x + columns <= gridWidth; x += stride) {
        windowsTried += 1;
        let dot = 0;
        for (let r = 0; r < rows; r++) {
          const rowStart = (y + r) * gridWidth + x;
          const templateStart = r * columns;
          for (let c = 0; c < columns; c++) dot += meanTemplate[templateStart + c]! * grey[rowStart + c]!;
        }
        const { total, squares } = windowSums(integral, gridWidth, x, y, columns, rows);
        const spread = Math.max(squares - (total * total) / cells, floorSquares);
        const correlation = dot / Math.sqrt(spread);
        if (correlation < floor) continue;
        const dx = (x + columns / 2) * cellWidthPx - chestWidthPx / 2;
        const dy = (y + rows / 2) * cellHeightPx - chestHeightPx / 2;
        const centreX = chestCentreX + dx * cos - dy * sin;
        const centreY = chestCentreY + dx * sin + dy * cos;
        const width = columns * cellWidthPx;
        const height = rows * cellHeightPx;
        candidates.push({
          correlation,
          box: {
            x: (centreX - width / 2) / image.widthPx,
            y: (centreY - height / 2) / image.heightPx,
            width: width / image.widthPx,
            height: height / image.heightPx,
          },
        });
        if (candidates.length >= COARSE_KEPT_MAX * 4) {
          // keep the best and raise the bar: a textured shirt passes thousands of windows
          candidates.sort((a, b) => b.correlation - a.correlation);
          candidates = candidates.slice(0, COARSE_KEPT_MAX);
          floor = candidates[candidates.length - 1]!.correlation;
        }
      }
    }
  }
  if (candidates.length === 0) return { ...NO_MATCH, tiltDeg, windowsTried };

  candidates.sort((a, b) => b.correlation - a.correlation);
  const kept: Candidate[] = [];
  for (const candidate of candidates) {
    if (kept.length >= config.candidateCount) break;
    if (kept.every((other) => boxIou(other.box, candidate.box) < 0.3)) kept.push(candidate);
  }

  const scored = kept
    .map((candidate) => ({ ...scoreWindow(image, candidate.box, badge, config, tiltDeg), box: candidate.box }))
    .sort((a, b) => b.score - a.score);
  let best: Scored = scored[0]!;
  // the coarse grid is `stride` cells apart: try half a step around the best few too
  if (stride > 1) {
    for (const candidate of scored.slice(0, REFINED_CANDIDATES)) {
      const stepX = (candidate.box.width / columns) * (stride / 2);
      const stepY = (candidate.box.height / rows) * (stride / 2);
      for (const dy of [-stepY, 0, stepY]) {
        for (const dx of [-stepX, 0, stepX]) {
          if (dx === 0 && dy === 0) continue;
          const box = { ...candidate.box, x: candidate.box.x + dx, y: candidate.box.y + dy };
          const shifted = scoreWindow(image, box, badge, config, tiltDeg);
          if (shifted.score > best.score) best = { ...shifted, box };
        }
      }
    }
  }
  return { ...best, tiltDeg, windowsTried };
}

/**
 * Per-channel gains that bring a window's colours under the light a view was enrolled in (a von Kries
 * correction): the view's mean colour over the window's, the overall gain held within `lightGainMin`..
 * `lightGainMax` and each channel within `lightCastRatioMax` of it, so that a change of light is undone but
 * another card's colours are not repainted into the enrolled ones. Both means come from histogram bins, so
 * the same light gives gains of 1. Pure.
 */
export function lightCorrection(enrolledMean: Rgb, windowMean: Rgb, config: EnrolledBadgeConfig): Rgb {
  const sum = (rgb: Rgb) => rgb[0] + rgb[1] + rgb[2];
  const overallSeen = sum(enrolledMean) / Math.max(sum(windowMean), 1e-6);
  const overall = clamp(overallSeen, config.lightGainMin, config.lightGainMax);
  const channel = (c: 0 | 1 | 2): number => {
    const cast = enrolledMean[c] / Math.max(windowMean[c], 1e-6) / overallSeen;
    return overall * clamp(cast, 1 / config.lightCastRatioMax, config.lightCastRatioMax);
  };
  return [channel(0), channel(1), channel(2)];
}

/**
 * One window (turned `tiltDeg` about its centre) sampled as the enrolment did, against every view: the best
 * grey correlation times colour similarity, its colours first brought under the view's light (`lightCorrection`).
 */
export function scoreWindow(
  image: RgbaImage,
  box: NormalizedBox,
  badge: EnrolledBadge,
  config: EnrolledBadgeConfig = DEFAULT_ENROLLED_BADGE_CONFIG,
  tiltDeg = 0,
): { readonly score: number; readonly greyCorrelation: number; readonly colourSimilarity: number } {
  const { columns, rows } = badge;
  const cells = columns * rows;
  const grey = greyOf(sampleBoxRgb(image, box, columns, rows, { tiltDeg }));
  let mean = 0;
  for (let i = 0; i < cells; i++) mean += grey[i]!;
  mean /= cells;
  let squares = 0;
  for (let i = 0; i < cells; i++) squares += (grey[i]! - mean) ** 2;
  const norm = Math.sqrt(Math.max(squares, cells * config.windowGreyStdFloor ** 2));
  const fine = sampleBoxRgb(image, box, columns * 2, rows * 2, { tiltDeg });
  const windowMean = histogramMeanRgb(colourHistogram(fine, columns * 2));
  let best = { score: 0, greyCorrelation: -1, colourSimilarity: 0 };
  for (const view of badge.views) {
    let dot = 0;
    for (let i = 0; i < cells; i++) dot += view.grey[i]! * (grey[i]! - mean);
    const greyCorrelation = dot / norm;
    const gains = lightCorrection(histogramMeanRgb(view.colourHistogram), windowMean, config);
    const colourSimilarity = histogramSimilarity(view.colourHistogram, colourHistogram(relitRgb(fine, gains), columns * 2));
    const score = Math.max(greyCorrelation, 0) * colourSimilarity;
    if (score > best.score || (best.score === 0 && greyCorrelation > best.greyCorrelation)) {
      best = { score, greyCorrelation, colourSimilarity };
    }
  }
  return best;
}

interface Integral {
  readonly sums: Float64Array;
  readonly squares: Float64Array;
}

/** Summed-area tables of the values and their squares, (width + 1) x (height + 1). */
function integralImages(values: Float32Array, width: number, height: number): Integral {
  const stride = width + 1;
  const sums = new Float64Array(stride * (height + 1));
  const squares = new Float64Array(stride * (height + 1));
  for (let y = 0; y < height; y++) {
    let rowSum = 0;
    let rowSquares = 0;
    for (let x = 0; x < width; x++) {
      const v = values[y * width + x]!;
      rowSum += v;
      rowSquares += v * v;
      sums[(y + 1) * stride + x + 1] = sums[y * stride + x + 1]! + rowSum;
      squares[(y + 1) * stride + x + 1] = squares[y * stride + x + 1]! + rowSquares;
    }
  }
  return { sums, squares };
}

function windowSums(integral: Integral, width: number, x: number, y: number, w: number, h: number) {
  const stride = width + 1;
  const a = y * stride + x;
  const b = y * stride + x + w;
  const c = (y + h) * stride + x;
  const d = (y + h) * stride + x + w;
  return {
    total: integral.sums[d]! - integral.sums[b]! - integral.sums[c]! + integral.sums[a]!,
    squares: integral.squares[d]! - integral.squares[b]! - integral.squares[c]! + integral.squares[a]!,
  };
}

/** What `dress.badge_visible` reads of the enrolled badge on one frame. */
export type EnrolledBadgeObservation =
  | {
      readonly measured: true;
      readonly chestBox: NormalizedBox;
      readonly match: EnrolledBadgeMatch;
      /** Best window's centre from the body midline in shoulder widths, + toward the person's left shoulder; null without a window. */
      readonly offsetFromMidlineRatio: number | null;
      /** Something covering part of the chest (an arm), or null: the badge may still show, but its absence proves nothing. */
      readonly occlusion: string | null;
    }
  | { readonly measured: false; readonly reason: string };

/** Joins the chest geometry and the match. Pure. */
export function makeEnrolledBadgeObservation(
  chest: { readonly region: ChestRegion | null; readonly unknownReason: string | null },
  match: EnrolledBadgeMatch | null,
): EnrolledBadgeObservation {
  if (chest.region === null) return { measured: false, reason: chest.unknownReason ?? 'chest not found' };
  if (match === null) return { measured: false, reason: 'enrolled badge not searched' };
  const { region } = chest;
  const offset =
    match.box && region.shoulderSpanX !== 0 ? (match.box.x + match.box.width / 2 - region.midlineX) / region.shoulderSpanX : null;
  return { measured: true, chestBox: region.box, match, offsetFromMidlineRatio: offset, occlusion: region.occlusion };
}
