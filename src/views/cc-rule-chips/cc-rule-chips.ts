import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { RuleDefinition, RuleId, Verdict } from '../../core/rules';
import type { SmoothedVerdicts } from '../../core/smoothing/verdict-smoother';
import { formatMeasure, measureLabel } from '../format';
import { STATUS_ICON, STATUS_TEXT, statusColors } from '../status-style';

/**
 * One chip per rule with its smoothed verdict and deciding measure; pressing a chip shows the
 * evidence (measures, thresholds, confidence, the raw verdict) and the rule's source sentence.
 */
@customElement('cc-rule-chips')
export class CcRuleChips extends LitElement {
  static override styles = [
    statusColors,
    css`
      :host {
        display: block;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: flex;
        flex-direction: column;
        gap: 0.5rem;
      }
      button.chip {
        display: grid;
        grid-template-columns: 1.6rem 1fr auto;
        gap: 0.5rem;
        align-items: center;
        width: 100%;
        font: inherit;
        text-align: left;
        background: var(--status-bg);
        color: var(--status-fg);
        border: 2px solid var(--status-strong);
        border-radius: 999px;
        padding: 0.35rem 0.8rem;
        cursor: pointer;
      }
      button.chip:focus-visible {
        outline: 3px solid #f59e0b;
        outline-offset: 2px;
      }
      .icon {
        display: inline-grid;
        place-items: center;
        width: 1.4rem;
        height: 1.4rem;
        border-radius: 50%;
        background: var(--status-strong);
        color: #fff;
        font-weight: 700;
      }
      .status {
        font-weight: 700;
      }
      .measure {
        font-variant-numeric: tabular-nums;
        font-size: 0.9rem;
      }
      .details {
        margin: 0.25rem 0 0.5rem;
        padding: 0.75rem;
        border-radius: 8px;
        background: #fff;
        border: 1px solid #cbd5e1;
        font-size: 0.9rem;
      }
      .details table {
        border-collapse: collapse;
        margin: 0.5rem 0;
      }
      .details td {
        padding: 0.1rem 0.75rem 0.1rem 0;
      }
      blockquote {
        margin: 0.5rem 0 0;
        padding-left: 0.75rem;
        border-left: 3px solid #94a3b8;
        color: #334155;
      }
    `,
  ];

  @property({ attribute: false }) rules: readonly RuleDefinition[] = [];
  @property({ attribute: false }) verdicts: SmoothedVerdicts | null = null;
  @state() private openRule: RuleId | null = null;

  override render() {
    return html`<ul aria-label="Rules">
      ${this.rules.map((rule) => this.renderRule(rule))}
    </ul>`;
  }

  private renderRule(rule: RuleDefinition) {
    const smoothed = this.verdicts?.smoothed[rule.id];
    const raw = this.verdicts?.raw[rule.id];
    const status = smoothed?.status ?? 'unknown';
    const open = this.openRule === rule.id;
    const measures = smoothed?.evidence.measures ?? {};
    const measureKey = smoothed?.evidence.decidingMeasure ?? Object.keys(measures)[0];
    const measureValue = measureKey === undefined ? undefined : measures[measureKey];
    return html`<li data-rule=${rule.id}>
      <button
        class="chip ${status}"
        type="button"
        aria-expanded=${open}
        aria-controls="details-${rule.id}"
        @click=${() => (this.openRule = open ? null : rule.id)}
      >
        <span class="icon" aria-hidden="true">${STATUS_ICON[status]}</span>
        <span><span class="title">${rule.title.en} · ${rule.title.zh}</span>: <span class="status">${STATUS_TEXT[status]}</span></span>
        <span class="measure" title=${measureKey ? measureLabel(measureKey) : ''}
          >${measureKey !== undefined && measureValue !== undefined ? formatMeasure(measureKey, measureValue) : ''}</span
        >
      </button>
      ${open ? this.renderDetails(rule, smoothed, raw) : nothing}
    </li>`;
  }

  private renderDetails(rule: RuleDefinition, smoothed: Verdict | undefined, raw: Verdict | undefined) {
    const evidence = smoothed?.evidence;
    return html`<div class="details" id="details-${rule.id}" role="region" aria-label="${rule.title.en} evidence">
      ${evidence?.reason ? html`<div><strong>Why:</strong> ${evidence.reason}</div>` : nothing}
      ${rule.defaultOff && smoothed?.status === 'off'
        ? html`<div><strong>Off by default · 默认关闭:</strong> ${rule.defaultOff.en} · ${rule.defaultOff.zh}</div>`
        : nothing}
      ${evidence
        ? html`<table>
            ${Object.entries(evidence.measures).map(
              ([key, value]) => html`<tr><td>${measureLabel(key)}</td><td>${formatMeasure(key, value)}</td></tr>`,
            )}
            ${Object.entries(evidence.thresholds).map(
              ([key, value]) => html`<tr><td>limit: ${measureLabel(key)}</td><td>${formatMeasure(key, value)}</td></tr>`,
            )}
            <tr><td>confidence</td><td>${evidence.confidence.toFixed(2)}</td></tr>
          </table>`
        : html`<div>No frame judged yet.</div>`}
      ${raw && smoothed && raw.status !== smoothed.status
        ? html`<div>This frame alone: ${STATUS_TEXT[raw.status]} (the verdict changes once that holds).</div>`
        : nothing}
      <blockquote lang="zh">${rule.source.zh}</blockquote>
      <blockquote lang="en">${rule.source.en}</blockquote>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cc-rule-chips': CcRuleChips;
  }
}
