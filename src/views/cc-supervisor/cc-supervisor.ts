import type { IDBPDatabase } from 'idb';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { DEFAULT_IMPORT_MAX_BYTES, ImportFileError, type InvalidRecord } from '../../core/summaries/export-file';
import { type AnonymizedSummary, DEFAULT_K_ANONYMITY } from '../../core/summaries/k-anonymize';
import { isLocalDay } from '../../core/summaries/local-day';
import { OTHER_STATIONS_LABEL, type StationSummary } from '../../core/summaries/summarize-records';
import { summaryToCsv } from '../../core/summaries/summary-to-csv';
import { CheckRepository } from '../../storage/check-repository';
import { clearAllData } from '../../storage/clear-all-data';
import { type ImportReport, exportData, importData } from '../../storage/data-transfer';
import { type CounterCheckDB, db } from '../../storage/db';
import { type LoadedSummary, loadSupervisorSummary } from '../../storage/load-summary';
import { MinuteRepository } from '../../storage/minute-repository';
import { emit } from '../events';
import { supervisorStyles } from './cc-supervisor.styles';
import { downloadText } from './download-text';
import { renderPassRateBars, renderTrendChart } from './render-charts';
import { hasPin, type PinStorage, pinProblem, removePin, setPin, verifyPin } from './supervisor-pin';
import {
  type DayRange,
  defaultDayRange,
  formatCount,
  formatMinutes,
  formatPercent,
  hiddenStationsNote,
  overallPassRate,
  publishedGroups,
  ruleTitle,
  totalViolationMinutes,
  TREND_METRICS,
  type TrendMetric,
} from './supervisor-model';

/** The smallest k the view accepts: k = 1 would show every station alone. */
export const MIN_K_ANONYMITY = 2;
export const MAX_K_ANONYMITY = 100_000;
/** What the person types to confirm "Clear all data". */
export const CLEAR_CONFIRM_WORD = 'DELETE';
/** Most invalid records listed in an import report; the rest are counted. */
const INVALID_LISTED_MAX = 50;

/** What changed in the stored data, so the shell can refresh other views. */
export interface DataChangeDetail {
  readonly reason: 'import' | 'clear';
  /** Records added by an import; 0 for a clear. */
  readonly imported: number;
}
export type CcDataChangeEvent = CustomEvent<DataChangeDetail>;

type ImportOutcome =
  | { readonly kind: 'busy'; readonly fileName: string }
  | { readonly kind: 'report'; readonly fileName: string; readonly report: ImportReport }
  | { readonly kind: 'refused'; readonly fileName: string; readonly message: string };

interface Loaded {
  readonly range: DayRange;
  readonly result: LoadedSummary<AnonymizedSummary>;
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** localStorage, or null where the browser refuses it (site data blocked). */
function browserStorage(): PinStorage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

const recordsText = (count: number, what: string): string => `${formatCount(count)} ${what}${count === 1 ? '' : 's'}`;

/**
 * Anonymized summaries for a supervisor, per station and day, all read from this browser's IndexedDB:
 * filters (dates, station, k), per-rule figures and charts, CSV and JSON export, JSON import, clearing all
 * data, and an optional PIN. Stations with fewer than `k` records in the range are never shown alone.
 * Everything from storage or a file is rendered through lit text bindings, never as HTML.
 *
 * @fires cc-data-change - records were imported or all data was cleared (`DataChangeDetail`)
 */
@customElement('cc-supervisor')
export class CcSupervisor extends LitElement {
  static override styles = supervisorStyles;

  /**
   * Fewest records (self-checks plus monitored minutes) a station needs in the range to be shown on its
   * own. The view's "k" field edits it. Default `DEFAULT_K_ANONYMITY` (5); at least `MIN_K_ANONYMITY`.
   */
  @property({ type: Number }) k = DEFAULT_K_ANONYMITY;
  /** Opens the database. Default: the app's shared connection (`db`). */
  @property({ attribute: false }) openDatabase: () => Promise<IDBPDatabase<CounterCheckDB>> = db;
  /** Where the PIN's salted hash is kept. Default `localStorage`; null where the browser refuses it. */
  @property({ attribute: false }) pinStorage: PinStorage | null = browserStorage();
  /** Largest import file accepted, bytes, checked before the file is read. Default `DEFAULT_IMPORT_MAX_BYTES` (10 MB). */
  @property({ type: Number, attribute: false }) importMaxBytes = DEFAULT_IMPORT_MAX_BYTES;
  /** The clock, epoch ms: the default date range ends on its day. Default `Date.now`. */
  @property({ attribute: false }) nowMs: () => number = Date.now;

  @state() private unlocked = false;
  @state() private pinSet = false;
  @state() private pinMessage: string | null = null;
  @state() private pinFormOpen = false;
  @state() private fromDay = '';
  @state() private toDay = '';
  @state() private station = '';
  @state() private metric: TrendMetric = 'passRate';
  @state() private filterProblem: string | null = null;
  @state() private loaded: Loaded | null = null;
  @state() private loading = false;
  /** A storage failure, shown in the alert region. */
  @state() private error: string | null = null;
  /** What the last action did (export, clear), shown in the status region. */
  @state() private notice: string | null = null;
  @state() private importOutcome: ImportOutcome | null = null;
  @state() private clearConfirmText = '';
  @state() private busy = false;
  /** The JSON export takes every station (a full copy to move the data), not only those with at least k records. */
  @state() private exportEveryStation = false;

  @query('dialog.clear') private clearDialog!: HTMLDialogElement;

  /** Bumped per load, so a slower earlier load never overwrites a later one. */
  private loadSequence = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    try {
      this.pinSet = this.pinStorage !== null && hasPin(this.pinStorage);
    } catch {
      this.pinStorage = null; // the browser refuses local storage: no PIN can be kept
      this.pinSet = false;
    }
    this.unlocked = !this.pinSet;
    if (!this.fromDay || !this.toDay) {
      const range = defaultDayRange(this.nowMs());
      this.fromDay = range.fromDay;
      this.toDay = range.toDay;
    }
    // Back in the page after a disconnect dropped the load: load again.
    if (this.hasUpdated) this.reload();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.loadSequence += 1; // a load still running is dropped
  }

  protected override willUpdate(changed: PropertyValues): void {
    const inputs = ['fromDay', 'toDay', 'k', 'unlocked', 'openDatabase'] as const;
    if (inputs.some((name) => changed.has(name))) this.reload();
  }

  /** Checks the filters and, when they are sound, loads the range. */
  private reload(): void {
    this.filterProblem = this.checkFilters();
    if (!this.unlocked || this.filterProblem) {
      this.loadSequence += 1;
      this.loading = false;
      return;
    }
    void this.load({ fromDay: this.fromDay, toDay: this.toDay }, this.k);
  }

  private checkFilters(): string | null {
    if (!isLocalDay(this.fromDay) || !isLocalDay(this.toDay)) return 'Choose both a start and an end date.';
    if (this.fromDay > this.toDay) return 'The start date is after the end date.';
    if (!Number.isInteger(this.k) || this.k < MIN_K_ANONYMITY || this.k > MAX_K_ANONYMITY) {
      return `k must be a whole number from ${MIN_K_ANONYMITY} to ${MAX_K_ANONYMITY}.`;
    }
    return null;
  }

  private repositories() {
    const options = { nowMs: this.nowMs };
    return { checks: new CheckRepository(this.openDatabase, options), minutes: new MinuteRepository(this.openDatabase, options) };
  }

  private async load(range: DayRange, k: number): Promise<void> {
    const sequence = ++this.loadSequence;
    this.loading = true;
    try {
      const result = await loadSupervisorSummary(this.repositories(), range.fromDay, range.toDay, k);
      if (sequence !== this.loadSequence) return;
      this.loaded = { range, result };
      this.error = null;
    } catch (error) {
      if (sequence !== this.loadSequence) return;
      this.error = messageOf(error);
    } finally {
      if (sequence === this.loadSequence) this.loading = false;
    }
  }

  // ---- PIN ----

  private async handleUnlock(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const input = form.elements.namedItem('pin') as HTMLInputElement;
    if (!this.pinStorage) return;
    try {
      if (await verifyPin(this.pinStorage, input.value)) {
        this.unlocked = true;
        this.pinMessage = null;
      } else {
        this.pinMessage = 'That PIN is not right.';
        input.select();
      }
    } catch (error) {
      this.pinMessage = `The PIN could not be checked: ${messageOf(error)}`;
    }
  }

  private async handleSetPin(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const pin = (form.elements.namedItem('new-pin') as HTMLInputElement).value;
    const repeat = (form.elements.namedItem('repeat-pin') as HTMLInputElement).value;
    const problem = pinProblem(pin) ?? (pin !== repeat ? 'The two PINs differ.' : null);
    if (problem) {
      this.pinMessage = problem;
      return;
    }
    if (!this.pinStorage) return;
    try {
      await setPin(this.pinStorage, pin);
      this.pinSet = true;
      this.pinFormOpen = false;
      this.pinMessage = 'PIN set. This view asks for it when it is next opened.';
    } catch (error) {
      this.pinMessage = `The PIN could not be saved: ${messageOf(error)}`;
    }
  }

  private handleRemovePin(): void {
    if (!this.pinStorage) return;
    try {
      removePin(this.pinStorage);
      this.pinSet = false;
      this.pinMessage = 'PIN removed.';
    } catch (error) {
      this.pinMessage = `The PIN could not be removed: ${messageOf(error)}`;
    }
  }

  // ---- export / import / clear ----

  private fileSuffix(): string {
    const range = this.loaded?.range ?? { fromDay: this.fromDay, toDay: this.toDay };
    return `${range.fromDay}_${range.toDay}`;
  }

  private handleExportCsv(): void {
    if (!this.loaded) return;
    const groups = this.shownGroup() ? [this.shownGroup()!] : publishedGroups(this.loaded.result.summary);
    downloadText(this.renderRoot, `countercheck-summary_${this.fileSuffix()}.csv`, 'text/csv;charset=utf-8', summaryToCsv(groups));
    this.notice = `Saved a CSV summary of ${groups.length === 1 ? groups[0]!.stationId : `${groups.length} groups`} (anonymized: stations under k are left out).`;
  }

  private async handleExportJson(): Promise<void> {
    if (!this.loaded) return;
    const { fromDay, toDay } = this.loaded.range;
    const { summary } = this.loaded.result;
    const everyStation = this.exportEveryStation;
    this.busy = true;
    try {
      const exported = await exportData(this.openDatabase, {
        fromDay,
        toDay,
        nowMs: this.nowMs(),
        // By default only the stations shown on their own (at least k records); never the small ones.
        ...(everyStation ? {} : { stationIds: summary.stations.map((station) => station.stationId) }),
      });
      downloadText(this.renderRoot, `countercheck-export_${this.fileSuffix()}.json`, 'application/json', exported.json);
      const count = exported.file.checks.length + exported.file.minutes.length;
      this.notice =
        `Saved ${recordsText(count, 'record')} from ${fromDay} to ${toDay} as JSON, ` +
        (everyStation
          ? `every station, not anonymized: keep the file as carefully as this browser's data.`
          : `only the ${recordsText(summary.stations.length, 'station')} with at least ${summary.k} records (stations under k are left out).`) +
        (exported.corrupt > 0 ? ` ${recordsText(exported.corrupt, 'damaged record')} were left out.` : '');
      this.error = null;
    } catch (error) {
      this.error = messageOf(error);
    } finally {
      this.busy = false;
    }
  }

  private async handleImportChange(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const fileName = file.name;
    this.notice = null;
    if (file.size > this.importMaxBytes) {
      const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
      this.importOutcome = {
        kind: 'refused',
        fileName,
        message: `The file is too large (${megabytes(file.size)}; the limit is ${megabytes(this.importMaxBytes)}).`,
      };
      return;
    }
    this.importOutcome = { kind: 'busy', fileName };
    this.busy = true;
    try {
      const report = await importData(this.openDatabase, await file.text(), { nowMs: this.nowMs(), maxBytes: this.importMaxBytes });
      this.importOutcome = { kind: 'report', fileName, report };
      this.error = null;
      if (report.imported > 0) {
        this.reload();
        emit<DataChangeDetail>(this, 'cc-data-change', { reason: 'import', imported: report.imported });
      }
    } catch (error) {
      const message = messageOf(error);
      this.importOutcome = { kind: 'refused', fileName, message };
      if (!(error instanceof ImportFileError)) this.error = message;
    } finally {
      this.busy = false;
    }
  }

  private handleClearOpen(): void {
    this.clearConfirmText = '';
    this.clearDialog.showModal();
  }

  private handleClearCancel(): void {
    this.clearDialog.close();
  }

  private async handleClearConfirm(): Promise<void> {
    if (this.clearConfirmText !== CLEAR_CONFIRM_WORD) return;
    this.busy = true;
    try {
      await clearAllData(this.openDatabase);
      this.clearDialog.close();
      this.importOutcome = null;
      this.notice = 'All data kept by CounterCheck in this browser was deleted.';
      this.error = null;
      this.reload();
      emit<DataChangeDetail>(this, 'cc-data-change', { reason: 'clear', imported: 0 });
    } catch (error) {
      this.clearDialog.close();
      this.error = messageOf(error);
    } finally {
      this.busy = false;
    }
  }

  // ---- rendering ----

  /** The station (or merged group) picked in the filter, when it is shown; null for the team. */
  private shownGroup(): StationSummary | null {
    if (!this.loaded || this.station === '') return null;
    const summary = this.loaded.result.summary;
    if (this.station === OTHER_STATIONS_LABEL) return summary.otherStations;
    return summary.stations.find((group) => group.stationId === this.station) ?? null;
  }

  override render() {
    return html`
      <header class="panel">
        <h2>Supervisor summaries</h2>
        <p class="privacy">This data lives in this browser only (IndexedDB). Nothing is sent anywhere.</p>
        <p class="hint">Anonymized: per-station figures appear only for stations with at least k records in the dates chosen.</p>
      </header>
      <div class="alert" role="alert" data-region="error">${this.error ?? nothing}</div>
      ${this.unlocked ? this.renderUnlocked() : this.renderLock()}
    `;
  }

  private renderLock() {
    return html`<section class="lock" aria-labelledby="lock-title">
      <h3 id="lock-title">Enter the supervisor PIN</h3>
      <form @submit=${this.handleUnlock}>
        <div class="row">
          <label>PIN <input name="pin" type="password" autocomplete="off" required autofocus /></label>
          <button class="primary" type="submit">Unlock</button>
        </div>
      </form>
      <p class="alert" role="alert">${this.pinMessage ?? nothing}</p>
      <p class="hint">The PIN only deters casual viewing: the data in this browser is not encrypted.</p>
    </section>`;
  }

  private renderUnlocked() {
    return html`
      ${this.renderFilters()}
      <div class="status" role="status" data-region="notice">${this.notice ?? nothing}</div>
      ${this.renderSummary()} ${this.renderData()} ${this.renderPin()}
    `;
  }

  private renderFilters() {
    const summary = this.loaded?.result.summary;
    return html`<section aria-labelledby="filters-title">
      <h3 id="filters-title">Filters</h3>
      <div class="row">
        <label
          >From
          <input
            type="date"
            name="from"
            .value=${this.fromDay}
            max=${this.toDay || nothing}
            @change=${(event: Event) => (this.fromDay = (event.target as HTMLInputElement).value)}
        /></label>
        <label
          >To
          <input
            type="date"
            name="to"
            .value=${this.toDay}
            min=${this.fromDay || nothing}
            @change=${(event: Event) => (this.toDay = (event.target as HTMLInputElement).value)}
        /></label>
        <label
          >Station
          <select name="station" @change=${(event: Event) => (this.station = (event.target as HTMLSelectElement).value)}>
            <option value="" ?selected=${this.station === ''}>All stations (team)</option>
            ${summary?.stations.map(
              (group) => html`<option value=${group.stationId} ?selected=${this.station === group.stationId}>${group.stationId}</option>`,
            )}
            ${summary?.otherStations
              ? html`<option value=${OTHER_STATIONS_LABEL} ?selected=${this.station === OTHER_STATIONS_LABEL}>
                  Other stations (merged)
                </option>`
              : nothing}
          </select>
        </label>
        <label
          >k (fewest records to show a station)
          <input
            type="number"
            name="k"
            min=${MIN_K_ANONYMITY}
            max=${MAX_K_ANONYMITY}
            step="1"
            .value=${String(this.k)}
            @change=${(event: Event) => (this.k = Number((event.target as HTMLInputElement).value))}
        /></label>
      </div>
      ${this.filterProblem ? html`<p class="alert" role="alert">${this.filterProblem}</p>` : nothing}
    </section>`;
  }

  private renderSummary() {
    if (!this.loaded) return this.loading ? html`<section aria-busy="true"><p class="muted">Loading…</p></section>` : nothing;
    const { range, result } = this.loaded;
    const summary = result.summary;
    if (result.checkCount + result.minuteCount === 0) {
      return html`<section class="empty" data-empty aria-live="polite">
        <p><strong>No records yet: run a self-check or start monitoring.</strong></p>
        <p class="muted">Nothing is stored in this browser from ${range.fromDay} to ${range.toDay}. Widen the dates to see older records.</p>
      </section>`;
    }
    const picked = this.shownGroup();
    const group = picked ?? summary.team;
    const hiddenNote = hiddenStationsNote(summary);
    const unavailable = this.station !== '' && picked === null;
    return html`<section aria-labelledby="summary-title" aria-busy=${this.loading ? 'true' : 'false'} data-summary>
      <h3 id="summary-title">
        ${picked ? (picked.kind === 'other' ? `Other stations (${picked.stationCount}, merged)` : `Station ${picked.stationId}`) : 'Team (all stations)'}
        · ${range.fromDay} to ${range.toDay}
      </h3>
      ${this.loading ? html`<p class="muted" data-loading>Updating…</p>` : nothing}
      <p data-totals>
        ${recordsText(result.checkCount, 'self-check')} and ${recordsText(result.minuteCount, 'monitored minute')} from
        ${recordsText(summary.team.stationCount, 'station')}.
      </p>
      ${unavailable
        ? html`<p class="status" data-note="station-hidden">
            Station ${this.station} is not shown on its own: it has fewer than ${summary.k} records in this range. The team figures are shown instead.
          </p>`
        : nothing}
      ${hiddenNote ? html`<p class="hint" data-note="hidden-stations">${hiddenNote}</p>` : nothing}
      ${result.corrupt > 0
        ? html`<p class="hint">${recordsText(result.corrupt, 'damaged stored record')} could not be read and are left out.</p>`
        : nothing}
      ${guard([group, range], () => this.renderRuleTable(group))}
      <div class="charts">
        ${guard([group, range], () => renderPassRateBars(group, range))}
        <div>
          <label
            >Trend shows
            <select name="metric" @change=${(event: Event) => (this.metric = (event.target as HTMLSelectElement).value as TrendMetric)}>
              ${(Object.keys(TREND_METRICS) as TrendMetric[]).map(
                (metric) => html`<option value=${metric} ?selected=${this.metric === metric}>${TREND_METRICS[metric].label}</option>`,
              )}
            </select>
          </label>
          ${guard([group, range, this.metric], () => renderTrendChart(group, this.metric, range))}
        </div>
      </div>
    </section>
    ${picked ? nothing : guard([summary], () => this.renderStations(summary))}`;
  }

  private renderRuleTable(group: StationSummary) {
    return html`<div class="table-scroll">
      <table data-table="rules">
        <caption>Per rule</caption>
        <thead>
          <tr>
            <th scope="col">Rule</th>
            <th scope="col">Self-check pass rate</th>
            <th scope="col">Self-checks (pass / fail / unknown)</th>
            <th scope="col">Posture minutes</th>
            <th scope="col">Violation minutes</th>
            <th scope="col">Violations</th>
          </tr>
        </thead>
        <tbody>
          ${group.totals.map(
            (tally) => html`<tr data-rule=${tally.ruleId}>
              <th scope="row">${ruleTitle(tally.ruleId)}</th>
              <td data-cell="pass-rate">${formatPercent(tally.passRate)}</td>
              <td>${formatCount(tally.checks)} (${formatCount(tally.pass)} / ${formatCount(tally.fail)} / ${formatCount(tally.unknown)})</td>
              <td>${formatCount(tally.postureMinutes)}</td>
              <td>${formatMinutes(tally.violationMinutes)}</td>
              <td>${formatCount(tally.violationCount)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  private renderStations(summary: AnonymizedSummary) {
    const groups = [...summary.stations, ...(summary.otherStations ? [summary.otherStations] : [])];
    return html`<section aria-labelledby="stations-title">
      <h3 id="stations-title">Stations</h3>
      ${groups.length === 0
        ? html`<p class="muted">No station has at least ${summary.k} records in this range, so none is shown on its own.</p>`
        : html`<div class="table-scroll">
            <table data-table="stations">
              <caption>Stations with at least ${summary.k} records</caption>
              <thead>
                <tr>
                  <th scope="col">Station</th>
                  <th scope="col">Self-checks</th>
                  <th scope="col">Monitored minutes</th>
                  <th scope="col">Self-check pass rate (all rules)</th>
                  <th scope="col">Violation minutes (all rules)</th>
                </tr>
              </thead>
              <tbody>
                ${groups.map(
                  (group) => html`<tr data-station=${group.stationId}>
                    <th scope="row">${group.kind === 'other' ? `Other stations (${group.stationCount}, merged)` : group.stationId}</th>
                    <td>${formatCount(group.checks)}</td>
                    <td>${formatCount(group.monitoredMinutes)}</td>
                    <td>${formatPercent(overallPassRate(group))}</td>
                    <td>${formatMinutes(totalViolationMinutes(group))}</td>
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>`}
    </section>`;
  }

  private renderData() {
    const empty = !this.loaded || this.loaded.result.checkCount + this.loaded.result.minuteCount === 0;
    return html`<section aria-labelledby="data-title">
      <h3 id="data-title">Data</h3>
      <div class="row">
        <button type="button" @click=${this.handleExportCsv} ?disabled=${empty || this.busy}>Export CSV summary</button>
        <button type="button" @click=${this.handleExportJson} ?disabled=${empty || this.busy}>Export JSON records</button>
        <label class="check"
          ><input
            type="checkbox"
            name="export-every-station"
            .checked=${this.exportEveryStation}
            @change=${(event: Event) => (this.exportEveryStation = (event.target as HTMLInputElement).checked)}
          />
          JSON: include stations under k (a full copy to move the data)</label
        >
        <label
          >Import a JSON export
          <input type="file" name="import" accept=".json,application/json" ?disabled=${this.busy} @change=${this.handleImportChange}
        /></label>
        <button type="button" class="danger" @click=${this.handleClearOpen} ?disabled=${this.busy}>Clear all data…</button>
      </div>
      <p class="hint">
        CSV: the anonymized summary shown, one row per group, day and rule. JSON: the records in the dates chosen of the stations with
        at least k records; tick the box to include every station, not anonymized, to move data to another browser (import it there). No
        image is ever exported.
      </p>
      <div role="status" class="report" data-region="import">${this.renderImportOutcome()}</div>
      ${this.renderClearDialog()}
    </section>`;
  }

  private renderImportOutcome() {
    const outcome = this.importOutcome;
    if (!outcome) return nothing;
    if (outcome.kind === 'busy') return html`<p>Importing ${outcome.fileName}…</p>`;
    if (outcome.kind === 'refused') {
      return html`<p class="error" data-import="refused"><strong>${outcome.fileName} was not imported:</strong> ${outcome.message}</p>`;
    }
    const { imported, skipped, invalid } = outcome.report;
    if (invalid.length > 0) {
      return html`<div class="error" data-import="invalid">
        <p>
          <strong>${outcome.fileName} was not imported:</strong> ${recordsText(invalid.length, 'record')} ${invalid.length === 1 ? 'is' : 'are'}
          not valid, so nothing was added.
        </p>
        <ul>
          ${invalid.slice(0, INVALID_LISTED_MAX).map((record: InvalidRecord) => html`<li>${record.collection}[${record.index}]: ${record.reason}</li>`)}
        </ul>
        ${invalid.length > INVALID_LISTED_MAX ? html`<p>…and ${invalid.length - INVALID_LISTED_MAX} more.</p>` : nothing}
      </div>`;
    }
    return html`<p data-import="done" data-imported=${imported} data-skipped=${skipped}>
      <strong>${outcome.fileName}:</strong> imported ${recordsText(imported, 'record')}; skipped ${recordsText(skipped, 'duplicate')}
      (already stored); 0 invalid.
    </p>`;
  }

  private renderClearDialog() {
    return html`<dialog class="clear" aria-labelledby="clear-title" @close=${() => (this.clearConfirmText = '')}>
      <h3 id="clear-title">Clear all data?</h3>
      <p>
        This deletes every self-check, monitoring minute, calibration and station setting CounterCheck keeps in this browser. It cannot be
        undone: export a JSON file first if you need the records.
      </p>
      <label
        >Type ${CLEAR_CONFIRM_WORD} to confirm
        <input
          name="clear-confirm"
          autocomplete="off"
          .value=${this.clearConfirmText}
          @input=${(event: Event) => (this.clearConfirmText = (event.target as HTMLInputElement).value)}
      /></label>
      <div class="row" style="margin-top: 1rem">
        <button type="button" @click=${this.handleClearCancel}>Cancel</button>
        <button type="button" class="danger" ?disabled=${this.clearConfirmText !== CLEAR_CONFIRM_WORD || this.busy} @click=${this.handleClearConfirm}>
          Delete all data
        </button>
      </div>
    </dialog>`;
  }

  private renderPin() {
    return html`<section aria-labelledby="pin-title">
      <h3 id="pin-title">PIN lock</h3>
      <p class="hint">
        A PIN only deters casual viewing of this screen: the data is not encrypted, and anyone who uses this browser can still read it with
        the browser's own tools. The PIN is kept as a salted hash in this browser's local storage.
      </p>
      ${this.pinStorage === null
        ? html`<p class="muted">This browser does not let the site keep a PIN.</p>`
        : this.pinSet
          ? html`<div class="row">
              <button type="button" @click=${this.handleRemovePin}>Remove PIN</button>
              <button type="button" @click=${() => ((this.unlocked = false), (this.pinMessage = null))}>Lock now</button>
            </div>`
          : this.pinFormOpen
            ? html`<form @submit=${this.handleSetPin}>
                <div class="row">
                  <label>New PIN <input name="new-pin" type="password" autocomplete="new-password" minlength="4" maxlength="32" required /></label>
                  <label>Repeat the PIN <input name="repeat-pin" type="password" autocomplete="new-password" required /></label>
                  <button class="primary" type="submit">Save PIN</button>
                  <button type="button" @click=${() => ((this.pinFormOpen = false), (this.pinMessage = null))}>Cancel</button>
                </div>
              </form>`
            : html`<button type="button" @click=${() => ((this.pinFormOpen = true), (this.pinMessage = null))}>Set PIN</button>`}
      <p role="status" data-region="pin">${this.pinMessage ?? nothing}</p>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cc-supervisor': CcSupervisor;
  }
  interface GlobalEventHandlersEventMap {
    'cc-data-change': CcDataChangeEvent;
  }
}
