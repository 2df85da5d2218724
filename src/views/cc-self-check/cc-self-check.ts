import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { RuleDefinition, RuleId, Verdict } from '../../core/rules';
import { aggregateCheck } from '../../core/self-check/aggregate-verdicts';
import { fixHint } from '../../core/self-check/fix-hints';
import type { SetupLanguage } from '../../core/station-setup/station-setup';
import { checkRecordFromVerdicts } from '../../core/summaries/build-records';
import type { CheckRecord } from '../../core/summaries/records';
import type { FrameAnalysis } from '../../pipeline/frame-analyzer';
import { CheckRepository } from '../../storage/check-repository';
import { db } from '../../storage/db';
import { SettingsRepository } from '../../storage/settings-repository';
import { emit } from '../events';
import { formatMeasure, measureLabel } from '../format';
import { inLanguage, langAttribute } from '../language';
import { buttonStyles } from '../button-styles';
import { STATUS_ICON, STATUS_TEXT, statusColors } from '../status-style';

/** The guided check: a short countdown, then frames are judged for a few seconds (10 s in all at most). */
export const COUNTDOWN_S = 3;
export const CHECK_MS = 5000;
const HISTORY_LENGTH = 10;
const STATUS_TEXT_ZH = { pass: '通过', fail: '未通过', unknown: '无法判断', off: '已关闭' } as const;

type Phase =
  | { kind: 'idle' }
  | { kind: 'waiting'; only: readonly RuleId[] }
  | { kind: 'countdown'; secondsLeft: number } | { kind: 'checking'; startedAtMs: number; only: readonly RuleId[] };

/**
 * The morning self-check: one button, a countdown, a few seconds of live judgement, then a checklist
 * with evidence and a one-line fix per item, saved locally (no image). Failed items can be re-checked alone.
 * Starting asks the shell for a source (it opens the camera when none runs, and releases it at the end if
 * it opened it); the countdown waits for the source and its first analysis, saying so.
 *
 * @fires cc-self-check-running - true when a check starts (a source is wanted), false when it ends or is cancelled.
 */
@customElement('cc-self-check')
export class CcSelfCheck extends LitElement {
  static override styles = [
    statusColors,
    buttonStyles,
    css`
      :host {
        display: block;
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
      .opt-in {
        display: block;
        font-size: 0.85rem;
        margin: 0.5rem 0;
      }
      img.thumb {
        vertical-align: middle;
        border-radius: 4px;
        margin-right: 0.3rem;
      }
      button.link {
        padding: 0.1rem 0.4rem;
        font-size: 0.8rem;
        margin-left: 0.3rem;
      }
    `,
  ];

  /** The latest analysed frame; each new one is a sample while a check runs. */
  @property({ attribute: false }) analysis: FrameAnalysis | null = null;
  @property({ attribute: false }) rules: readonly RuleDefinition[] = [];
  @property() stationId = '';
  /** Whether a source runs and has been analysed (the countdown waits for it). */
  @property({ type: Boolean }) ready = false;
  /** Whether a source runs (else the camera is still being opened). */
  @property({ type: Boolean, attribute: 'source-on' }) sourceOn = false;
  /** Why the camera could not open, while a check waits for it; null otherwise. */
  @property({ attribute: false }) cameraProblem: string | null = null;
  /** The station's language for instructions and the checklist. */
  @property() language: SetupLanguage = 'both';
  /** Makes a small picture of the frame on screen; used only when the user opted in to thumbnails. */
  @property({ attribute: false }) captureThumbnail: (() => Promise<Blob | null>) | null = null;

  @state() private phase: Phase = { kind: 'idle' };
  @state() private result: Record<RuleId, Verdict> | null = null;
  @state() private history: readonly CheckRecord[] = [];
  @state() private message: string | null = null;
  /** The user's opt-in to keep a small picture with each check (station settings); off by default. */
  @state() private keepThumbnails = false;
  /** Object URLs of the history's thumbnails, by record id; revoked when the history is replaced. */
  @state() private thumbnailUrls: ReadonlyMap<string, string> = new Map();
  private samples: Partial<Record<RuleId, Verdict>>[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly repository = new CheckRepository(db);
  private readonly settings = new SettingsRepository(db);

  override connectedCallback(): void {
    super.connectedCallback();
    void this.loadHistory();
    void this.loadOptIn();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.timer);
    if (this.phase.kind !== 'idle') emit(this, 'cc-self-check-running', false);
    this.replaceThumbnailUrls(new Map());
  }

  private async loadOptIn(): Promise<void> {
    if (!this.stationId) return;
    try {
      this.keepThumbnails = (await this.settings.get(this.stationId))?.keepThumbnails ?? false;
    } catch (error) {
      this.message = error instanceof Error ? error.message : String(error);
    }
  }

  private async handleOptIn(keep: boolean): Promise<void> {
    try {
      const current = await this.settings.get(this.stationId);
      await this.settings.put({
        ...(current ?? { version: 1, stationId: this.stationId }),
        updatedAtMs: Date.now(),
        keepThumbnails: keep,
      });
      this.keepThumbnails = keep;
      if (keep) {
        this.message = 'Pictures on: each new check keeps a small picture on this device only. · 已开启: 新的自检将在本机保存一张小图。';
      } else {
        // Withdrawing the opt-in also erases the pictures already kept.
        const removed = await this.repository.removeThumbnails(this.stationId);
        this.message = `Pictures off: ${removed} stored picture${removed === 1 ? '' : 's'} deleted. · 已关闭并删除已保存的小图。`;
        await this.loadHistory();
      }
    } catch (error) {
      this.message = `Not changed: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  private async handleDelete(record: CheckRecord): Promise<void> {
    try {
      await this.repository.delete(record.id);
      this.message = `The check of ${new Date(record.startedAtMs).toLocaleString()} was deleted${record.thumbnail ? ', with its picture' : ''}.`;
    } catch (error) {
      this.message = error instanceof Error ? error.message : String(error);
    }
    await this.loadHistory();
  }

  private replaceThumbnailUrls(next: ReadonlyMap<string, string>): void {
    for (const url of this.thumbnailUrls.values()) URL.revokeObjectURL(url);
    this.thumbnailUrls = next;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.phase.kind === 'waiting' && this.ready) this.countdown(this.phase.only);
    else if ((this.phase.kind === 'countdown' || this.phase.kind === 'checking') && !this.ready) {
      this.cancel(
        inLanguage(
          { zh: '画面来源已停止或更换，自检已取消。', en: 'The camera stopped or the source changed, so the check was cancelled: nothing was saved.' },
          this.language,
          ' ',
        ),
      );
    }
    if (changed.has('analysis') && this.analysis && this.phase.kind === 'checking') {
      this.samples.push(this.analysis.rules);
      if (performance.now() - this.phase.startedAtMs >= CHECK_MS) void this.finish(this.phase.only);
    }
    if (changed.has('stationId')) {
      void this.loadHistory();
      void this.loadOptIn();
    }
  }

  private start(only: readonly RuleId[] = []): void {
    this.message = null;
    this.samples = [];
    // The shell opens the camera if no moving source runs (a photo is replaced by it), and turns the object
    // detector on (the counter rule needs it). Told first, so `ready` drops before the check waits on it.
    emit(this, 'cc-self-check-running', true);
    this.phase = { kind: 'waiting', only };
  }

  /** Ends a check before its result: nothing is saved, and the shell releases the camera if it opened it for the check. */
  private cancel(message: string): void {
    clearTimeout(this.timer);
    this.phase = { kind: 'idle' };
    this.message = message;
    emit(this, 'cc-self-check-running', false);
  }

  private countdown(only: readonly RuleId[]): void {
    this.samples = [];
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
    const ids = only.length ? only : this.rules.map((rule) => rule.id);
    const fresh = aggregateCheck(this.samples, ids);
    this.result = { ...(only.length ? this.result : {}), ...fresh } as Record<RuleId, Verdict>;
    let thumbnail: Blob | null = null;
    if (this.keepThumbnails && this.captureThumbnail) {
      try {
        thumbnail = await this.captureThumbnail();
      } catch {
        thumbnail = null; // the check is saved without its picture
      }
    }
    // Only now: the shell may release a camera it opened for the check, and the picture needs its frame.
    emit(this, 'cc-self-check-running', false);
    const record = checkRecordFromVerdicts({
      id: crypto.randomUUID(),
      stationId: this.stationId,
      startedAtMs,
      finishedAtMs: Date.now(),
      verdicts: Object.values(this.result),
      ...(thumbnail ? { thumbnail } : {}),
    });
    try {
      await this.repository.add(record);
      const kept = thumbnail ? 'A small picture was kept on this device, as you chose.' : 'No image was stored.';
      this.message = only.length ? `Re-check saved on this device as a new check. ${kept}` : `Saved on this device. ${kept}`;
    } catch (error) {
      this.message = `Not saved: ${error instanceof Error ? error.message : String(error)}`;
    }
    await this.loadHistory();
  }

  private async loadHistory(): Promise<void> {
    if (!this.stationId) return;
    try {
      this.history = (await this.repository.latest(this.stationId, HISTORY_LENGTH)).records;
      this.replaceThumbnailUrls(
        new Map(this.history.flatMap((record) => (record.thumbnail ? [[record.id, URL.createObjectURL(record.thumbnail)] as const] : []))),
      );
    } catch (error) {
      this.message = error instanceof Error ? error.message : String(error);
    }
  }

  override render() {
    const phase = this.phase;
    const failed = this.result ? this.rules.filter((rule) => this.result![rule.id]?.status === 'fail').map((rule) => rule.id) : [];
    const language = this.language;
    const passed = this.result ? this.rules.filter((rule) => this.result![rule.id]?.status === 'pass').length : 0;
    return html`
      <p class="instructions" role="status" aria-live="polite" data-self-check-status lang=${ifDefined(langAttribute(language))}>
        ${phase.kind === 'waiting'
          ? this.cameraProblem
            ? `${inLanguage({ zh: '摄像头无法打开', en: 'The camera could not start' }, language)}: ${this.cameraProblem} ${inLanguage({ zh: '按“重试”或“取消”。', en: 'Press Retry above, or Cancel.' }, language, ' ')}`
            : this.sourceOn
              ? inLanguage({ zh: '摄像头已打开，等待首次分析…', en: 'Camera on: waiting for the first analysis…' }, language)
              : inLanguage({ zh: '正在打开摄像头…', en: 'Starting the camera…' }, language)
          : phase.kind === 'countdown'
          ? `${inLanguage({ zh: '坐直，看镜头，出示工牌', en: 'Sit upright, look at the camera, show your badge' }, language)}… ${phase.secondsLeft}`
          : phase.kind === 'checking'
            ? inLanguage({ zh: '检查中，请保持', en: 'Checking: hold still…' }, language)
            : this.result
              ? inLanguage({ zh: `${this.rules.length} 项中 ${passed} 项通过`, en: `${passed} of ${this.rules.length} passed` }, language)
              : inLanguage({ zh: '上岗前几秒钟的引导检查。', en: 'A guided check of a few seconds, before your shift.' }, language)}
      </p>
      <button class="primary" type="button" ?disabled=${phase.kind !== 'idle'} @click=${() => this.start()}>
        Start self-check
      </button>
      ${failed.length && phase.kind === 'idle'
        ? html`<button type="button" @click=${() => this.start(failed)}>Re-check failed items</button>`
        : nothing}
      ${phase.kind !== 'idle'
        ? html`<button type="button" @click=${() => this.cancel(inLanguage({ zh: '自检已取消，未保存。', en: 'Check cancelled: nothing was saved.' }, language, ' '))}>
            Cancel check
          </button>`
        : nothing}
      <label class="opt-in"
        ><input type="checkbox" .checked=${this.keepThumbnails} ?disabled=${!this.stationId} @change=${(e: Event) => this.handleOptIn((e.target as HTMLInputElement).checked)} />
        Keep a small picture with my checks (this device only; off by default) · 保存自检小图</label
      >
      ${this.result ? this.renderChecklist(this.result) : nothing}
      ${this.message ? html`<p class="note" role="status">${this.message}</p>` : nothing}
      ${this.renderHistory()}
    `;
  }

  private renderChecklist(result: Record<RuleId, Verdict>) {
    const language = this.language;
    return html`<ul class="checklist" aria-label="Self-check result" lang=${ifDefined(langAttribute(language))}>
      ${this.rules.map((rule) => {
        const verdict = result[rule.id];
        if (!verdict) return nothing;
        const hint = fixHint(rule.id, verdict);
        const measure = verdict.evidence.decidingMeasure;
        const value = measure ? verdict.evidence.measures[measure] : undefined;
        return html`<li class="item ${verdict.status}" data-rule=${rule.id}>
          <div class="head">
            <span aria-hidden="true">${STATUS_ICON[verdict.status]}</span> ${inLanguage(rule.title, language)}:
            ${inLanguage({ zh: STATUS_TEXT_ZH[verdict.status], en: STATUS_TEXT[verdict.status] }, language, ' ')}
          </div>
          ${hint ? html`<div class="fix">${inLanguage(hint, language, ' ')}</div>` : nothing}
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
          const when = new Date(record.startedAtMs).toLocaleString();
          const url = this.thumbnailUrls.get(record.id);
          return html`<li data-check=${record.id}>
            ${url ? html`<img class="thumb" src=${url} alt="Your picture from the check of ${when}" width="80" />` : nothing}
            ${when}: ${passed}/${verdicts.length} passed${failedIds.length ? `; failed: ${failedIds.join(', ')}` : ''}
            <button type="button" class="link" @click=${() => this.handleDelete(record)} aria-label="Delete the check of ${when}">Delete</button>
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
