import { DEFAULT_ENROLLED_BADGE_CONFIG } from '../../core/badge/badge-config';
import type { EnrolledBadgeObservation } from '../../core/badge/badge-matcher';
import { degrees, toRadians } from '../../core/units';
import { drawLabel } from './draw-overlay';

/**
 * Outlines where the station's enrolled badge was found on the chest, turned as the card was found, labelled
 * with its match score (text, not colour alone).
 */
export function drawEnrolledBadgeBox(
  ctx: CanvasRenderingContext2D,
  enrolled: EnrolledBadgeObservation,
  scale: number,
  matchScoreMin: number = DEFAULT_ENROLLED_BADGE_CONFIG.matchScoreMin,
): void {
  if (!enrolled.measured || !enrolled.match.box || enrolled.match.score < matchScoreMin) return;
  const { width, height } = ctx.canvas;
  const lineWidth = Math.max(2, Math.min(width, height) / 240) * scale;
  const { x, y, width: w, height: h } = enrolled.match.box;
  ctx.save();
  ctx.strokeStyle = '#22d3ee';
  ctx.lineWidth = lineWidth;
  ctx.translate((x + w / 2) * width, (y + h / 2) * height);
  ctx.rotate(toRadians(degrees(enrolled.match.tiltDeg)));
  ctx.strokeRect((-w / 2) * width, (-h / 2) * height, w * width, h * height);
  ctx.restore();
  const fontPx = Math.max(11, Math.min(width, height) / 40) * scale;
  drawLabel(ctx, `Enrolled badge 工作证 ${enrolled.match.score.toFixed(2)}`, x * width, y * height - lineWidth * 2, fontPx);
}
