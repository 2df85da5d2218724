import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import type { FrameSource } from '../../capture/frame';
import type { FrameAnalysis } from '../../pipeline/frame-analyzer';
import {
  DEFAULT_OVERLAY_STYLE,
  drawFace,
  drawJudgedMarker,
  drawPose,
  OTHER_PERSON_STYLE,
  type OverlayStyle,
} from '../drawing/draw-overlay';
import { drawBadgeBox } from '../drawing/draw-badge';
import { drawEnrolledBadgeBox } from '../drawing/draw-enrolled-badge';
import { emit } from '../events';
import { stageStyles } from './cc-stage.styles';

const COUNTER_LINE_KEY_STEP = 0.01;

/**
 * The source (camera, photo or video) with the pose skeleton and face mesh drawn over it, and the
 * station's counter line, which can be dragged (or moved with the arrow keys) while editing.
 * @csspart frame - the box holding the media and the overlay
 * @fires cc-counter-line-change - detail: the line's new height, 0 (top) .. 1 (bottom) of the frame
 */
@customElement('cc-stage')
export class CcStage extends LitElement {
  static override styles = stageStyles;

  @property({ attribute: false }) source: FrameSource | null = null;
  @property({ attribute: false }) analysis: FrameAnalysis | null = null;
  @property({ type: Boolean }) mirrored = false;
  /** Line and dot size multiplier: larger for a room to see. */
  @property({ type: Number, attribute: 'overlay-scale' }) overlayScale = 1;
  /** Draws extra marks (e.g. angle labels) after the skeleton, in canvas pixels. */
  @property({ attribute: false }) decorate: ((ctx: CanvasRenderingContext2D, analysis: FrameAnalysis) => void) | null = null;
  @property() emptyText = 'No source yet: start the camera, or drop a photo or video here.';
  /** The counter edge, 0 (top) .. 1 (bottom) of the frame; null when not set. */
  @property({ type: Number, attribute: false }) counterLineY: number | null = null;
  @property({ type: Boolean, attribute: 'edit-counter-line' }) editCounterLine = false;

  @query('canvas') private canvas!: HTMLCanvasElement | null;

  override render() {
    if (!this.source) return html`<div class="empty">${this.emptyText}</div>`;
    const size = this.analysis?.frame;
    const aspect = size ? `${size.widthPx} / ${size.heightPx}` : '4 / 3';
    return html`
      <div part="frame" class=${classMap({ frame: true, mirrored: this.mirrored })} style="aspect-ratio: ${aspect}">
        ${this.source.element}
        <canvas role="img" aria-label=${this.overlayLabel()}></canvas>
        ${this.renderCounterLine()}
      </div>
    `;
  }

  private renderCounterLine() {
    if (this.counterLineY === null) return nothing;
    const percent = Math.round(this.counterLineY * 100);
    if (!this.editCounterLine) return html`<div class="counter-line" style="top: ${percent}%" aria-hidden="true"></div>`;
    return html`<div
      class="counter-line editing"
      style="top: ${percent}%"
      role="slider"
      tabindex="0"
      aria-label="Counter line: drag it onto the counter's edge"
      aria-orientation="vertical"
      aria-valuemin="0"
      aria-valuemax="100"
      aria-valuenow=${percent}
      aria-valuetext="${percent}% down the frame"
      @pointerdown=${this.handlePointerDown}
      @pointermove=${this.handlePointerMove}
      @keydown=${this.handleLineKey}
    ></div>`;
  }

  private handlePointerDown(event: PointerEvent): void {
    (event.currentTarget as HTMLElement).setPointerCapture(event.pointerId);
  }

  private handlePointerMove(event: PointerEvent): void {
    const line = event.currentTarget as HTMLElement;
    if (!line.hasPointerCapture(event.pointerId)) return;
    const frame = line.parentElement!.getBoundingClientRect();
    this.moveCounterLine((event.clientY - frame.top) / frame.height);
  }

  private handleLineKey(event: KeyboardEvent): void {
    const step = { ArrowUp: -COUNTER_LINE_KEY_STEP, ArrowDown: COUNTER_LINE_KEY_STEP }[event.key];
    if (step === undefined || this.counterLineY === null) return;
    event.preventDefault();
    this.moveCounterLine(this.counterLineY + step);
  }

  private moveCounterLine(y: number): void {
    emit(this, 'cc-counter-line-change', Math.min(1, Math.max(0, y)));
  }

  private overlayLabel(): string {
    const a = this.analysis;
    if (!a) return 'Overlay: waiting for the first analysed frame';
    if (!a.person) return a.people.count > 0 ? `Overlay: ${a.people.count} people seen, none at the calibrated position` : 'Overlay: no person found';
    const others = a.people.count > 1 ? `; ${a.people.count - 1} other people drawn in grey and not judged` : '';
    const badge = a.badge?.measured && a.badge.box ? ', badge box' : '';
    return `Overlay: ${a.pose ? 'pose skeleton' : 'no pose'}, ${a.face ? 'face mesh' : 'no face'}${badge}${others}`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('analysis') || changed.has('overlayScale') || changed.has('source')) this.draw();
  }

  private draw(): void {
    const canvas = this.canvas;
    const analysis = this.analysis;
    if (!canvas) return;
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    if (!analysis) {
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      return;
    }
    canvas.width = analysis.frame.widthPx;
    canvas.height = analysis.frame.heightPx;
    const style: OverlayStyle = { ...DEFAULT_OVERLAY_STYLE, scale: this.overlayScale };
    const otherStyle: OverlayStyle = { ...OTHER_PERSON_STYLE, scale: this.overlayScale };
    for (const other of analysis.people.otherFaces) drawFace(ctx, other, otherStyle);
    for (const other of analysis.people.otherPoses) drawPose(ctx, other, otherStyle);
    if (analysis.face) drawFace(ctx, analysis.face, style);
    if (analysis.pose) drawPose(ctx, analysis.pose, style);
    if (analysis.badge) drawBadgeBox(ctx, analysis.badge, this.overlayScale);
    if (analysis.enrolledBadge) drawEnrolledBadgeBox(ctx, analysis.enrolledBadge, this.overlayScale);
    const judged = analysis.observations.personPosition;
    if (analysis.people.count > 1 && judged) drawJudgedMarker(ctx, judged, this.overlayScale);
    this.decorate?.(ctx, analysis);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cc-stage': CcStage;
  }
  interface GlobalEventHandlersEventMap {
    'cc-counter-line-change': CustomEvent<number>;
  }
}

