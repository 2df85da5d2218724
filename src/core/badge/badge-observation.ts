import { DEFAULT_BADGE_RULE_CONFIG, type BadgePosition } from './badge-config';
import type { ChestRegionResult } from './chest-region';
import type { NormalizedBox } from './normalized-box';

/** What the badge detector reports on one chest crop (app types: no tensors). */
export interface BadgeDetection {
  /** 0..1: how sure the detector is that a badge shows on the chest (the best counted heatmap cell: not on a hand). */
  readonly probability: number;
  /** Where, in normalized image coordinates; null when no cell reached the detector's cell threshold. */
  readonly box: NormalizedBox | null;
  /** The highest heatmap cell of all, 0..1, the uncounted ones (on a hand) included. */
  readonly heatmapMaxProbability: number;
  /** That highest cell when it lies on a hand and was not counted (above the counted peak); null or absent otherwise. */
  readonly handPeakProbability?: number | null;
}

/** One frame's badge measures, as `dress.badge_visible` reads them. */
export type BadgeObservation =
  | {
      readonly measured: true;
      readonly chestBox: NormalizedBox;
      readonly probability: number;
      readonly box: NormalizedBox | null;
      /** Badge centre from the body midline in shoulder widths, + toward the person's left shoulder; null without a box. */
      readonly offsetFromMidlineRatio: number | null;
      /** Something covering part of the chest (an arm), or null: a badge may still show, but its absence proves nothing. */
      readonly occlusion: string | null;
      /** The highest heatmap cell when it lies on a hand and was not counted (above `probability`), else null. */
      readonly handPeakProbability: number | null;
    }
  | { readonly measured: false; readonly reason: string };

/** Joins the chest geometry and the detector's answer. Pure. */
export function makeBadgeObservation(chest: ChestRegionResult, detection: BadgeDetection | null): BadgeObservation {
  if (chest.region === null) return { measured: false, reason: chest.unknownReason };
  if (detection === null) return { measured: false, reason: 'badge detector not run' };
  const { region } = chest;
  const offset =
    detection.box && region.shoulderSpanX !== 0
      ? (detection.box.x + detection.box.width / 2 - region.midlineX) / region.shoulderSpanX
      : null;
  return {
    measured: true,
    chestBox: region.box,
    probability: detection.probability,
    box: detection.box,
    offsetFromMidlineRatio: offset,
    occlusion: region.occlusion,
    handPeakProbability: detection.handPeakProbability ?? null,
  };
}

/** Left chest, sternum or right chest, from the offset to the body midline (shoulder widths, + = person's left). */
export function badgePosition(
  offsetFromMidlineRatio: number,
  sternumHalfWidthRatio: number = DEFAULT_BADGE_RULE_CONFIG.sternumHalfWidthRatio,
): BadgePosition {
  if (offsetFromMidlineRatio > sternumHalfWidthRatio) return 'left_chest';
  if (offsetFromMidlineRatio < -sternumHalfWidthRatio) return 'right_chest';
  return 'sternum';
}
