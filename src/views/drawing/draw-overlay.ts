import { POSE, POSE_CONNECTIONS } from '../../core/landmarks';
import type { PersonPosition } from '../../core/person/select-person';
import type { FaceDetection, NormalizedLandmark, PoseDetection } from '../../core/types';

export interface OverlayStyle {
  readonly boneColor: string;
  readonly jointColor: string;
  readonly faceColor: string;
  /** Scales line widths and dots, e.g. larger for the trainer's room view. */
  readonly scale: number;
  readonly visibilityMin: number;
}

export const DEFAULT_OVERLAY_STYLE: OverlayStyle = {
  boneColor: '#22d3ee',
  jointColor: '#f8fafc',
  faceColor: 'rgba(250, 204, 21, 0.75)',
  scale: 1,
  visibilityMin: 0.5,
};

/** People in frame who are not judged: drawn faint and grey, so the room sees whom the checker ignores. */
export const OTHER_PERSON_STYLE: OverlayStyle = {
  ...DEFAULT_OVERLAY_STYLE,
  boneColor: 'rgba(148, 163, 184, 0.6)',
  jointColor: 'rgba(148, 163, 184, 0.6)',
  faceColor: 'rgba(148, 163, 184, 0.35)',
};

const isSeen = (point: NormalizedLandmark | undefined, visibilityMin: number): point is NormalizedLandmark =>
  !!point && (point.visibility ?? 1) >= visibilityMin;

export function drawPose(ctx: CanvasRenderingContext2D, pose: PoseDetection, style: OverlayStyle): void {
  const { width, height } = ctx.canvas;
  const unit = Math.max(1, Math.min(width, height) / 240) * style.scale;
  ctx.lineCap = 'round';
  ctx.strokeStyle = style.boneColor;
  ctx.lineWidth = 2 * unit;
  for (const [from, to] of POSE_CONNECTIONS) {
    const a = pose.landmarks[POSE[from]];
    const b = pose.landmarks[POSE[to]];
    if (!isSeen(a, style.visibilityMin) || !isSeen(b, style.visibilityMin)) continue;
    ctx.beginPath();
    ctx.moveTo(a.x * width, a.y * height);
    ctx.lineTo(b.x * width, b.y * height);
    ctx.stroke();
  }
  ctx.fillStyle = style.jointColor;
  for (const point of pose.landmarks) {
    if (!isSeen(point, style.visibilityMin)) continue;
    ctx.beginPath();
    ctx.arc(point.x * width, point.y * height, 2.5 * unit, 0, Math.PI * 2);
    ctx.fill();
  }
}

export function drawFace(ctx: CanvasRenderingContext2D, face: FaceDetection, style: OverlayStyle): void {
  const { width, height } = ctx.canvas;
  const size = Math.max(1, Math.min(width, height) / 400) * style.scale;
  ctx.fillStyle = style.faceColor;
  for (const point of face.landmarks) ctx.fillRect(point.x * width - size / 2, point.y * height - size / 2, size, size);
}

/** Writes a label with a dark backing so it reads on any video. */
export function drawLabel(ctx: CanvasRenderingContext2D, text: string, xPx: number, yPx: number, fontPx: number): void {
  ctx.font = `600 ${fontPx}px system-ui, sans-serif`;
  const padding = fontPx * 0.3;
  const width = ctx.measureText(text).width;
  ctx.fillStyle = 'rgba(15, 23, 42, 0.75)';
  ctx.fillRect(xPx - padding, yPx - fontPx - padding, width + padding * 2, fontPx + padding * 2);
  ctx.fillStyle = '#f8fafc';
  ctx.fillText(text, xPx, yPx);
}

/** Marks the judged person's head when several people are in frame. */
export function drawJudgedMarker(ctx: CanvasRenderingContext2D, position: PersonPosition, scale: number): void {
  const { width, height } = ctx.canvas;
  const fontPx = Math.max(12, Math.min(width, height) / 30) * scale;
  const aboveHeadPx = position.shoulderWidthFraction * width * 0.6;
  drawLabel(ctx, 'Judged 受检', position.headX * width - fontPx * 2, position.headY * height - aboveHeadPx, fontPx);
}
