import type { ObjectDetection } from '../types';
import { marginConfidence } from './judge';
import type { RuleDefinition, RuleInput, Verdict } from './rule';

/*
 * Source (RULES.md): 002 不得擺放皮包等私人物品 (no handbags or other personal items may be put out);
 * 001 不得在桌面放置与工作无关的物品 (nothing unrelated to the work on the desk).
 *
 * From the COCO object detector: a bag, food or a drink whose box centre lies below the station's
 * counter line (the counter's edge, marked in calibration; the counter top is what the camera sees below
 * it) fails. Unknown when the detector did not run on the frame, or the counter line is not set (without
 * it, a cup in the person's hand and a cup on the counter cannot be told apart).
 */

const RULE_ID = 'counter.no_personal_items';

/** Thresholds of counter.no_personal_items. */
export interface PersonalItemsConfig {
  /** Least detector score for an item to count. Default 0.4: CenterNet scores bags and cups on a desk 0.4..0.8; below, mistakes. */
  readonly itemScoreMin: number;
  /** COCO labels that count as personal items: bags, food and drink. */
  readonly itemLabels: readonly string[];
}

export const DEFAULT_PERSONAL_ITEMS_CONFIG: PersonalItemsConfig = Object.freeze({
  itemScoreMin: 0.4,
  itemLabels: Object.freeze([
    'handbag',
    'backpack',
    'suitcase',
    'cup',
    'bottle',
    'wine glass',
    'bowl',
    'banana',
    'apple',
    'sandwich',
    'orange',
    'broccoli',
    'carrot',
    'hot dog',
    'pizza',
    'donut',
    'cake',
  ]),
});

/** How far past the score floor an item is clear-cut. */
const SCORE_SCALE = 0.2;

const unknown = (reason: string, thresholds: Record<string, number>): Verdict => ({
  ruleId: RULE_ID,
  status: 'unknown',
  evidence: { measures: {}, thresholds, confidence: 0, reason },
});

/** The items of `objects` that lie on the counter (box centre below `counterLineY`), best score first. */
export function itemsOnCounter(
  objects: readonly ObjectDetection[],
  counterLineY: number,
  config: PersonalItemsConfig = DEFAULT_PERSONAL_ITEMS_CONFIG,
): ObjectDetection[] {
  return objects
    .filter(
      (item) =>
        config.itemLabels.includes(item.label) &&
        item.score >= config.itemScoreMin &&
        item.score <= 1 &&
        boxCenterY(item) > counterLineY,
    )
    .sort((a, b) => b.score - a.score);
}

/** Vertical centre of an item's box; NaN for a malformed box, which then never counts as on the counter. */
const boxCenterY = (item: ObjectDetection): number => item.box.y + item.box.height / 2;

function evaluate({ objects, calibration }: RuleInput, config: PersonalItemsConfig = DEFAULT_PERSONAL_ITEMS_CONFIG): Verdict {
  // A malformed stored line counts as no line.
  const counterLineY = Number.isFinite(calibration?.counterLineY) ? calibration?.counterLineY : undefined;
  const thresholds: Record<string, number> = { itemScoreMin: config.itemScoreMin };
  if (counterLineY !== undefined) thresholds.counterLineY = counterLineY;
  if (objects === undefined || objects === null) return unknown('objects not checked on this frame', thresholds);
  if (counterLineY === undefined) return unknown('counter line not set: set it under Calibration', thresholds);
  const items = itemsOnCounter(objects, counterLineY, config);
  if (items.length > 0) {
    const best = items[0]!;
    const names = [...new Set(items.map((item) => item.label))].join(', ');
    return {
      ruleId: RULE_ID,
      status: 'fail',
      evidence: {
        measures: { itemCount: items.length, itemScore: best.score, itemCenterY: boxCenterY(best) },
        thresholds,
        confidence: marginConfidence(best.score - config.itemScoreMin, SCORE_SCALE),
        decidingMeasure: 'itemCount',
        reason: `on the counter: ${names}`,
      },
    };
  }
  const belowLine = objects.filter(
    (item) => config.itemLabels.includes(item.label) && boxCenterY(item) > counterLineY && item.score >= 0 && item.score <= 1,
  );
  const closest = Math.max(0, ...belowLine.map((item) => item.score));
  return {
    ruleId: RULE_ID,
    status: 'pass',
    evidence: {
      measures: { itemCount: 0, ...(closest > 0 ? { itemScore: closest } : {}) },
      thresholds,
      // Detectors miss small items: a pass is never certain.
      confidence: 0.7 * marginConfidence(config.itemScoreMin - closest, SCORE_SCALE),
      decidingMeasure: 'itemCount',
      reason: 'no bag, food or drink seen on the counter',
    },
  };
}

export const counterNoPersonalItems: RuleDefinition = {
  id: RULE_ID,
  title: { zh: '台面无私人物品', en: 'No personal items on the counter' },
  source: {
    zh: '002 不得擺放皮包等私人物品; 001 不得在桌面放置与工作无关的物品',
    en: '002 Do not put out handbags or other personal items; 001 Keep nothing unrelated to the work on the desk',
    refs: ['002', '001'],
  },
  evaluate: (input) => evaluate(input),
};
