import { decodeBadgeHeatmap } from './badge-heatmap';
import type { BadgeDetection } from './badge-observation';
import { withoutCells } from './hand-cells';
import { boxWithin, type NormalizedBox } from './normalized-box';

/*
 * The badge model looks at the chest twice: the whole chest box, and its central part zoomed to the same input
 * size. A badge is found in both; many of the model's false finds on real badge-free chests (shirt patterns,
 * papers, hoodie strings at the box's edge) are not, so the presence is the lower of the two peaks.
 * Chosen on the synthetic validation set (scripts/train-badge/validate-synthetic.mjs --views; the rule's
 * 0.3 / 0.5 decision, fail = no badge the positive class): F1 0.62 -> 0.75, precision 0.90 -> 0.87, unknown
 * 19% -> 17%; on the 16 held-out real badge-free chests of the torso sources (score-real-negatives.mjs)
 * false passes 7 -> 4 and fails 8 -> 10. The labelled photos were not used to choose it.
 */

export interface BadgeViewsConfig {
  /**
   * The zoomed view's share of the chest box's width and height, about its centre. Default 0.8 (of 0.7,
   * 0.8 and 0.9 the best synthetic F1 with precision at most 0.03 below the single view's). A badge sits at
   * least 0.15 shoulder widths inside the shoulders; 0.8 cuts 0.12 of the box from each side.
   */
  readonly zoomedViewShare: number;
}

export const DEFAULT_BADGE_VIEWS_CONFIG: BadgeViewsConfig = { zoomedViewShare: 0.8 };

/** One view's heatmap (row-major, square) over `box` (normalized image coordinates); `excludedCells` are not counted. */
export interface BadgeView {
  readonly box: NormalizedBox;
  readonly heatmap: ArrayLike<number>;
  readonly excludedCells?: Uint8Array;
}

/** The whole chest box, then its central `zoomedViewShare` part. Pure. */
export function badgeViewBoxes(chestBox: NormalizedBox, config: BadgeViewsConfig = DEFAULT_BADGE_VIEWS_CONFIG): NormalizedBox[] {
  const share = config.zoomedViewShare;
  if (!(share > 0 && share <= 1)) throw new Error(`zoomedViewShare must be in (0, 1], got ${share}`);
  const zoomed = {
    x: chestBox.x + ((1 - share) / 2) * chestBox.width,
    y: chestBox.y + ((1 - share) / 2) * chestBox.height,
    width: share * chestBox.width,
    height: share * chestBox.height,
  };
  return [chestBox, zoomed];
}

/**
 * Joins the views' heatmaps into one detection: presence = the lowest of the views' counted peaks; the box
 * comes from the first view (the whole chest), and only when the presence reaches `cellThreshold`. The first
 * view's uncounted peak (on a hand) is reported when it is above its counted one. Pure.
 */
export function combineBadgeViews(views: readonly BadgeView[], gridSize: number, cellThreshold: number): BadgeDetection {
  const [first] = views;
  if (!first) throw new Error('combineBadgeViews needs at least one view');
  const decoded = views.map((view) =>
    decodeBadgeHeatmap(view.excludedCells ? withoutCells(view.heatmap, view.excludedCells) : view.heatmap, gridSize, cellThreshold),
  );
  const probability = Math.min(...decoded.map((d) => d.maxProbability));
  const firstCounted = decoded[0]!;
  let heatmapMaxProbability = 0;
  for (let i = 0; i < first.heatmap.length; i++) heatmapMaxProbability = Math.max(heatmapMaxProbability, first.heatmap[i]!);
  return {
    probability,
    box: firstCounted.box && probability >= cellThreshold ? boxWithin(firstCounted.box, first.box) : null,
    heatmapMaxProbability,
    handPeakProbability: heatmapMaxProbability > firstCounted.maxProbability ? heatmapMaxProbability : null,
  };
}
