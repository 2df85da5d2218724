import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import {
  captureReferencePose,
  compareToReference,
  describePose,
  formatJointDifference,
  REFERENCE_JOINT_LABELS,
  type ReferencePose,
} from '../../core/reference-pose/reference-pose';
import type { PoseDetection } from '../../core/types';
import { TORSO_VIEW_BOX, torsoSkeletonSvg } from '../drawing/torso-skeleton-svg';
import { emit } from '../events';

/** How many differing joints are named. */
const JOINTS_NAMED_MAX = 3;

/**
 * The trainer's reference pose: capture "this is correct" from the current frame, then see the live
 * pose beside it with a similarity score and the joints that differ most. The reference itself is
 * held by the shell (in memory, for this page's life): it survives leaving the trainer view, not a reload.
 * @fires cc-reference-change - detail: the new reference pose, or null when cleared
 */
@customElement('cc-reference-pose')
export class CcReferencePose extends LitElement {
  static override styles = css`
    :host {
      display: block;
      padding: 1vw 1.5vw;
      border-radius: 16px;
      background: #0f172a;
      border: 2px solid #334155;
    }
    h2 {
      margin: 0 0 0.5rem;
      font-size: clamp(1.1rem, 1.6vw, 1.6rem);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
    button {
      font: inherit;
      font-size: 1.05rem;
      padding: 0.45rem 0.9rem;
      border-radius: 8px;
      border: 2px solid #94a3b8;
      background: #1e293b;
      color: #f8fafc;
      cursor: pointer;
    }
    button:disabled {
      opacity: 0.55;
      cursor: not-allowed;
    }
    button:focus-visible {
      outline: 3px solid #f59e0b;
      outline-offset: 2px;
    }
    .figures {
      display: grid;
      grid-template-columns: 1fr 1fr;
      gap: 0.5rem;
      margin-top: 0.75rem;
    }
    figure {
      margin: 0;
      text-align: center;
    }
    svg {
      width: 100%;
      max-height: 28vh;
      background: #020617;
      border-radius: 10px;
    }
    figcaption {
      font-size: 1rem;
    }
    .score {
      margin: 0.6rem 0 0.2rem;
      font-size: clamp(1.6rem, 3vw, 3rem);
      font-weight: 800;
    }
    ul {
      margin: 0.2rem 0 0;
      padding-left: 1.2rem;
      font-size: clamp(1rem, 1.5vw, 1.5rem);
    }
    .hint {
      color: #cbd5e1;
      margin: 0.4rem 0 0;
    }
    .error {
      color: #fecaca;
    }
  `;

  /** The pose of the frame on screen, or null when none was found. */
  @property({ attribute: false }) pose: PoseDetection | null = null;
  /** The captured reference, held by the shell. */
  @property({ attribute: false }) reference: ReferencePose | null = null;
  @property({ type: Boolean }) mirrored = false;
  @state() private captureError: string | null = null;

  private handleCapture(): void {
    const captured = this.pose ? captureReferencePose(this.pose, Date.now()) : null;
    if (!captured) {
      this.captureError =
        'No reference captured: both shoulders must be in view. Sit facing the camera and try again. · 未采集: 双肩须在画面内。';
      return;
    }
    this.captureError = null;
    emit(this, 'cc-reference-change', captured);
  }

  override render() {
    return html`
      <h2>Reference pose · 标准姿势</h2>
      <div class="actions">
        <button type="button" ?disabled=${!this.pose} @click=${this.handleCapture}>
          ${this.reference ? 'Capture again (this is correct)' : 'Capture reference (this is correct)'}
        </button>
        ${this.reference
          ? html`<button type="button" @click=${() => emit(this, 'cc-reference-change', null)}>Clear reference</button>`
          : nothing}
      </div>
      ${this.captureError ? html`<p class="error" role="alert">${this.captureError}</p>` : nothing}
      ${this.reference
        ? this.renderComparison(this.reference)
        : html`<p class="hint">Have someone sit correctly, then capture: the live pose is then compared with it.</p>`}
    `;
  }

  private renderComparison(reference: ReferencePose) {
    const live = this.pose ? describePose(this.pose) : null;
    const comparison = live ? compareToReference(reference, live.angles) : null;
    const named = comparison?.differing.slice(0, JOINTS_NAMED_MAX) ?? [];
    const score = comparison?.similarityPercent ?? null;
    return html`
      <div class="figures">
        <figure>
          <svg viewBox=${TORSO_VIEW_BOX} role="img" aria-label="Reference skeleton">
            ${torsoSkeletonSvg(reference.points, { mirrored: this.mirrored, boneColor: '#4ade80' })}
          </svg>
          <figcaption>Reference · 标准</figcaption>
        </figure>
        <figure>
          <svg viewBox=${TORSO_VIEW_BOX} role="img" aria-label="Live skeleton">
            ${live
              ? torsoSkeletonSvg(live.points, { mirrored: this.mirrored, boneColor: '#22d3ee', marked: named.map((d) => d.joint) })
              : nothing}
          </svg>
          <figcaption>Live · 当前</figcaption>
        </figure>
      </div>
      <p class="score" role="status" aria-live="polite" data-similarity=${score ?? ''}>
        ${score === null ? 'Similarity: not measurable · 无法比较' : `Similarity ${score}% · 相似度`}
      </p>
      ${score === null
        ? html`<p class="hint">
            ${live
              ? 'Too few joints are seen in both poses: move so the head, shoulders and arms are in view.'
              : 'No person found in the live picture.'}
          </p>`
        : named.length === 0
          ? html`<p class="hint">✓ Every joint seen is within 10° of the reference · 与标准一致</p>`
          : html`<ul aria-label="Joints that differ most">
              ${named.map((d) => html`<li data-joint=${d.joint}>${formatJointDifference(d, 'en')} · ${formatJointDifference(d, 'zh')}</li>`)}
            </ul>`}
      ${comparison && comparison.unseen.length > 0
        ? html`<p class="hint">Not compared (seen in one pose only): ${comparison.unseen.map((j) => REFERENCE_JOINT_LABELS[j].en).join(', ')}</p>`
        : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cc-reference-pose': CcReferencePose;
  }
  interface GlobalEventHandlersEventMap {
    'cc-reference-change': CustomEvent<ReferencePose | null>;
  }
}
