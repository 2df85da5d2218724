import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { DEFAULT_POSTURE_RULES_CONFIG, type PostureRulesConfig } from '../../core/config';
import { CONDUCT_TIME_NAMES, type ConductTimes, conductTimesOf, DEFAULT_CONDUCT_CONFIG } from '../../core/conduct';
import type { EnrolledBadge } from '../../core/badge/enrolled-badge';
import type { RuleDefinition, RuleId } from '../../core/rules';
import { rulesOnWithEnrolledBadge } from '../../core/rules/enrolled-badge-rules';
import {
  conductTimesProblems,
  countThresholdOverrides,
  DEFAULT_STATION_SETUP,
  MONITOR_RATE_DEFAULTS,
  MONITOR_RATE_NAMES,
  type MonitorRateName,
  monitorRateProblem,
  monitorRatesOf,
  parseStationSetupFile,
  SETUP_LANGUAGES,
  type SetupLanguage,
  type StationSetup,
  thresholdProblems,
} from '../../core/station-setup/station-setup';
import { db } from '../../storage/db';
import { StationSetupStore } from '../../storage/station-setup-store';
import { downloadText } from '../cc-supervisor/download-text';
import { emit } from '../events';

const LANGUAGE_NAMES: Record<SetupLanguage, string> = { zh: '中文 only', en: 'English only', both: '中文 + English' };

type Report =
  | { readonly kind: 'imported'; readonly lines: readonly string[] }
  | { readonly kind: 'refused'; readonly fileName: string; readonly problems: readonly string[] }
  | { readonly kind: 'error'; readonly message: string };

/** A collapsible list of named numbers a station may set: each shows its value, else the default, marked when changed. */
function numberFields<Name extends string>(fields: {
  readonly summary: string;
  readonly idPrefix: string;
  readonly names: readonly Name[];
  readonly values: Partial<Record<Name, number>>;
  readonly defaults: Readonly<Record<Name, number>>;
  /** Why the last edit was not saved; null when it was. */
  readonly error: string | null;
  readonly onChange: (name: Name, input: HTMLInputElement) => void;
}) {
  const { summary, idPrefix, names, values, defaults, error, onChange } = fields;
  return html`<details>
    <summary>${summary}</summary>
    <div class="thresholds">
      ${names.map(
        (name) => html`<label for="${idPrefix}-${name}">${name}</label
          ><input
            id="${idPrefix}-${name}"
            type="number"
            step="any"
            class=${values[name] === undefined ? '' : 'changed'}
            .value=${String(values[name] ?? defaults[name])}
            @change=${(e: Event) => onChange(name, e.target as HTMLInputElement)}
          />`,
      )}
    </div>
    ${error ? html`<p class="report bad" role="alert">${error}</p>` : nothing}
  </details>`;
}

/** What monitoring starts from, shown where a station has not set its own: the rates, then the conduct times. */
const DEFAULT_MONITORING = { ...MONITOR_RATE_DEFAULTS, ...conductTimesOf(DEFAULT_CONDUCT_CONFIG) };
const MONITORING_NAMES = [...MONITOR_RATE_NAMES, ...CONDUCT_TIME_NAMES];
const isMonitorRate = (name: string): name is MonitorRateName => (MONITOR_RATE_NAMES as string[]).includes(name);

/**
 * Station setup: language, which rules this station checks, posture thresholds, monitoring rate and times, and the export /
 * import of all of these (with the calibration and the enrolled badge) as JSON, so a supervisor can set
 * many stations alike. The station id is never exported: each browser keeps its own.
 * @fires cc-station-setup-change - detail: the setup now in force (after an edit or an import)
 * @fires cc-calibration-imported - an import replaced this station's calibration
 * @fires cc-badge-enrol-change - detail: the enrolled badge an import stored for this station
 */
@customElement('cc-station-setup')
export class CcStationSetup extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    fieldset {
      border: 1px solid #cbd5e1;
      border-radius: 6px;
      margin: 0 0 0.6rem;
      padding: 0.4rem 0.6rem;
    }
    legend {
      font-weight: 600;
    }
    .rules label {
      display: block;
    }
    .thresholds {
      display: grid;
      grid-template-columns: minmax(0, 1fr) 4.5rem;
      gap: 0.25rem 0.5rem;
      align-items: center;
      font-size: 0.85rem;
    }
    .thresholds label {
      overflow-wrap: anywhere;
    }
    input[type='number'] {
      width: 100%;
      box-sizing: border-box;
      font: inherit;
    }
    input.changed {
      font-weight: 700;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      margin-top: 0.5rem;
    }
    button {
      font: inherit;
      padding: 0.4rem 0.8rem;
      border-radius: 6px;
      border: 1px solid #94a3b8;
      background: #fff;
      cursor: pointer;
    }
    button:focus-visible,
    input:focus-visible,
    select:focus-visible {
      outline: 3px solid #f59e0b;
      outline-offset: 2px;
    }
    .report {
      margin-top: 0.5rem;
      padding: 0.4rem 0.6rem;
      border-radius: 6px;
      border-left: 5px solid;
      font-size: 0.9rem;
    }
    .report.ok {
      background: #dcfce7;
      color: #14532d;
    }
    .report.bad {
      background: #fee2e2;
      color: #7f1d1d;
    }
    .report ul {
      margin: 0.2rem 0 0;
      padding-left: 1.1rem;
    }
    .note {
      font-size: 0.85rem;
      color: #475569;
    }
    .rule-note {
      display: block;
      margin-left: 1.6rem;
      font-size: 0.8rem;
      color: #475569;
    }
  `;

  @property() stationId = '';
  /** Every rule this version has, for the switches. */
  @property({ attribute: false }) rules: readonly RuleDefinition[] = [];
  /** Whether this station has an enrolled badge: it turns `dress.badge_visible` on whatever the switches say. */
  @property({ type: Boolean, attribute: 'badge-enrolled' }) badgeEnrolled = false;

  @state() private setup: StationSetup = DEFAULT_STATION_SETUP;
  @state() private report: Report | null = null;
  @state() private thresholdError: string | null = null;
  /** Why the last monitoring rate or time was not saved; null when it was. */
  @state() private monitoringError: string | null = null;
  @query('input[type=file]') private importInput!: HTMLInputElement;
  private readonly store = new StationSetupStore(db);

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    if (!this.stationId) return;
    try {
      this.setup = await this.store.load(this.stationId, Date.now());
      emit(this, 'cc-station-setup-change', this.setup);
    } catch (error) {
      this.report = { kind: 'error', message: messageOf(error) };
    }
  }

  private async change(setup: StationSetup): Promise<void> {
    try {
      await this.store.save(this.stationId, setup, Date.now());
      this.setup = setup;
      emit(this, 'cc-station-setup-change', setup);
    } catch (error) {
      this.report = { kind: 'error', message: messageOf(error) };
    }
  }

  /** The rules on when a station has not chosen (null): all but those off by default (the badge until it is reliable). */
  private get defaultRuleIds(): string[] {
    return this.rules.filter((rule) => !rule.defaultOff).map((rule) => rule.id);
  }

  private handleRuleToggle(ruleId: string, on: boolean): void {
    const current = this.setup.enabledRuleIds ?? this.defaultRuleIds;
    const next = on ? [...current, ruleId] : current.filter((id) => id !== ruleId);
    const ordered = this.rules.map((rule) => rule.id).filter((id) => next.includes(id));
    // The default choice is stored as null, so rules added by a later version start as that version sets them.
    const isDefault = ordered.length === this.defaultRuleIds.length && ordered.every((id) => this.defaultRuleIds.includes(id));
    void this.change({ ...this.setup, enabledRuleIds: isDefault ? null : ordered });
  }

  private handleThreshold(name: keyof PostureRulesConfig, input: HTMLInputElement): void {
    const { [name]: _old, ...others } = this.setup.thresholds.rules ?? {};
    const value = input.valueAsNumber;
    const rules = input.value === '' || value === DEFAULT_POSTURE_RULES_CONFIG[name] ? others : { ...others, [name]: value };
    const thresholds = { ...this.setup.thresholds, rules };
    if (Object.keys(rules).length === 0) delete (thresholds as { rules?: unknown }).rules;
    const [problem] = thresholdProblems(thresholds);
    if (problem) {
      this.thresholdError = `Not saved: ${problem}`;
      return;
    }
    this.thresholdError = null;
    void this.change({ ...this.setup, thresholds });
  }

  private handleMonitoring(name: (typeof MONITORING_NAMES)[number], input: HTMLInputElement): void {
    const value = input.value === '' || input.valueAsNumber === DEFAULT_MONITORING[name] ? undefined : input.valueAsNumber;
    const next = isMonitorRate(name) ? this.withMonitorRate(name, value) : this.withConductTime(name, value);
    if (typeof next === 'string') {
      this.monitoringError = `Not saved: ${next}`;
      return;
    }
    this.monitoringError = null;
    void this.change(next);
  }

  /** The setup with one monitoring rate (undefined: the default), or why not. */
  private withMonitorRate(name: MonitorRateName, value: number | undefined): StationSetup | string {
    const { [name]: _old, ...setup } = this.setup;
    if (value === undefined) return setup;
    return monitorRateProblem(name, value) ?? { ...setup, [name]: value };
  }

  /** The setup with one conduct time (undefined: the default), or why not. */
  private withConductTime(name: keyof ConductTimes, value: number | undefined): StationSetup | string {
    const { conductTimes: current = {}, ...setup } = this.setup;
    const { [name]: _old, ...others } = current;
    const conductTimes: ConductTimes = value === undefined ? others : { ...others, [name]: value };
    const [problem] = conductTimesProblems(conductTimes);
    if (problem) return problem;
    return Object.keys(conductTimes).length ? { ...setup, conductTimes } : setup;
  }

  private async handleExport(): Promise<void> {
    try {
      const file = await this.store.exportFile(this.stationId, Date.now());
      const day = new Date().toISOString().slice(0, 10);
      downloadText(this.renderRoot, `countercheck-station-setup-${day}.json`, 'application/json', `${JSON.stringify(file, null, 2)}\n`);
    } catch (error) {
      this.report = { kind: 'error', message: messageOf(error) };
    }
  }

  /**
   * The picker's input stays in the shadow DOM: a detached one made on click could be garbage-collected
   * while the dialog was open, and its change event, the user's import, was then lost.
   */
  private handleImportClick(): void {
    this.importInput.click();
  }

  private handleImportChange(): void {
    const file = this.importInput.files?.[0];
    this.importInput.value = ''; // so that picking the same file again imports it again
    if (file) void this.handleImport(file);
  }

  private async handleImport(file: File): Promise<void> {
    const parsed = parseStationSetupFile(await file.text(), {
      nowMs: Date.now(),
      knownRuleIds: this.rules.map((rule) => rule.id),
    });
    if (!parsed.ok) {
      this.report = { kind: 'refused', fileName: file.name, problems: parsed.problems };
      return;
    }
    try {
      const result = await this.store.importFile(this.stationId, parsed.file, Date.now());
      this.setup = parsed.file.setup;
      emit(this, 'cc-station-setup-change', this.setup);
      if (result.calibrationReplaced) emit(this, 'cc-calibration-imported', {});
      const badge = parsed.file.enrolledBadge ?? null;
      if (result.badgeReplaced && badge) emit<EnrolledBadge>(this, 'cc-badge-enrol-change', badge);
      this.report = {
        kind: 'imported',
        lines: [
          `Language: ${LANGUAGE_NAMES[result.language]}`,
          `Rules on: ${result.enabledRuleIds === null ? `the defaults, ${this.defaultRuleIds.length}` : result.enabledRuleIds.length} of ${this.rules.length}`,
          `Thresholds set away from the defaults: ${result.thresholdCount}`,
          `Monitoring rates and times set away from the defaults: ${Object.keys(result.monitorRates).length + result.conductTimeCount}`,
          result.calibrationReplaced ? 'Calibration: replaced by the file’s' : 'Calibration: none in the file, this station’s own is kept',
          result.badgeReplaced && badge
            ? `Enrolled badge: replaced by the file’s (${badge.views.length} views, enrolled ${new Date(badge.enrolledAtMs).toLocaleString()})`
            : 'Enrolled badge: none in the file, this station’s own is kept',
        ],
      };
    } catch (error) {
      this.report = { kind: 'error', message: `Nothing was imported: ${messageOf(error)}` };
    }
  }

  override render() {
    const enabled = this.setup.enabledRuleIds;
    // The rules an enrolled badge keeps on whatever the station chose (cc-app decides by the same function):
    // shown on and locked, with why; the station's own choice is kept underneath for when the badge is removed.
    const keptOnByBadge: ReadonlySet<RuleId> = (this.badgeEnrolled ? rulesOnWithEnrolledBadge(new Set(), true) : undefined) ?? new Set();
    const overrides = this.setup.thresholds.rules ?? {};
    const monitoring = { ...monitorRatesOf(this.setup), ...this.setup.conductTimes };
    return html`
      <label
        >Language · 语言
        <select
          @change=${(e: Event) => void this.change({ ...this.setup, language: (e.target as HTMLSelectElement).value as SetupLanguage })}
        >
          ${SETUP_LANGUAGES.map((language) => html`<option value=${language} ?selected=${this.setup.language === language}>${LANGUAGE_NAMES[language]}</option>`)}
        </select></label
      >
      <fieldset class="rules">
        <legend>Rules this station checks</legend>
        ${this.rules.map((rule) => {
          const badgeOn = keptOnByBadge.has(rule.id);
          return html`<label
            ><input
              type="checkbox"
              data-rule=${rule.id}
              .checked=${badgeOn || (enabled === null ? !rule.defaultOff : enabled.includes(rule.id))}
              ?disabled=${badgeOn}
              aria-describedby=${badgeOn ? `badge-note-${rule.id}` : nothing}
              @change=${(e: Event) => this.handleRuleToggle(rule.id, (e.target as HTMLInputElement).checked)}
            />
            ${rule.title.zh} · ${rule.title.en}</label
            >${badgeOn
              ? html`<span class="rule-note" id="badge-note-${rule.id}" data-rule-note=${rule.id}
                  ><span aria-hidden="true">🪪</span> On while a badge is enrolled · 已登记工作证时开启</span
                >`
              : nothing}`;
        })}
      </fieldset>
      ${numberFields({
        summary: `Posture thresholds (${countThresholdOverrides(this.setup.thresholds)} changed)`,
        idPrefix: 't',
        names: Object.keys(DEFAULT_POSTURE_RULES_CONFIG) as (keyof PostureRulesConfig)[],
        values: overrides,
        defaults: DEFAULT_POSTURE_RULES_CONFIG,
        error: this.thresholdError,
        onChange: (name, input) => this.handleThreshold(name, input),
      })}
      ${numberFields({
        summary: `Monitoring rate and times (${Object.keys(monitoring).length} changed)`,
        idPrefix: 'c',
        names: MONITORING_NAMES,
        values: monitoring,
        defaults: DEFAULT_MONITORING,
        error: this.monitoringError,
        onChange: (name, input) => this.handleMonitoring(name, input),
      })}
      <div class="actions">
        <button type="button" @click=${this.handleExport}>Export setup (JSON)</button>
        <button type="button" @click=${this.handleImportClick}>Import setup…</button>
        <input type="file" hidden accept="application/json,.json" aria-label="Station setup file" @change=${this.handleImportChange} />
      </div>
      <p class="note">
        The file holds the rules, thresholds, monitoring rate and times, calibration, enrolled badge and language, not this station's id
        (${this.stationId}). A slower computer keeps up with fewer frames a second (monitorFps) and object checks (monitorObjectsEveryMs).
      </p>
      ${this.renderReport()}
    `;
  }

  private renderReport() {
    const report = this.report;
    if (!report) return nothing;
    if (report.kind === 'imported') {
      return html`<div class="report ok" role="status" data-setup-report="imported">
        <strong>✓ Setup imported.</strong>
        <ul>
          ${report.lines.map((line) => html`<li>${line}</li>`)}
        </ul>
      </div>`;
    }
    if (report.kind === 'refused') {
      return html`<div class="report bad" role="alert" data-setup-report="refused">
        <strong>✗ ${report.fileName} was not imported; nothing changed.</strong> Fix these and try again:
        <ul>
          ${report.problems.map((problem) => html`<li>${problem}</li>`)}
        </ul>
      </div>`;
    }
    return html`<div class="report bad" role="alert" data-setup-report="error"><strong>✗</strong> ${report.message}</div>`;
  }
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

declare global {
  interface HTMLElementTagNameMap {
    'cc-station-setup': CcStationSetup;
  }
  interface GlobalEventHandlersEventMap {
    'cc-station-setup-change': CustomEvent<StationSetup>;
    'cc-calibration-imported': CustomEvent<Record<string, never>>;
  }
}
