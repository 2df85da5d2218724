import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { emit } from '../events';

/**
 * Loading progress and errors, each error with a Retry.
 * @fires cc-retry - the person pressed Retry
 */
@customElement('cc-status')
export class CcStatus extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    .error {
      display: flex;
      gap: 1rem;
      align-items: center;
      justify-content: space-between;
      background: #fef2f2;
      border: 1px solid #fca5a5;
      color: #7f1d1d;
      padding: 0.75rem 1rem;
      border-radius: 8px;
    }
    .notice {
      background: #eff6ff;
      border: 1px solid #93c5fd;
      color: #1e3a8a;
      padding: 0.75rem 1rem;
      border-radius: 8px;
    }
    progress {
      width: 100%;
    }
    button {
      font: inherit;
      padding: 0.4rem 1rem;
      border-radius: 6px;
      border: 1px solid #7f1d1d;
      background: #fff;
      cursor: pointer;
    }
  `;

  @property() error: string | null = null;
  @property() notice: string | null = null;
  /** 0..1 while loading, null when not loading, NaN when the size is unknown. */
  @property({ type: Number }) progress: number | null = null;
  @property() progressLabel = 'Loading models';

  override render() {
    return html`
      ${this.progress !== null
        ? html`<label
            >${this.progressLabel}${Number.isFinite(this.progress) ? ` ${Math.round(this.progress * 100)}%` : '…'}
            <progress max="1" .value=${Number.isFinite(this.progress) ? this.progress : 0}></progress
          ></label>`
        : nothing}
      ${this.error
        ? html`<div class="error" role="alert">
            <span>${this.error}</span>
            <button type="button" @click=${() => emit(this, 'cc-retry', {})}>Retry</button>
          </div>`
        : nothing}
      ${this.notice ? html`<div class="notice" role="status">${this.notice}</div>` : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cc-status': CcStatus;
  }
}
