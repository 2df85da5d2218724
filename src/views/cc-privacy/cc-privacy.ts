import type { IDBPDatabase } from 'idb';
import { html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { localDay } from '../../core/summaries/local-day';
import { DEFAULT_RETENTION_DAYS, MAX_RETENTION_DAYS, MIN_RETENTION_DAYS, retentionDaysProblem } from '../../core/privacy/retention';
import { exportData } from '../../storage/data-transfer';
import { type CounterCheckDB, db } from '../../storage/db';
import { eraseAllData } from '../../storage/erase-all-data';
import { browserPreferenceStorage, type PreferenceStorage, saveRetentionDays, withdrawConsent } from '../../storage/privacy-preferences';
import { regenerateStationId } from '../../storage/station-identity';
import '../cc-consent/cc-consent';
import { downloadText } from '../cc-supervisor/download-text';
import { emit } from '../events';
import { privacyStyles } from './cc-privacy.styles';

/** What changed, so the shell restarts with it (a new pseudonym, no data, no consent). */
export interface PrivacyResetDetail {
  readonly reason: 'erase' | 'station-id' | 'withdraw';
}
export type CcPrivacyResetEvent = CustomEvent<PrivacyResetDetail>;

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * The "Privacy · 隐私" button and its dialog: the consent text to read again, this station's
 * pseudonym (and a new one), the retention period, exporting this station's own records as JSON,
 * erasing all data (after a confirmation) and withdrawing consent.
 *
 * @fires cc-privacy-reset - data was erased, the pseudonym changed or consent was withdrawn (`PrivacyResetDetail`)
 */
@customElement('cc-privacy')
export class CcPrivacy extends LitElement {
  static override styles = privacyStyles;

  /** This browser's station pseudonym. */
  @property({ attribute: 'station-id' }) stationId = '';
  /** The retention period in force, days. */
  @property({ type: Number, attribute: 'retention-days' }) retentionDays = DEFAULT_RETENTION_DAYS;
  /** Opens the database. Default: the app's shared connection (`db`). */
  @property({ attribute: false }) openDatabase: () => Promise<IDBPDatabase<CounterCheckDB>> = db;
  /** Where the pseudonym and preferences are kept. Default `localStorage`. */
  @property({ attribute: false }) storage: PreferenceStorage | null = browserPreferenceStorage();
  /** The clock, epoch ms. Default `Date.now`. */
  @property({ attribute: false }) nowMs: () => number = Date.now;

  @state() private notice: string | null = null;
  @state() private error: string | null = null;
  @state() private busy = false;

  @query('dialog.privacy') private dialog!: HTMLDialogElement;
  @query('dialog.erase') private eraseDialog!: HTMLDialogElement;
  @query('input[name="retention-days"]') private retentionInput!: HTMLInputElement;

  /** Opens the dialog (the header button does the same). */
  show(): void {
    this.notice = null;
    this.error = null;
    this.dialog.showModal();
  }

  private async handleExport(): Promise<void> {
    this.busy = true;
    try {
      const nowMs = this.nowMs();
      const exported = await exportData(this.openDatabase, { stationIds: [this.stationId], nowMs });
      const count = exported.file.checks.length + exported.file.minutes.length;
      downloadText(this.renderRoot, `countercheck-my-records_${this.stationId}_${localDay(nowMs)}.json`, 'application/json', exported.json);
      this.notice = `已导出 ${count} 条记录 · Saved ${count} record${count === 1 ? '' : 's'} of station ${this.stationId} as JSON (no images).`;
      this.error = null;
    } catch (error) {
      this.error = `导出失败 · The records could not be exported: ${messageOf(error)}`;
    } finally {
      this.busy = false;
    }
  }

  private handleRetentionSave(event: SubmitEvent): void {
    event.preventDefault();
    const days = this.retentionInput.valueAsNumber;
    const problem = retentionDaysProblem(days);
    if (problem) {
      this.error = problem;
      return;
    }
    try {
      saveRetentionDays(this.storage, days);
      this.retentionDays = days;
      this.error = null;
      this.notice = `保留期已设为 ${days} 天 · Records are now kept for ${days} days; older ones are deleted at the next start.`;
    } catch (error) {
      this.error = messageOf(error);
    }
  }

  private handleNewStationId(): void {
    try {
      const created = regenerateStationId(this.storage as Storage | null);
      this.notice = `New pseudonym ${created}.`;
      emit<PrivacyResetDetail>(this, 'cc-privacy-reset', { reason: 'station-id' });
    } catch (error) {
      this.error = messageOf(error);
    }
  }

  private async handleEraseConfirm(): Promise<void> {
    this.busy = true;
    try {
      await eraseAllData(this.openDatabase, this.storage);
      this.eraseDialog.close();
      this.notice = '已删除本浏览器中的全部数据 · All data kept by CounterCheck in this browser was erased.';
      this.error = null;
      emit<PrivacyResetDetail>(this, 'cc-privacy-reset', { reason: 'erase' });
    } catch (error) {
      this.eraseDialog.close();
      this.error = `删除失败 · Nothing was erased: ${messageOf(error)}`;
    } finally {
      this.busy = false;
    }
  }

  private handleWithdraw(): void {
    withdrawConsent(this.storage);
    this.dialog.close();
    emit<PrivacyResetDetail>(this, 'cc-privacy-reset', { reason: 'withdraw' });
  }

  override render() {
    return html`<button type="button" class="open" aria-haspopup="dialog" @click=${this.show}>
        <span aria-hidden="true">🔒</span> 隐私 · Privacy
      </button>
      <dialog class="privacy" aria-labelledby="privacy-title">
        <div class="top">
          <h2 id="privacy-title">隐私与数据 · Privacy and your data</h2>
          <button type="button" @click=${() => this.dialog.close()}>关闭 · Close</button>
        </div>
        <cc-consent mode="review" retention-days=${this.retentionDays}></cc-consent>
        <div class="status" role="status" data-region="privacy-notice">${this.notice ?? nothing}</div>
        <div class="alert" role="alert" data-region="privacy-error">${this.error ?? nothing}</div>

        <h3>工位代号 · Station pseudonym</h3>
        <p>
          本机工位代号 · This station is <code data-station-id>${this.stationId}</code>: a random name made on this device, never a
          person's name.
        </p>
        <div class="row">
          <button type="button" @click=${this.handleNewStationId} ?disabled=${this.busy}>更换代号 · New pseudonym</button>
        </div>
        <p class="hint">Records already kept stay under the old pseudonym; the page restarts with the new one (calibrate again).</p>

        <h3>保留期 · Keep records for</h3>
        <form class="row" novalidate @submit=${this.handleRetentionSave}>
          <label
            >天数 · Days
            <input
              name="retention-days"
              type="number"
              min=${MIN_RETENTION_DAYS}
              max=${MAX_RETENTION_DAYS}
              step="1"
              required
              .value=${String(this.retentionDays)}
          /></label>
          <button type="submit">保存 · Save</button>
        </form>
        <p class="hint">Self-checks and monitored minutes older than this are deleted automatically when CounterCheck starts.</p>

        <h3>我的记录 · Your records</h3>
        <div class="row">
          <button type="button" @click=${this.handleExport} ?disabled=${this.busy || !this.stationId}>
            导出我的记录 (JSON) · Export my records (JSON)
          </button>
          <button type="button" class="danger" @click=${() => this.eraseDialog.showModal()} ?disabled=${this.busy}>
            删除全部数据… · Erase all my data…
          </button>
          <button type="button" @click=${this.handleWithdraw}>撤回同意 · Withdraw consent</button>
        </div>
        <p class="hint">Withdrawing stops the camera and shows the notice again before anything runs; it deletes nothing.</p>
      </dialog>
      <dialog class="erase" aria-labelledby="erase-title">
        <h2 id="erase-title">删除全部数据？· Erase all data?</h2>
        <p lang="zh-CN">这会删除 CounterCheck 在本浏览器中保存的全部自检、监测分钟、校准和设置，以及工位代号。无法撤销。</p>
        <p lang="en">
          This deletes every self-check, monitored minute, calibration and setting CounterCheck keeps in this browser, and the station
          pseudonym. It cannot be undone: export your records first if you need them.
        </p>
        <div class="row" style="margin-top: 1rem">
          <button type="button" autofocus @click=${() => this.eraseDialog.close()}>取消 · Cancel</button>
          <button type="button" class="danger" ?disabled=${this.busy} @click=${this.handleEraseConfirm}>全部删除 · Erase everything</button>
        </div>
      </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cc-privacy': CcPrivacy;
  }
  interface GlobalEventHandlersEventMap {
    'cc-privacy-reset': CcPrivacyResetEvent;
  }
}
