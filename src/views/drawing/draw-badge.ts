import type { BadgeObservation } from '../../core/badge/badge-observation';
import { drawLabel } from './draw-overlay';

/** Outlines where the badge detector found the chest badge, labelled with its probability (text, not colour alone). */
export function drawBadgeBox(ctx: CanvasRenderingContext2D, badge: BadgeObservation, scale: number): void {
  if (!badge.measured || !badge.box) return;
  const { width, height } = ctx.canvas;
  const lineWidth = Math.max(2, Math.min(width, height) / 240) * scale;
  const { x, y, width: w, height: h } = badge.box;
  ctx.save();
  ctx.strokeStyle = '#a3e635';
  ctx.lineWidth = lineWidth;
  ctx.setLineDash([lineWidth * 3, lineWidth * 2]);
  ctx.strokeRect(x * width, y * height, w * width, h * height);
  ctx.restore();
  const fontPx = Math.max(11, Math.min(width, height) / 40) * scale;
  drawLabel(ctx, `Badge 胸卡 ${badge.probability.toFixed(2)}`, x * width, y * height - lineWidth * 2, fontPx);
}
