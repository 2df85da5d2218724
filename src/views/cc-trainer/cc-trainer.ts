import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { FrameSource } from '../../capture/frame';
import type { ReferencePose } from '../../core/reference-pose/reference-pose';
import type { RuleDefinition } from '../../core/rules';
import { overallStatus } from '../../core/rules/overall-status';
import type { SmoothedVerdicts } from '../../core/smoothing/verdict-smoother';
import type { VerdictStatus } from '../../core/types';
import type { FrameAnalysis } from '../../pipeline/frame-analyzer';
import '../cc-reference-pose/cc-reference-pose';
import '../cc-stage/cc-stage';
import { drawPostureAngles } from '../drawing/draw-angles';
import { emit } from '../events';
import { STATUS_ICON, STATUS_TEXT, statusColors } from '../status-style';

/** The room-wide banner's words per overall status (see `overallStatus`). */
const OVERALL_TITLE: Record<VerdictStatus, string> = {
  pass: '姿势正确 · All correct',
  fail: '请纠正 · Correct this',
  unknown: '无法判断 · Cannot judge',
  off: '无法判断 · Cannot judge',
};

/**
 * The trainer's room view: full screen, a large skeleton with its angles written on it, and one
 * big banner per rule that the back of a room can read; a captured reference pose beside the live one.
 * @fires cc-trainer-exit - the trainer left the view (button or Escape)
 * @fires cc-mirror-change - detail: the new mirrored state
 */
@customElement('cc-trainer')
export class CcTrainer extends LitElement {
  static override styles = [
    statusColors,
    css`
      :host {
        position: fixed;
        inset: 0;
        z-index: 20;
        display: grid;
        grid-template-columns: minmax(0, 1fr) minmax(18rem, 32vw);
        gap: 1.5vw;
        padding: 1.5vw;
        background: #020617;
        color: #f8fafc;
        font-family: system-ui, 'Noto Sans SC', sans-serif;
      }
      cc-stage {
        align-self: center;
        border-radius: 16px;
      }
      .side {
        display: flex;
        flex-direction: column;
        gap: 1vw;
        overflow: auto;
      }
      .controls {
        display: flex;
        gap: 0.75rem;
      }
      button {
        font: inherit;
        font-size: 1.1rem;
        padding: 0.5rem 1rem;
        border-radius: 8px;
        border: 2px solid #94a3b8;
        background: #0f172a;
        color: #f8fafc;
        cursor: pointer;
      }
      button:focus-visible {
        outline: 3px solid #f59e0b;
        outline-offset: 2px;
      }
      .banner {
        display: grid;
        grid-template-columns: auto 1fr;
        gap: 0.2rem 1rem;
        align-items: center;
        padding: 1vw 1.5vw;
        border-radius: 16px;
        background: var(--status-strong);
        color: #fff;
      }
      .banner .icon {
        grid-row: span 2;
        font-size: clamp(2.5rem, 5vw, 5rem);
        font-weight: 800;
        line-height: 1;
      }
      .banner .title {
        font-size: clamp(1.3rem, 2.4vw, 2.4rem);
        font-weight: 700;
      }
      .banner .status {
        font-size: clamp(1rem, 1.6vw, 1.6rem);
      }
      /* the one signal the back of the room reads: always in view above the per-rule banners */
      .overall {
        position: sticky;
        top: 0;
        z-index: 1;
        padding: 1.5vw;
        box-shadow: 0 0 0 0.6vw #020617;
      }
      .overall .icon {
        font-size: clamp(3.5rem, 7vw, 7rem);
      }
      .overall .title {
        font-size: clamp(1.8rem, 3.2vw, 3.2rem);
        font-weight: 800;
      }
    `,
  ];

  @property({ attribute: false }) source: FrameSource | null = null;
  @property({ attribute: false }) analysis: FrameAnalysis | null = null;
  @property({ attribute: false }) verdicts: SmoothedVerdicts | null = null;
  @property({ attribute: false }) rules: readonly RuleDefinition[] = [];
  @property({ type: Boolean }) mirrored = false;
  /** The trainer's reference pose, held by the shell; `cc-reference-change` (from cc-reference-pose) asks to change it. */
  @property({ attribute: false }) reference: ReferencePose | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    this.tabIndex = -1;
    this.addEventListener('keydown', this.handleKeyDown);
    // Full screen where the browser allows it; the view covers the window either way.
    this.requestFullscreen?.().catch(() => undefined);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('keydown', this.handleKeyDown);
    if (document.fullscreenElement === this) void document.exitFullscreen().catch(() => undefined);
  }

  protected override firstUpdated(): void {
    this.focus();
  }

  private readonly handleKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') emit(this, 'cc-trainer-exit', {});
  };

  private statusOf(rule: RuleDefinition): VerdictStatus {
    return this.verdicts?.smoothed[rule.id]?.status ?? 'unknown';
  }

  /** The room-wide banner: one status for the rules shown (those off left out), and which fail or why nothing is judged. */
  private renderOverall() {
    const statuses = this.rules.map((rule) => ({ rule, status: this.statusOf(rule) })).filter(({ status }) => status !== 'off');
    const overall = overallStatus(statuses.map(({ status }) => status));
    const detail =
      overall === 'fail'
        ? statuses
            .filter(({ status }) => status === 'fail')
            .map(({ rule }) => rule.title.en)
            .join(' · ')
        : overall === 'unknown'
          ? 'Sit in view of the camera, upper body visible'
          : passSummary(statuses);
    return html`<div class="banner overall ${overall}" role="status" data-overall=${overall}>
      <span class="icon" aria-hidden="true">${STATUS_ICON[overall]}</span>
      <span class="title">${OVERALL_TITLE[overall]}</span>
      <span class="status">${detail}</span>
    </div>`;
  }

  override render() {
    const mirrored = this.mirrored;
    return html`
      <cc-stage
        .source=${this.source}
        .analysis=${this.analysis}
        ?mirrored=${mirrored}
        overlay-scale="2.5"
        .decorate=${(ctx: CanvasRenderingContext2D, analysis: FrameAnalysis) => drawPostureAngles(ctx, analysis, mirrored)}
      ></cc-stage>
      <div class="side">
        ${this.renderOverall()}
        <div class="controls">
          <button type="button" @click=${() => emit(this, 'cc-trainer-exit', {})}>Exit trainer view (Esc)</button>
          <button type="button" aria-pressed=${mirrored} @click=${() => emit(this, 'cc-mirror-change', !mirrored)}>Mirror</button>
        </div>
        <cc-reference-pose .pose=${this.analysis?.pose ?? null} .reference=${this.reference} ?mirrored=${mirrored}></cc-reference-pose>
        ${this.rules.map((rule) => {
          const status = this.statusOf(rule);
          return html`<div class="banner ${status}" role="status" data-rule=${rule.id}>
            <span class="icon" aria-hidden="true">${STATUS_ICON[status]}</span>
            <span class="title">${rule.title.zh} · ${rule.title.en}</span>
            <span class="status">${STATUS_TEXT[status]}</span>
          </div>`;
        })}
      </div>
    `;
  }
}

/** "4 of 5 rules pass", naming the rules that cannot see (an arm out of frame), so the count explains itself. */
function passSummary(statuses: readonly { rule: RuleDefinition; status: VerdictStatus }[]): string {
  const passed = statuses.filter(({ status }) => status === 'pass').length;
  const unseen = statuses.filter(({ status }) => status === 'unknown').map(({ rule }) => rule.title.en);
  const summary = `${passed} of ${statuses.length} rules pass`;
  return unseen.length > 0 ? `${summary} · not judged: ${unseen.join(' · ')}` : summary;
}

declare global {
  interface HTMLElementTagNameMap {
    'cc-trainer': CcTrainer;
  }
  interface GlobalEventHandlersEventMap {
    'cc-trainer-exit': CustomEvent<Record<string, never>>;
    'cc-mirror-change': CustomEvent<boolean>;
  }
}
