import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { FrameSource } from '../../capture/frame';
import { ENROL_PROBLEMS, enrolBadge, type EnrolledBadge } from '../../core/badge/enrolled-badge';
import type { NormalizedBox } from '../../core/badge/normalized-box';
import { clamp } from '../../core/math';
import type { RgbaImage } from '../../core/pixels/rgba-image';
import type { SetupLanguage } from '../../core/station-setup/station-setup';
import { BadgeEnrolmentStore } from '../../storage/badge-enrolment-store';
import { db } from '../../storage/db';
import { emit } from '../events';
import { inLanguage } from '../language';
import { badgeEnrolStyles } from './cc-badge-enrol.styles';

/** Seconds counted down before the views are captured, so the person can hold the badge still. */
export const ENROL_COUNTDOWN_S = 3;
/** Views captured, and the time between two: 5 views over about 2 s. */
export const ENROL_VIEW_COUNT = 5;
export const ENROL_VIEW_INTERVAL_MS = 400;
/** Where the box starts: the middle of the picture at chest height, where a badge is held up to a camera. */
export const DEFAULT_ENROL_BOX: NormalizedBox = { x: 0.42, y: 0.45, width: 0.16, height: 0.3 };
/** One arrow-key press moves or resizes the box by this share of the picture. */
const KEY_STEP = 0.01;
/** A dragged box smaller than this share of the picture a side is ignored (a click, not a drag). */
const DRAG_SIDE_MIN = 0.02;

const TEXT = {
  title: { zh: '登记本工位的工作证', en: 'Enrol this station’s badge' },
  none: { zh: '未登记工作证: 胸卡规则按默认设置。', en: 'No badge enrolled: the badge rule follows the defaults.' },
  enrol: { zh: '登记工作证', en: 'Enrol badge' },
  enrolAgain: { zh: '重新登记', en: 'Enrol again' },
  remove: { zh: '删除已登记的工作证', en: 'Remove enrolled badge' },
  instruction: { zh: '请将工作证放在框内', en: 'Hold your badge inside the box' },
  wearHint: {
    zh: '最好像上班时一样佩戴 (别针或挂绳), 再把框移到工作证上; 手指不要挡住证面。',
    en: 'Best: wear it as at work (clip or lanyard) and move the box onto it; keep your fingers off its face.',
  },
  boxHint: {
    zh: '拖动画出新框, 或用方向键移动框、Shift+方向键调整大小。',
    en: 'Drag on the picture to draw the box, or use the arrow keys to move it and Shift + arrows to resize it.',
  },
  capture: { zh: '开始拍摄 (倒计时 3 秒)', en: 'Capture (3 s countdown)' },
  cancel: { zh: '取消', en: 'Cancel' },
  waiting: { zh: '正在打开摄像头…', en: 'Starting the camera…' },
  ready: { zh: '准备…', en: 'Get ready…' },
  saving: { zh: '正在保存…', en: 'Saving…' },
  noPicture: {
    zh: '摄像头还没有画面。请稍候再试。',
    en: 'The camera shows no picture yet. Wait for it, then press Capture again.',
  },
  removed: { zh: '已删除登记的工作证。', en: 'The enrolled badge was removed.' },
  boxLabel: { zh: '工作证框', en: 'Badge box' },
} as const;

type Phase =
  | { readonly kind: 'idle' }
  | { readonly kind: 'placing' }
  | { readonly kind: 'countdown'; readonly secondsLeft: number }
  | { readonly kind: 'capturing'; readonly captured: number }
  | { readonly kind: 'saving' };

type Message = { readonly kind: 'ok' | 'error'; readonly text: string };

/**
 * Enrols the station's own badge: the person holds it inside a box drawn on the live picture, a countdown
 * runs, a few views of the box are captured and reduced to numbers (no image is kept), and the descriptor
 * is stored for this station. An enrolled badge turns `dress.badge_visible` on and decides it.
 * @fires cc-camera-request - enrolment started: it needs the camera (the shell opens it unless a source runs)
 * @fires cc-camera-release - enrolment ended: the camera is no longer needed for it
 * @fires cc-badge-enrol-change - detail: the enrolled badge now in force, or null (loaded, enrolled or removed)
 */
@customElement('cc-badge-enrol')
export class CcBadgeEnrol extends LitElement {
  static override styles = badgeEnrolStyles;

  @property() stationId = '';
  /** The picture source the shell shows (the camera while enrolling). */
  @property({ attribute: false }) source: FrameSource | null = null;
  /** Why the camera asked for could not open; null while it runs or opens. */
  @property({ attribute: false }) cameraProblem: string | null = null;
  @property({ attribute: false }) language: SetupLanguage = 'both';

  /**
   * The badge in force: loaded and changed here, and set by the shell when another view stored one (a
   * station setup import).
   */
  @property({ attribute: false }) enrolled: EnrolledBadge | null = null;
  @state() private phase: Phase = { kind: 'idle' };
  @state() private box: NormalizedBox = DEFAULT_ENROL_BOX;
  @state() private message: Message | null = null;
  @query('canvas') private canvas!: HTMLCanvasElement | null;

  private readonly store = new BadgeEnrolmentStore(db);
  private run: AbortController | null = null;
  private frameRequest = 0;
  private dragStart: { x: number; y: number } | null = null;
  private grabCanvas: HTMLCanvasElement | null = null;

  private t(text: { readonly zh: string; readonly en: string }): string {
    return inLanguage(text, this.language);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('stationId') && this.stationId) void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stop(false);
  }

  protected override updated(): void {
    if (this.phase.kind !== 'idle' && this.frameRequest === 0) this.frameRequest = requestAnimationFrame(this.drawPreview);
  }

  private async load(): Promise<void> {
    try {
      this.enrolled = await this.store.load(this.stationId, Date.now());
      emit(this, 'cc-badge-enrol-change', this.enrolled);
    } catch (error) {
      this.message = { kind: 'error', text: messageOf(error) };
    }
  }

  private handleStart(): void {
    this.message = null;
    this.phase = { kind: 'placing' };
    emit(this, 'cc-camera-request', {});
  }

  /** Ends an enrolment in progress; the camera opened for it is released. */
  private stop(release = true): void {
    this.run?.abort();
    this.run = null;
    cancelAnimationFrame(this.frameRequest);
    this.frameRequest = 0;
    if (this.phase.kind !== 'idle' && release) emit(this, 'cc-camera-release', {});
    this.phase = { kind: 'idle' };
  }

  private async handleCapture(): Promise<void> {
    const run = new AbortController();
    this.run = run;
    this.message = null;
    try {
      for (let left = ENROL_COUNTDOWN_S; left > 0; left--) {
        this.phase = { kind: 'countdown', secondsLeft: left };
        await sleep(1000, run.signal);
      }
      const frames: RgbaImage[] = [];
      for (let i = 0; i < ENROL_VIEW_COUNT; i++) {
        if (i > 0) await sleep(ENROL_VIEW_INTERVAL_MS, run.signal);
        const frame = this.grab();
        if (!frame) {
          this.phase = { kind: 'placing' };
          this.message = { kind: 'error', text: this.t(TEXT.noPicture) };
          return;
        }
        frames.push(frame);
        this.phase = { kind: 'capturing', captured: frames.length };
      }
      const result = enrolBadge(frames, this.box, Date.now());
      if (!result.ok) {
        // back to placing: the person adjusts the box or the badge and captures again
        this.phase = { kind: 'placing' };
        this.message = { kind: 'error', text: this.t(ENROL_PROBLEMS[result.problem]) };
        return;
      }
      this.phase = { kind: 'saving' };
      await this.store.save(this.stationId, result.badge, Date.now());
      this.enrolled = result.badge;
      emit(this, 'cc-badge-enrol-change', result.badge);
      this.stop();
      this.message = {
        kind: 'ok',
        text: this.t({
          zh: `已登记工作证 (${result.badge.views.length} 个画面, 只保存数值, 不保存图片)。本工位现在检查“佩戴工作证”。`,
          en: `Badge enrolled from ${result.badge.views.length} views (numbers only, no picture kept). This station now checks “Wear the work badge”.`,
        }),
      };
    } catch (error) {
      if (run.signal.aborted) return;
      this.phase = { kind: 'placing' };
      this.message = { kind: 'error', text: `${messageOf(error)} ${this.t({ zh: '请重试。', en: 'Press Capture to try again.' })}` };
    } finally {
      if (this.run === run) this.run = null;
    }
  }

  private async handleRemove(): Promise<void> {
    try {
      await this.store.remove(this.stationId, Date.now());
      this.enrolled = null;
      emit(this, 'cc-badge-enrol-change', null);
      this.message = { kind: 'ok', text: this.t(TEXT.removed) };
    } catch (error) {
      this.message = { kind: 'error', text: messageOf(error) };
    }
  }

  /** The source's current picture as pixels, at its own size; null while it has none. */
  private grab(): RgbaImage | null {
    const element = this.source?.element;
    if (!element) return null;
    const video = element instanceof HTMLVideoElement;
    const widthPx = video ? element.videoWidth : element.naturalWidth;
    const heightPx = video ? element.videoHeight : element.naturalHeight;
    if (!widthPx || !heightPx || (video && element.readyState < 2)) return null;
    this.grabCanvas ??= document.createElement('canvas');
    this.grabCanvas.width = widthPx;
    this.grabCanvas.height = heightPx;
    const ctx = this.grabCanvas.getContext('2d', { willReadFrequently: true })!;
    ctx.drawImage(element, 0, 0, widthPx, heightPx);
    return { data: ctx.getImageData(0, 0, widthPx, heightPx).data, widthPx, heightPx };
  }

  private get mirrored(): boolean {
    return this.source?.kind === 'camera';
  }

  /** The live picture with the box, redrawn every animation frame while enrolling. */
  private readonly drawPreview = (): void => {
    this.frameRequest = 0;
    if (this.phase.kind === 'idle') return;
    this.frameRequest = requestAnimationFrame(this.drawPreview);
    const canvas = this.canvas;
    const element = this.source?.element;
    if (!canvas || !element) return;
    const video = element instanceof HTMLVideoElement;
    const widthPx = video ? element.videoWidth : element.naturalWidth;
    const heightPx = video ? element.videoHeight : element.naturalHeight;
    if (!widthPx || !heightPx) return;
    if (canvas.width !== widthPx || canvas.height !== heightPx) {
      canvas.width = widthPx;
      canvas.height = heightPx;
    }
    const ctx = canvas.getContext('2d')!;
    ctx.save();
    if (this.mirrored) {
      ctx.translate(widthPx, 0);
      ctx.scale(-1, 1);
    }
    ctx.drawImage(element, 0, 0, widthPx, heightPx);
    ctx.restore();
    const shown = this.shownBox();
    const lineWidth = Math.max(2, Math.min(widthPx, heightPx) / 160);
    ctx.save();
    ctx.lineWidth = lineWidth + 2;
    ctx.strokeStyle = '#0f172a';
    ctx.strokeRect(shown.x * widthPx, shown.y * heightPx, shown.width * widthPx, shown.height * heightPx);
    ctx.lineWidth = lineWidth;
    ctx.strokeStyle = '#facc15';
    ctx.setLineDash([lineWidth * 4, lineWidth * 2]);
    ctx.strokeRect(shown.x * widthPx, shown.y * heightPx, shown.width * widthPx, shown.height * heightPx);
    ctx.restore();
    if (this.phase.kind === 'countdown') {
      ctx.save();
      ctx.font = `700 ${Math.round(heightPx / 5)}px system-ui, sans-serif`;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      ctx.lineWidth = 6;
      ctx.strokeStyle = '#0f172a';
      ctx.fillStyle = '#fff';
      ctx.strokeText(String(this.phase.secondsLeft), widthPx / 2, heightPx / 4);
      ctx.fillText(String(this.phase.secondsLeft), widthPx / 2, heightPx / 4);
      ctx.restore();
    }
  };

  /** The box as shown (mirrored like the picture for a camera). */
  private shownBox(): NormalizedBox {
    return this.mirrored ? { ...this.box, x: 1 - this.box.x - this.box.width } : this.box;
  }

  /** A pointer position as a point of the picture (0..1, unmirrored). */
  private pointOf(event: PointerEvent): { x: number; y: number } {
    const rect = (event.currentTarget as HTMLCanvasElement).getBoundingClientRect();
    const shownX = clamp01((event.clientX - rect.left) / rect.width);
    const y = clamp01((event.clientY - rect.top) / rect.height);
    return { x: this.mirrored ? 1 - shownX : shownX, y };
  }

  private handlePointerDown(event: PointerEvent): void {
    if (!this.canAdjust()) return;
    (event.currentTarget as HTMLCanvasElement).setPointerCapture(event.pointerId);
    this.dragStart = this.pointOf(event);
  }

  private handlePointerMove(event: PointerEvent): void {
    if (!this.dragStart) return;
    const box = boxBetween(this.dragStart, this.pointOf(event));
    if (box.width >= DRAG_SIDE_MIN && box.height >= DRAG_SIDE_MIN) this.box = box;
  }

  private handlePointerUp(event: PointerEvent): void {
    if (!this.dragStart) return;
    this.handlePointerMove(event);
    this.dragStart = null;
  }

  private handleKeyDown(event: KeyboardEvent): void {
    if (!this.canAdjust()) return;
    const steps: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
    const step = steps[event.key];
    if (!step) return;
    event.preventDefault();
    // on a mirrored picture, left on screen is right in the picture
    const dx = step[0] * KEY_STEP * (this.mirrored && !event.shiftKey ? -1 : 1);
    const dy = step[1] * KEY_STEP;
    const { x, y, width, height } = this.box;
    if (event.shiftKey) {
      const w = Math.min(Math.max(width + dx, DRAG_SIDE_MIN), 1 - x);
      const h = Math.min(Math.max(height + dy, DRAG_SIDE_MIN), 1 - y);
      // growing to the right on a mirrored picture keeps the shown left edge still
      this.box = { x: this.mirrored ? Math.max(0, x - (w - width)) : x, y, width: w, height: h };
    } else {
      this.box = { x: clamp(x + dx, 0, 1 - width), y: clamp(y + dy, 0, 1 - height), width, height };
    }
  }

  /** Where the box is, as shown, in words: keyboard and screen-reader users hear each move. */
  private boxText(): string {
    const { x, y, width, height } = this.shownBox();
    const pct = (value: number) => `${Math.round(value * 100)}%`;
    return this.t({
      zh: `框: 左 ${pct(x)}, 上 ${pct(y)}, 大小 ${pct(width)} × ${pct(height)}`,
      en: `Box: left ${pct(x)}, top ${pct(y)}, size ${pct(width)} × ${pct(height)} of the picture`,
    });
  }

  private canAdjust(): boolean {
    return this.phase.kind === 'placing';
  }

  override render() {
    const enrolling = this.phase.kind !== 'idle';
    return html`<fieldset>
      <legend>${this.t(TEXT.title)}</legend>
      <p class="state" data-badge-enrolled=${this.enrolled ? 'yes' : 'no'}>
        ${this.enrolled
          ? html`<span aria-hidden="true">✓</span>
              ${this.t({
                zh: `已登记 (${new Date(this.enrolled.enrolledAtMs).toLocaleString()}, ${this.enrolled.views.length} 个画面)`,
                en: `Badge enrolled ${new Date(this.enrolled.enrolledAtMs).toLocaleString()} from ${this.enrolled.views.length} views`,
              })}`
          : this.t(TEXT.none)}
      </p>
      ${enrolling ? this.renderEnrolment() : nothing}
      <div class="actions">
        ${enrolling
          ? nothing
          : html`<button type="button" class="primary" ?disabled=${!this.stationId} @click=${this.handleStart}>
              ${this.t(this.enrolled ? TEXT.enrolAgain : TEXT.enrol)}
            </button>`}
        <button type="button" ?disabled=${!this.enrolled || this.phase.kind === 'saving'} @click=${this.handleRemove}>
          <span aria-hidden="true">✗</span> ${this.t(TEXT.remove)}
        </button>
      </div>
      ${this.message
        ? html`<p class="message ${this.message.kind}" role=${this.message.kind === 'error' ? 'alert' : 'status'} data-enrol-message=${this.message.kind}>
            <span aria-hidden="true">${this.message.kind === 'ok' ? '✓' : '✗'}</span> ${this.message.text}
          </p>`
        : nothing}
    </fieldset>`;
  }

  private renderEnrolment() {
    const phase = this.phase;
    const hasPicture = !!this.source;
    const progress =
      phase.kind === 'countdown'
        ? `${this.t(TEXT.ready)} ${phase.secondsLeft}`
        : phase.kind === 'capturing'
          ? this.t({ zh: `正在拍摄 ${phase.captured} / ${ENROL_VIEW_COUNT}`, en: `Capturing view ${phase.captured} of ${ENROL_VIEW_COUNT}` })
          : phase.kind === 'saving'
            ? this.t(TEXT.saving)
            : '';
    return html`
      <p class="instruction" lang=${this.language === 'zh' ? 'zh-CN' : nothing}>${this.t(TEXT.instruction)}</p>
      <p class="hint">${this.t(TEXT.wearHint)}</p>
      ${hasPicture
        ? html`<div class="preview">
            <canvas
              tabindex="0"
              role="img"
              aria-label=${`${this.t(TEXT.boxLabel)}: ${this.t(TEXT.boxHint)}`}
              data-enrol-preview
              @pointerdown=${this.handlePointerDown}
              @pointermove=${this.handlePointerMove}
              @pointerup=${this.handlePointerUp}
              @pointercancel=${() => (this.dragStart = null)}
              @keydown=${this.handleKeyDown}
            ></canvas>
          </div>
          <p class="hint">${this.t(TEXT.boxHint)}</p>
          <p class="hint" aria-live="polite" data-enrol-box>${this.boxText()}</p>`
        : html`<p class="hint" role=${this.cameraProblem ? 'alert' : 'status'}>
            ${this.cameraProblem
              ? this.t({
                  zh: `摄像头无法打开: ${this.cameraProblem} 请按上方的“重试”, 或取消。`,
                  en: `The camera could not start: ${this.cameraProblem} Press Retry above, or Cancel.`,
                })
              : this.t(TEXT.waiting)}
          </p>`}
      <div role="status" aria-live="polite" data-enrol-progress=${phase.kind}>
        ${progress}
        ${phase.kind === 'capturing' || phase.kind === 'countdown'
          ? html`<progress
              max=${ENROL_COUNTDOWN_S + ENROL_VIEW_COUNT}
              value=${phase.kind === 'countdown' ? ENROL_COUNTDOWN_S - phase.secondsLeft : ENROL_COUNTDOWN_S + phase.captured}
              aria-label=${this.t({ zh: '登记进度', en: 'Enrolment progress' })}
            ></progress>`
          : nothing}
      </div>
      <div class="actions">
        <button type="button" class="primary" ?disabled=${!hasPicture || phase.kind !== 'placing'} @click=${this.handleCapture}>
          ${this.t(TEXT.capture)}
        </button>
        <button type="button" ?disabled=${phase.kind === 'saving'} @click=${() => this.stop()}>${this.t(TEXT.cancel)}</button>
      </div>
    `;
  }
}

function boxBetween(a: { x: number; y: number }, b: { x: number; y: number }): NormalizedBox {
  return { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), width: Math.abs(a.x - b.x), height: Math.abs(a.y - b.y) };
}

const clamp01 = (value: number): number => clamp(value, 0, 1);

/** Resolves after `ms`, or rejects at once when `signal` aborts. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

declare global {
  interface HTMLElementTagNameMap {
    'cc-badge-enrol': CcBadgeEnrol;
  }
  interface GlobalEventHandlersEventMap {
    'cc-badge-enrol-change': CustomEvent<EnrolledBadge | null>;
  }
}
