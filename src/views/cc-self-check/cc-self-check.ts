import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { RuleDefinition, RuleId, Verdict } from '../../core/rules';
import { aggregateCheck } from '../../core/self-check/aggregate-verdicts';
import { fixHint } from '../../core/self-check/fix-hints';
import { checkRecordFromVerdicts } from '../../core/summaries/build-records';
import type { CheckRecord } from '../../core/summaries/records';
import type { FrameAnalysis } from '../../pipeline/frame-analyzer';
import { CheckRepository } from '../../storage/check-repository';
import { db } from '../../storage/db';
import { emit } from '../events';
import { formatMeasure, measureLabel } from '../format';
import { STATUS_ICON, STATUS_TEXT, statusColors } from '../status-style';

/** The guided check: a short countdown, then frames are judged for a few seconds (10 s in all at most). */
export const COUNTDOWN_S = 3;
export const CHECK_MS = 5000;
const HISTORY_LENGTH = 10;

type Phase = { kind: 'idle' } | { kind: 'countdown'; secondsLeft: number } | { kind: 'checking'; startedAtMs: number; only: readonly RuleId[] };

/**
 * The morning self-check: one button, a countdown, a few seconds of live judgement, then a checklist
 * with evidence and a one-line fix per item, saved locally (no image). Failed items can be re-checked alone.
 */
@customElement('cc-self-check')
export class CcSelfCheck extends LitElement {
  static override styles = [
    statusColors,
    css`
      :host {
        display: block;
      }
      button {
        font: inherit;
        padding: 0.45rem 0.9rem;
        border-radius: 6px;
        border: 1px solid #94a3b8;
        background: #fff;
        cursor: pointer;
      }
      button.primary {
        background: #0e7490;
        border-color: #0e7490;
        color: #fff;
      }
      button:disabled {
        opacity: 0.5;
        cursor: not-allowed;
      }
      button:focus-visible {
        outline: 3px solid #f59e0b;
        outline-offset: 2px;
      }
      .instructions {
        font-size: 1.1rem;
        font-weight: 600;
        margin: 0.5rem 0;
      }
      ul.checklist {
        list-style: none;
        padding: 0;
        margin: 0.75rem 0;
        display: flex;
        flex-direction: column;
        gap: 0.5rem;
      }
      .item {
        border-left: 6px solid var(--status-strong);
        background: var(--status-bg);
        color: var(--status-fg);
        padding: 0.5rem 0.75rem;
        border-radius: 6px;
      }
      .item .head {
        font-weight: 700;
      }
      .item .fix {
        margin-top: 0.2rem;
      }
      .item .evidence {
        font-size: 0.85rem;
        margin-top: 0.2rem;
      }
      .history {
        font-size: 0.9rem;
        margin: 0.5rem 0 0;
        padding-left: 1.1rem;
      }
      .note {
        font-size: 0.85rem;
        color: #475569;
      }
    `,
  ];

  /** The latest analysed frame; each new one is a sample while a check runs. */
  @property({ attribute: false }) analysis: FrameAnalysis | null = null;
  @property({ attribute: false }) rules: readonly RuleDefinition[] = [];
  @property() stationId = '';
  /** Whether a live source is running (a check needs one). */
  @property({ type: Boolean }) ready = false;

  @state() private phase: Phase = { kind: 'idle' };
  @state() private result: Record<RuleId, Verdict> | null = null;
  @state() private history: readonly CheckRecord[] = [];
  @state() private message: string | null = null;
  private samples: Partial<Record<RuleId, Verdict>>[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly repository = new CheckRepository(db);

  override connectedCallback(): void {
    super.connectedCallback();
    void this.loadHistory();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.timer);
    if (this.phase.kind !== 'idle') emit(this, 'cc-self-check-running', false);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('analysis') && this.analysis && this.phase.kind === 'checking') {
      this.samples.push(this.analysis.rules);
      if (performance.now() - this.phase.startedAtMs >= CHECK_MS) void this.finish(this.phase.only);
    }
    if (changed.has('stationId')) void this.loadHistory();
  }

  private start(only: readonly RuleId[] = []): void {
    this.message = null;
    this.samples = [];
    // The counter rule needs the object detector on the frames judged: the shell turns it on until the end.
    emit(this, 'cc-self-check-running', true);
    const tick = (secondsLeft: number) => {
      if (secondsLeft === 0) {
        this.phase = { kind: 'checking', startedAtMs: performance.now(), only };
        return;
      }
      this.phase = { kind: 'countdown', secondsLeft };
      this.timer = setTimeout(() => tick(secondsLeft - 1), 1000);
    };
    tick(COUNTDOWN_S);
  }

  private async finish(only: readonly RuleId[]): Promise<void> {
    const startedAtMs = Date.now() - CHECK_MS;
    this.phase = { kind: 'idle' };
    emit(this, 'cc-self-check-running', false);
    const ids = only.length ? only : this.rules.map((rule) => rule.id);
    const fresh = aggregateCheck(this.samples, ids);
    this.result = { ...(only.length ? this.result : {}), ...fresh } as Record<RuleId, Verdict>;
    const record = checkRecordFromVerdicts({
      id: crypto.randomUUID(),
      stationId: this.stationId,
      startedAtMs,
      finishedAtMs: Date.now(),
      verdicts: Object.values(this.result),
    });
    try {
      await this.repository.add(record);
      this.message = only.length ? 'Re-check saved on this device as a new check.' : 'Saved on this device. No image was stored.';
    } catch (error) {
      this.message = `Not saved: ${error instanceof Error ? error.message : String(error)}`;
    }
    await this.loadHistory();
  }

  private async loadHistory(): Promise<void> {
    if (!this.stationId) return;
    try {
      this.history = (await this.repository.latest(this.stationId, HISTORY_LENGTH)).records;
    } catch (error) {
      this.message = error instanceof Error ? error.message : String(error);
    }
  }

  override render() {
    const phase = this.phase;
    const failed = this.result ? this.rules.filter((rule) => this.result![rule.id]?.status === 'fail').map((rule) => rule.id) : [];
    return html`
      <p class="instructions" role="status" aria-live="polite" data-self-check-status>
        ${phase.kind === 'countdown'
          ? html`坐直，看镜头，出示工牌 · Sit upright, look at the camera, show your badge… ${phase.secondsLeft}`
          : phase.kind === 'checking'
            ? html`检查中，请保持 · Checking: hold still…`
            : this.result
              ? `${Object.values(this.result).filter((v) => v.status === 'pass').length} of ${this.rules.length} passed`
              : 'A guided check of a few seconds, before your shift.'}
      </p>
      <button class="primary" type="button" ?disabled=${!this.ready || phase.kind !== 'idle'} @click=${() => this.start()}>
        Start self-check
      </button>
      ${failed.length && phase.kind === 'idle'
        ? html`<button type="button" ?disabled=${!this.ready} @click=${() => this.start(failed)}>Re-check failed items</button>`
        : nothing}
      ${this.result ? this.renderChecklist(this.result) : nothing}
      ${this.message ? html`<p class="note" role="status">${this.message}</p>` : nothing}
      ${this.renderHistory()}
    `;
  }

  private renderChecklist(result: Record<RuleId, Verdict>) {
    return html`<ul class="checklist" aria-label="Self-check result">
      ${this.rules.map((rule) => {
        const verdict = result[rule.id];
        if (!verdict) return nothing;
        const hint = fixHint(rule.id, verdict);
        const measure = verdict.evidence.decidingMeasure;
        const value = measure ? verdict.evidence.measures[measure] : undefined;
        return html`<li class="item ${verdict.status}" data-rule=${rule.id}>
          <div class="head">
            <span aria-hidden="true">${STATUS_ICON[verdict.status]}</span> ${rule.title.zh} · ${rule.title.en}:
            ${STATUS_TEXT[verdict.status]}
          </div>
          ${hint ? html`<div class="fix">${hint.zh} ${hint.en}</div>` : nothing}
          ${measure && value !== undefined
            ? html`<div class="evidence">${measureLabel(measure)} ${formatMeasure(measure, value)} · confidence ${verdict.evidence.confidence.toFixed(2)}</div>`
            : nothing}
        </li>`;
      })}
    </ul>`;
  }

  private renderHistory() {
    if (!this.history.length) return nothing;
    return html`<h3>My recent checks</h3>
      <ol class="history" aria-label="My recent checks">
        ${this.history.map((record) => {
          const verdicts = Object.entries(record.verdicts);
          const passed = verdicts.filter(([, v]) => v.status === 'pass').length;
          const failedIds = verdicts.filter(([, v]) => v.status === 'fail').map(([id]) => id);
          return html`<li>
            ${new Date(record.startedAtMs).toLocaleString()}: ${passed}/${verdicts.length} passed${failedIds.length ? `; failed: ${failedIds.join(', ')}` : ''}
          </li>`;
        })}
      </ol>`;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'cc-self-check-running': CustomEvent<boolean>;
  }
  interface HTMLElementTagNameMap {
    'cc-self-check': CcSelfCheck;
  }
}
