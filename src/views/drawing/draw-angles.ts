import { POSE } from '../../core/landmarks';
import type { FrameAnalysis } from '../../pipeline/frame-analyzer';
import { drawLabel } from './draw-overlay';

/** Writes the posture angles next to the joints they belong to, large enough for a room. */
export function drawPostureAngles(ctx: CanvasRenderingContext2D, analysis: FrameAnalysis, mirrored: boolean): void {
  const pose = analysis.pose;
  if (!pose) return;
  const { width, height } = ctx.canvas;
  const fontPx = Math.max(16, Math.round(Math.min(width, height) / 18));
  const o = analysis.observations;
  const at = (name: keyof typeof POSE) => pose.landmarks[POSE[name]];
  const label = (text: string, x: number, y: number) => {
    // The canvas is flipped with the video when mirrored; flip the text back so it reads.
    ctx.save();
    if (mirrored) {
      ctx.translate(width, 0);
      ctx.scale(-1, 1);
      x = width - x;
    }
    drawLabel(ctx, text, x, y, fontPx);
    ctx.restore();
  };
  const ear = at('leftEar') ?? at('rightEar');
  const leftShoulder = at('leftShoulder');
  const rightShoulder = at('rightShoulder');
  if (o.headFromVerticalDeg !== null && ear) {
    label(`neck ${Math.round(o.headFromVerticalDeg)}°`, ear.x * width + fontPx, ear.y * height);
  }
  if (o.shoulderTiltDeg !== null && leftShoulder && rightShoulder) {
    const x = ((leftShoulder.x + rightShoulder.x) / 2) * width;
    const y = ((leftShoulder.y + rightShoulder.y) / 2) * height + fontPx * 1.6;
    label(`shoulders ${Math.round(o.shoulderTiltDeg)}°`, x - fontPx * 3, y);
  }
  if (o.trunkLeanForwardDeg !== null && leftShoulder) {
    label(`trunk ${Math.round(o.trunkLeanForwardDeg)}°`, leftShoulder.x * width + fontPx, leftShoulder.y * height + fontPx * 3);
  }
}
