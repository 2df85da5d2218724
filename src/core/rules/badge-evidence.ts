import type { BadgePosition, BadgeRuleConfig } from '../badge/badge-config';
import { badgePosition } from '../badge/badge-observation';
import type { NormalizedBox } from '../badge/normalized-box';
import type { Evidence } from './rule';

/*
 * Evidence shared by both ways `dress.badge_visible` finds a badge (the general detector and the station's
 * enrolled badge): the boxes as numbers, and where on the chest the badge is against where 000 wants it.
 */

/** Measures code the position as a number: the person's right chest -1, sternum 0, left chest 1. */
export const BADGE_POSITION_CODE: Record<BadgePosition, number> = { right_chest: -1, sternum: 0, left_chest: 1 };

const POSITION_WORDS: Record<BadgePosition, string> = { left_chest: 'left chest', sternum: 'sternum', right_chest: 'right chest' };

const clamp01 = (value: number): number => Math.min(Math.max(value, 0), 1);

/** A badge verdict's evidence; `decidingMeasure` is named only when the measures hold it (not on an early unknown). */
export function badgeEvidence(
  measures: Record<string, number>,
  thresholds: Record<string, number>,
  confidence: number,
  decidingMeasure: string,
  reason?: string,
): Evidence {
  return {
    measures,
    thresholds,
    confidence: clamp01(confidence),
    ...(reason ? { reason } : {}),
    ...(decidingMeasure in measures ? { decidingMeasure } : {}),
  };
}

/** A box as four measures named `<name>X`, `<name>Y`, `<name>Width`, `<name>Height` (normalized to the frame). */
export function boxMeasures(name: 'chestBox' | 'badgeBox', box: NormalizedBox): Record<string, number> {
  return { [`${name}X`]: box.x, [`${name}Y`]: box.y, [`${name}Width`]: box.width, [`${name}Height`]: box.height };
}

/**
 * Where a found badge sits across the chest (`offsetFromMidlineRatio` in shoulder widths from the midline),
 * as measures, and the reason when that is not a position the station expects. A badge is found either way:
 * the position is reported, never failed.
 */
export function badgePositionEvidence(
  offsetFromMidlineRatio: number,
  config: BadgeRuleConfig,
): { readonly measures: Record<string, number>; readonly reason?: string } {
  const position = badgePosition(offsetFromMidlineRatio, config.sternumHalfWidthRatio);
  const expected = config.expectedPositions.includes(position);
  const measures = {
    badgeOffsetFromMidlineRatio: offsetFromMidlineRatio,
    badgePositionCode: BADGE_POSITION_CODE[position],
    badgeAtExpectedPosition: expected ? 1 : 0,
  };
  if (expected) return { measures };
  const wanted = config.expectedPositions.map((each) => POSITION_WORDS[each]).join(' or ');
  return { measures, reason: `badge on the ${POSITION_WORDS[position]}, expected ${wanted}` };
}
