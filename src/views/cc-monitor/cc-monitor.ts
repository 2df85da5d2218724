import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { FrameSource } from '../../capture/frame';
import { CONDUCT_RULES, type ConductRuleId } from '../../core/conduct';
import { POSTURE_RULES, type RuleId } from '../../core/rules';
import type { VerdictStatus } from '../../core/types';
import type { FrameAnalyzer } from '../../pipeline/frame-analyzer';
import type { MonitorGap, ShiftSnapshot } from '../../pipeline/monitor-session';
import { db } from '../../storage/db';
import { MinuteRepository } from '../../storage/minute-repository';
import { MonitorController } from '../controllers/monitor-controller';
import { type MonitorSettings, monitorSettingsFromQuery, type StationMonitoring } from '../controllers/monitor-settings';
import { emit } from '../events';
import { formatDuration } from '../format';
import { STATUS_ICON, STATUS_TEXT } from '../status-style';
import { monitorStyles } from './cc-monitor.styles';

const TITLES = new Map<ConductRuleId, { zh: string; en: string }>(CONDUCT_RULES.map((rule) => [rule.id, rule.title]));
const POSTURE_TITLES = new Map<RuleId, { zh: string; en: string }>(POSTURE_RULES.map((rule) => [rule.id, rule.title]));
/** Events come from both: conduct events and posture fail spans. */
const EVENT_TITLES = new Map<string, { zh: string; en: string }>([...TITLES, ...POSTURE_TITLES]);

const GAP_REASON: Record<MonitorGap['reason'], string> = {
  starting: 'starting up (first frame)',
  hidden: 'tab in the background',
  'no-camera': 'no camera',
  slow: 'frames too slow',
};

const clock = (epochMs: number): string =>
  new Date(epochMs).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });

const percent = (share: number | null): string => (share === null ? '–' : `${Math.round(share * 100)}%`);

/** A rule's status now; a rule not passing says why under it (the reason stays the cell's title too). */
function statusCell(status: VerdictStatus, reason: string | null | undefined) {
  return html`<td class="status-cell ${status}" title=${reason ?? ''}>
    <span aria-hidden="true">${STATUS_ICON[status]}</span> ${STATUS_TEXT[status]}
    ${status !== 'pass' && reason ? html`<span class="reason">${reason}</span>` : nothing}
  </td>`;
}

/** The address's settings over the station's rates and conduct times; a bad address value is named and the station's and defaults are used. */
function readSettings(station: StationMonitoring): { settings: MonitorSettings; problem: string | null } {
  try {
    return { settings: monitorSettingsFromQuery(location.search, station), problem: null };
  } catch (error) {
    const settings = monitorSettingsFromQuery('', station);
    return { settings, problem: `${error instanceof Error ? error.message : String(error)}; the defaults are used.` };
  }
}

/**
 * Shift monitoring: start, stop and break buttons, the shift so far per conduct rule (share of time,
 * time failing, violations) and the latest events with their start and end. Minutes are saved in this
 * browser without images. The shell hands down the camera and the loaded models.
 *
 * The camera runs only while a shift does: Start monitoring asks for it and the shift starts with it;
 * Stop gives it back at once. A break keeps it on, since the break's time is still watched (absence allowed).
 *
 * @fires cc-camera-request - a shift starts, or goes on after the camera was lost (none is running).
 * @fires cc-camera-release - the shift stopped, or its start was cancelled: the camera is no longer needed.
 */
@customElement('cc-monitor')
export class CcMonitor extends LitElement {
  static override styles = monitorStyles;

  @property({ attribute: false }) source: FrameSource | null = null;
  @property({ attribute: false }) analyzer: FrameAnalyzer | null = null;
  @property({ attribute: false }) stationId = '';
  /** The station's monitoring rates and conduct times, from its setup (the address's query overrides them). */
  @property({ attribute: false }) stationMonitoring: StationMonitoring = {};
  /** Why the camera asked for could not open; null otherwise. */
  @property({ attribute: false }) cameraProblem: string | null = null;

  /** Start monitoring was pressed and the camera is opening: the shift starts with it. */
  @state() private opening = false;

  private settingsRead = readSettings({});
  private readonly controller = new MonitorController(this, new MinuteRepository(db), () => this.stationId, () => this.settingsRead.settings);

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('keydown', this.handleKeydown);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('keydown', this.handleKeydown);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('stationMonitoring')) this.settingsRead = readSettings(this.stationMonitoring);
    this.controller.use(this.source, this.analyzer);
    if (this.opening && this.source && this.analyzer) {
      this.opening = false;
      this.controller.start();
    }
  }

  private handleStart(): void {
    if (this.source) {
      this.controller.start();
      return;
    }
    this.opening = true;
    emit(this, 'cc-camera-request', {});
  }

  /** Stops the shift (its last minute is saved) and releases the camera at once. */
  private handleStop(): void {
    void this.controller.stop();
    emit(this, 'cc-camera-release', {});
  }

  private handleCancelStart(): void {
    this.opening = false;
    emit(this, 'cc-camera-release', {});
  }

  /** B toggles the break from anywhere on the screen, except while typing or choosing in a field. */
  private readonly handleKeydown = (event: KeyboardEvent): void => {
    if (event.key.toLowerCase() !== 'b' || event.ctrlKey || event.metaKey || event.altKey || event.repeat) return;
    const target = event.composedPath()[0] as HTMLElement | undefined;
    if (target && (['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName) || target.isContentEditable)) return;
    if (!this.controller.running) return;
    event.preventDefault();
    this.controller.toggleBreak();
  };

  override render() {
    const controller = this.controller;
    const { snapshot } = controller;
    const ready = !!this.analyzer;
    return html`
      <section class="panel" aria-labelledby="monitor-title">
        <h2 id="monitor-title">Shift monitoring · 在岗监测</h2>
        <div class="actions" role="toolbar" aria-label="Monitoring">
          ${controller.running
            ? html`<button type="button" class="stop" @click=${this.handleStop}>■ Stop monitoring · 停止</button>
                <button type="button" aria-pressed=${controller.onBreak ? 'true' : 'false'} aria-keyshortcuts="B" @click=${() => controller.toggleBreak()}>
                  ${controller.onBreak ? '▶ End break · 结束暂停' : '⏸ Break · 暂停服务'}
                </button>`
            : this.opening
              ? html`<button type="button" @click=${this.handleCancelStart}>Cancel · 取消</button>`
              : html`<button type="button" class="primary" ?disabled=${!ready} @click=${this.handleStart}>
                  ● Start monitoring · 开始监测
                </button>`}
          ${controller.running && !this.source
            ? html`<button type="button" @click=${() => emit(this, 'cc-camera-request', {})}>Start camera</button>`
            : nothing}
        </div>
        ${this.renderStatus(controller, ready)}
        ${controller.error
          ? html`<p class="error" role="alert">
              ⚠ ${controller.error}
              ${controller.error.startsWith('Could not save')
                ? html`<button type="button" @click=${() => void controller.retrySave()}>Retry</button>`
                : nothing}
            </p>`
          : nothing}
        ${this.settingsRead.problem ? html`<p class="error" role="alert">⚠ ${this.settingsRead.problem}</p>` : nothing}
      </section>
      ${snapshot ? this.renderShift(snapshot) : nothing}
    `;
  }

  private renderStatus(controller: MonitorController, ready: boolean) {
    const { phase, snapshot } = controller;
    const saved = html`${controller.savedMinutes} minute${controller.savedMinutes === 1 ? '' : 's'} saved on this device (no images)${controller.lastSavedAtMs !== null ? `, last at ${clock(controller.lastSavedAtMs)}` : ''}.`;
    let line;
    if (phase === 'running' && snapshot) {
      line = html`<strong>${controller.onBreak ? '⏸ On break' : '● Monitoring'}</strong> since ${clock(snapshot.startedAtMs)} ·
        ${snapshot.frames} frames at ${controller.fps.value.toFixed(1)} fps (target ${controller.targetFps}), ${Math.round(controller.analysisMsPerFrame)}
        ms of analysis each · ${saved}`;
    } else if (phase === 'stopped' && snapshot) {
      line = html`<strong>■ Stopped.</strong> The shift ran from ${clock(snapshot.startedAtMs)}; ${saved} The supervisor screen summarizes it.
        The camera is off.`;
    } else if (this.opening) {
      line = this.cameraProblem
        ? html`The camera could not start: ${this.cameraProblem} Press <strong>Retry</strong> above, or Cancel.`
        : html`Starting the camera… Monitoring starts with its first picture.`;
    } else {
      line = ready
        ? html`Not monitoring. Press <strong>Start monitoring</strong>: ${controller.targetFps} frames a second are judged for smiling,
            facing the customer, staying awake and at the post, no grooming, phone or eating, and the posture rules; a record per
            minute is saved here (counts and event times, no image). The camera is off until monitoring starts, and off again
            when it stops.`
        : html`Loading the models…`;
    }
    return html`
      <p class="status" role="status" data-monitor-status=${phase}>${line}</p>
      ${controller.fallingBehind
        ? html`<p class="notice" role="status" data-monitor-behind>
            ◔ Each frame takes ${Math.round(controller.analysisMsPerFrame)} ms to analyse here, too long for
            ${controller.targetFps} frames a second: monitoring keeps a processor core busy and judges fewer frames. Set a lower
            monitorFps (and a longer monitorObjectsEveryMs) under Live &amp; self-check → Station setup → Monitoring rate and times.
          </p>`
        : nothing}
      ${controller.hidden && phase === 'running'
        ? html`<p class="notice" role="status" data-monitor-hidden>
            ◐ This tab is in the background. Browsers slow timers here to once a second or less and may stop the
            camera (this app releases it after 30 s), so monitoring may pause. Time without frames is recorded as a gap of unknown
            time, never as an absence. Keep the tab visible (e.g. in its own window) for a full record.
          </p>`
        : nothing}
    `;
  }

  private renderShift(snapshot: ShiftSnapshot) {
    const { objectsEveryMs, checkpointMs, conduct } = this.settingsRead.settings;
    return html`
      <section class="panel" aria-labelledby="shift-title">
        <h2 id="shift-title">The shift so far · 本班次</h2>
        <table class="rules" aria-label="Conduct rules over the shift">
          <thead>
            <tr>
              <th scope="col">Rule</th>
              <th scope="col">Now</th>
              <th scope="col">Share passing</th>
              <th scope="col">Time failing</th>
              <th scope="col">Time unknown</th>
              <th scope="col">Violations</th>
            </tr>
          </thead>
          <tbody>
            ${snapshot.rules.map((rule) => {
              const title = TITLES.get(rule.ruleId);
              return html`<tr data-rule=${rule.ruleId}>
                <th scope="row">${title?.en ?? rule.ruleId}<span class="zh" lang="zh">${title?.zh ?? ''}</span></th>
                ${statusCell(rule.verdict.status, rule.verdict.evidence.reason)}
                <td>${percent(rule.passShare)}</td>
                <td>${formatDuration(rule.failMs)}</td>
                <td>${formatDuration(rule.unknownMs)}</td>
                <td data-violations>${rule.violations}</td>
              </tr>`;
            })}
          </tbody>
        </table>
        <table class="rules" aria-label="Posture rules over the shift">
          <thead>
            <tr>
              <th scope="col">Posture rule</th>
              <th scope="col">Now</th>
              <th scope="col">Time failing</th>
              <th scope="col">Violations</th>
            </tr>
          </thead>
          <tbody>
            ${snapshot.posture.map((rule) => {
              const title = POSTURE_TITLES.get(rule.ruleId);
              return html`<tr data-rule=${rule.ruleId}>
                <th scope="row">${title?.en ?? rule.ruleId}<span class="zh" lang="zh">${title?.zh ?? ''}</span></th>
                ${statusCell(rule.status ?? 'unknown', rule.status ? rule.reason : 'no frame judged yet')}
                <td>${formatDuration(rule.failMs)}</td>
                <td data-violations>${rule.violations}</td>
              </tr>`;
            })}
          </tbody>
        </table>
        <h3>Latest events</h3>
        ${snapshot.events.length === 0
          ? html`<p class="hint">No event yet.</p>`
          : html`<ol class="events" aria-label="Latest events">
              ${snapshot.events.map(
                (event) => html`<li class=${event.kind} data-rule=${event.ruleId} data-kind=${event.kind}>
                  <span aria-hidden="true">${event.kind === 'break' ? '⏸' : '✗'}</span>
                  <strong>${event.kind === 'break' ? 'Break' : (EVENT_TITLES.get(event.ruleId)?.en ?? event.ruleId)}</strong>
                  ${event.label && event.kind !== 'break' ? html`(${event.label})` : nothing}
                  <time datetime=${new Date(event.startMs).toISOString()}>${clock(event.startMs)}</time> –
                  ${event.open ? html`<em>in progress</em>` : html`<time datetime=${new Date(event.endMs).toISOString()}>${clock(event.endMs)}</time>`}
                  · ${formatDuration(event.endMs - event.startMs)}
                </li>`,
              )}
            </ol>`}
        ${snapshot.gaps.length > 0
          ? html`<h3>Gaps (time not monitored: ${formatDuration(snapshot.gapMs)})</h3>
              <ul class="gaps" aria-label="Gaps">
                ${snapshot.gaps.map(
                  (gap) => html`<li data-gap=${gap.reason}>
                    ${clock(gap.startMs)} – ${gap.endMs === null ? html`<em>now</em>` : clock(gap.endMs)}: ${GAP_REASON[gap.reason]}
                  </li>`,
                )}
              </ul>`
          : nothing}
        <p class="hint">
          Smile and facing the customer are shares of the last minute; awake is eye closure over a minute (PERCLOS),
          eyes shut ${conduct.awake.eyesClosedMaxMs / 1000} s on end, and nods; grooming, phone and eating count when they last ${conduct.grooming.holdMs / 1000}, ${conduct.phone.holdMs / 1000} and
          ${conduct.eating.holdMs / 1000} s; an absence counts past ${formatDuration(conduct.atPost.allowedAbsenceMs)} unless a break is
          marked (key B). Objects are checked every ${objectsEveryMs / 1000} s; the minute in progress is saved every
          ${checkpointMs / 1000} s.
        </p>
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cc-monitor': CcMonitor;
  }
  interface GlobalEventHandlersEventMap {
    'cc-camera-request': CustomEvent<Record<string, never>>;
    'cc-camera-release': CustomEvent<Record<string, never>>;
  }
}
