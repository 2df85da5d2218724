import { html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { openCamera } from '../../capture/camera-source';
import { CaptureError } from '../../capture/capture-error';
import { openFile } from '../../capture/file-source';
import type { FrameSource } from '../../capture/frame';
import { makeThumbnail } from '../../capture/thumbnail';
import { DEFAULT_CONFIG } from '../../core/config';
import type { EnrolledBadge } from '../../core/badge/enrolled-badge';
import { rulesOnWithEnrolledBadge } from '../../core/rules/enrolled-badge-rules';
import type { ReferencePose } from '../../core/reference-pose/reference-pose';
import { configForSetup, DEFAULT_STATION_SETUP, type StationSetup } from '../../core/station-setup/station-setup';
import { APPEARANCE_RULES, FRAME_RULES, isRuleOn, POSTURE_RULES, type RuleId } from '../../core/rules';
import type { PoseModelVariant } from '../../inference/pose-landmarker';
import { degradedModelsNotice } from '../../pipeline/degraded-models';
import type { FrameAnalysis } from '../../pipeline/frame-analyzer';
import { BadgeEnrolmentStore } from '../../storage/badge-enrolment-store';
import { IndexedDbCalibrationStore } from '../../storage/calibration-store';
import { db } from '../../storage/db';
import { browserPreferenceStorage, readConsent, readRetentionDays, saveConsent } from '../../storage/privacy-preferences';
import { purgeExpiredRecords } from '../../storage/purge-expired';
import { stationId } from '../../storage/station-identity';
import { StationSetupStore } from '../../storage/station-setup-store';
import { AnalyzerController, type DelegateSetting } from '../controllers/analyzer-controller';
import { CalibrationController } from '../controllers/calibration-controller';
import { type CameraUser, CameraUse } from '../controllers/camera-use';
import { InferenceLoopController } from '../controllers/inference-loop-controller';
import '../cc-badge-enrol/cc-badge-enrol';
import '../cc-consent/cc-consent';
import '../cc-measures/cc-measures';
import '../cc-monitor/cc-monitor';
import '../cc-privacy/cc-privacy';
import '../cc-rule-chips/cc-rule-chips';
import '../cc-self-check/cc-self-check';
import '../cc-stage/cc-stage';
import '../cc-station-setup/cc-station-setup';
import '../cc-status/cc-status';
import '../cc-supervisor/cc-supervisor';
import '../cc-trainer/cc-trainer';
import { appStyles } from './cc-app.styles';

/** A camera left running in a hidden tab is released after this long. */
export const DEFAULT_HIDDEN_CAMERA_RELEASE_MS = 30_000;
/** Where a new counter line starts before it is dragged onto the counter's edge. */
const DEFAULT_COUNTER_LINE_Y = 0.8;

/** The app shell: picks the source and the engine, and hands data down to the views. */
@customElement('cc-app')
export class CcApp extends LitElement {
  static override styles = appStyles;

  /** How long a hidden tab keeps the camera before releasing it. */
  @property({ type: Number, attribute: false }) hiddenCameraReleaseMs = DEFAULT_HIDDEN_CAMERA_RELEASE_MS;

  private readonly models = new AnalyzerController(this);
  private readonly loop = new InferenceLoopController(this, DEFAULT_CONFIG, (analysis) => this.handleAnalysis(analysis));
  /** This browser's station pseudonym. */
  private readonly stationId = stationId();
  private readonly calibration = new CalibrationController(this, new IndexedDbCalibrationStore(db), this.stationId);

  @state() private source: FrameSource | null = null;
  /** The camera was asked for and has not answered yet (a permission prompt may be showing). */
  @state() private cameraOpening = false;
  /** Who the camera is open for: the camera runs only while the person, a self-check or a shift uses it. */
  private readonly cameraUse = new CameraUse();
  @state() private sourceError: CaptureError | Error | null = null;
  @state() private notice: string | null = null;
  @state() private poseVariant: PoseModelVariant = 'lite';
  @state() private delegateSetting: DelegateSetting = 'auto';
  @state() private mirrored = true;
  @state() private dragging = false;
  @state() private trainerMode = false;
  /** The trainer's reference pose: in memory only, kept while the page is open (no image, joint angles). */
  @state() private referencePose: ReferencePose | null = null;
  /** This station's language, rule switches and thresholds (IndexedDB, through cc-station-setup). */
  @state() private setup: StationSetup = DEFAULT_STATION_SETUP;
  private setupConfig = DEFAULT_CONFIG;
  private enabledRules: ReadonlySet<RuleId> | undefined = undefined;
  /** This station's enrolled badge (IndexedDB, through cc-badge-enrol): it turns the badge rule on and decides it. */
  @state() private enrolledBadge: EnrolledBadge | null = null;
  @state() private editingCounterLine = false;
  /** Which screen shows, from the address's #fragment so it survives a reload and works with Back. */
  @state() private view: 'live' | 'supervisor' | 'monitor' = viewFromHash();
  /** The consent text (current version) was accepted: until then nothing runs, neither camera nor models. */
  @state() private consented = readConsent(browserPreferenceStorage()) !== null;
  /** Records older than this many days are purged at startup. */
  private readonly retentionDays = readRetentionDays(browserPreferenceStorage());
  /** What the startup purge did (when it deleted something or failed), or that consent could not be kept; shown when no other notice is. */
  @state() private privacyNotice: string | null = null;
  @query('input[type=file]') private fileInput!: HTMLInputElement;
  private hiddenTimer: ReturnType<typeof setTimeout> | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('visibilitychange', this.handleVisibilityChange);
    window.addEventListener('hashchange', this.handleHashChange);
    if (this.consented) this.start();
  }

  /**
   * Starts what runs once consent is given: expired records are purged, the models load. The camera stays
   * off until Start camera, a self-check or a shift asks for it.
   */
  private start(): void {
    void this.purgeExpired();
    void this.loadEnrolledBadge();
    void this.loadModels();
  }

  /**
   * Loads the models once this station's rule switches are read, so that a model only switched-off rules
   * need (the person segmenter) is not loaded; it loads on first use if one is switched on later.
   */
  private async loadModels(): Promise<void> {
    let enabledRules: ReadonlySet<RuleId> | undefined;
    try {
      enabledRules = enabledRulesOf(await new StationSetupStore(db).load(this.stationId, Date.now()));
    } catch {
      // cc-station-setup shows the storage error where the person can act on it; the default rules load meanwhile
    }
    await this.models.load({ poseVariant: this.poseVariant, delegate: this.delegateSetting, enabledRules });
  }

  private async purgeExpired(): Promise<void> {
    try {
      const purged = await purgeExpiredRecords(db, { nowMs: Date.now(), retentionDays: this.retentionDays });
      const count = purged.checks + purged.minutes;
      if (count > 0) this.privacyNotice = `Deleted ${count} record${count === 1 ? '' : 's'} older than ${this.retentionDays} days (retention).`;
    } catch (error) {
      this.privacyNotice = `Old records could not be deleted: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  /** The enrolled badge counts on every screen, not only where cc-badge-enrol shows (a page opened on #monitor). */
  private async loadEnrolledBadge(): Promise<void> {
    try {
      this.enrolledBadge = await new BadgeEnrolmentStore(db).load(this.stationId, Date.now());
    } catch {
      // cc-badge-enrol shows a storage error where the person can act on it
    }
  }

  private handleConsentAccept(): void {
    const kept = saveConsent(browserPreferenceStorage(), Date.now());
    this.consented = true;
    this.start();
    if (!kept) this.privacyNotice = 'This browser does not keep your acceptance: you will be asked again next time.';
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this.handleVisibilityChange);
    window.removeEventListener('hashchange', this.handleHashChange);
    clearTimeout(this.hiddenTimer);
    this.source?.stop();
  }

  protected override willUpdate(): void {
    const analyzer = this.models.analyzer;
    if (analyzer && analyzer.station.calibration !== this.calibration.calibration) {
      analyzer.station = { ...analyzer.station, calibration: this.calibration.calibration };
      this.loop.refresh();
    }
    if (analyzer && (analyzer.station.config !== this.setupConfig || analyzer.station.enabled !== this.enabledRules)) {
      const { enabled: _previous, ...station } = analyzer.station;
      analyzer.station = { ...station, config: this.setupConfig, ...(this.enabledRules ? { enabled: this.enabledRules } : {}) };
      this.loop.refresh();
    }
    if (analyzer && (analyzer.station.enrolledBadge ?? null) !== this.enrolledBadge) {
      analyzer.station = { ...analyzer.station, enrolledBadge: this.enrolledBadge };
      this.loop.refresh();
    }
    // Monitoring analyses at its own low rate: the live loop stands by on that screen.
    this.loop.use(this.view === 'live' ? this.source : null, analyzer);
  }

  private handleAnalysis(analysis: FrameAnalysis): void {
    if (this.calibration.capturing) void this.calibration.addSample(analysis.observations, performance.now());
  }

  /** A small picture of what the stage shows, for a self-check whose user opted in. */
  private readonly captureThumbnail = async (): Promise<Blob | null> => (this.source ? makeThumbnail(this.source.element) : null);

  private handleSetupChange(setup: StationSetup): void {
    this.setup = setup;
    this.setupConfig = configForSetup(setup);
    this.enabledRules = enabledRulesOf(setup);
    this.loop.configure(this.setupConfig);
  }

  private handleCalibrate(): void {
    const analysis = this.loop.analysis;
    if (this.source?.kind === 'image') {
      if (analysis) void this.calibration.fromStill(analysis.observations);
      return;
    }
    this.calibration.start(performance.now());
  }

  private handleCounterLineEdit(): void {
    this.editingCounterLine = !this.editingCounterLine;
    if (this.editingCounterLine && this.calibration.calibration?.counterLineY === undefined) {
      void this.calibration.setCounterLine(DEFAULT_COUNTER_LINE_Y);
    }
  }

  private setSource(source: FrameSource | null): void {
    if (this.source && this.source !== source) this.source.stop();
    this.source = source;
    this.sourceError = null;
    this.notice = null;
    this.mirrored = source?.kind === 'camera';
  }

  /** Each camera or file request gets a number; only the latest one may set the source or its error. */
  private sourceRequest = 0;

  /**
   * Opens the camera for `user` unless it runs or is opening already. A self-check uses an open video too,
   * but not a photo: a still gives one analysis, never the seconds of frames a check samples.
   */
  private requestCamera(user: CameraUser): void {
    const moving = (!!this.source && this.source.kind !== 'image') || this.cameraOpening;
    if (!this.cameraUse.claim(user, moving)) return;
    if (this.source?.kind !== 'camera' && !this.cameraOpening) void this.startCamera();
  }

  /** Releases the camera at once: its tracks stop (the light goes off) and the video is emptied; one still opening is dropped. */
  private releaseCamera(): void {
    this.cameraUse.clear();
    if (this.cameraOpening) {
      this.sourceRequest += 1;
      this.cameraOpening = false;
    }
    if (this.source?.kind === 'camera') this.setSource(null);
  }

  /** A self-check asks for a source when it starts and gives it back when it ends, however it ended. */
  private handleSelfCheckRunning(running: boolean): void {
    // The counter rule needs the object detector on the frames judged: the loop runs it until the end.
    this.loop.objectsEveryMs = running ? 0 : undefined;
    if (running) this.requestCamera('self-check');
    else if (this.cameraUse.release('self-check')) this.releaseCamera();
  }

  private async startCamera(): Promise<void> {
    const request = ++this.sourceRequest;
    this.setSource(null);
    this.cameraOpening = true;
    try {
      const camera = await openCamera({
        onEnded: (error) => {
          if (this.source !== camera) return;
          this.setSource(null);
          this.sourceError = error;
        },
        // Black frames or a stall: say what to do; the camera stays open, so the message clears when pictures return.
        onHealthChange: (problem) => {
          if (this.source === camera) this.sourceError = problem;
        },
      });
      if (request !== this.sourceRequest) return camera.stop(); // a file was opened or the camera stopped meanwhile
      this.setSource(camera);
    } catch (error) {
      if (request === this.sourceRequest) this.sourceError = error instanceof Error ? error : new Error(String(error));
    } finally {
      if (request === this.sourceRequest) this.cameraOpening = false;
    }
  }

  private async openFile(file: File): Promise<void> {
    const request = ++this.sourceRequest;
    this.cameraOpening = false;
    this.cameraUse.clear();
    try {
      const source = await openFile(file);
      if (request !== this.sourceRequest) return source.stop();
      this.setSource(source);
    } catch (error) {
      if (request === this.sourceRequest) this.sourceError = error instanceof Error ? error : new Error(String(error));
    }
  }

  private readonly handleHashChange = () => {
    const view = viewFromHash();
    if (view === this.view) return;
    this.view = view;
    // Leaving a screen releases the camera; the next one opens it when a live view, a check or a shift asks.
    this.releaseCamera();
  };

  private readonly handleVisibilityChange = () => {
    clearTimeout(this.hiddenTimer);
    if (!document.hidden) {
      if (this.notice?.startsWith('Paused')) this.notice = null;
      return;
    }
    if (this.source?.kind !== 'camera') return;
    this.notice = 'Paused: this tab is in the background. Analysis resumes when you come back.';
    this.hiddenTimer = setTimeout(() => {
      this.releaseCamera();
      this.notice = 'The camera was released while this tab was in the background. Press "Start camera" to resume.';
    }, this.hiddenCameraReleaseMs);
  };

  private handleRetry(): void {
    if (this.models.state.status === 'error' || this.loop.error) {
      this.loop.error = null;
      void this.models.retry();
    }
    if (this.sourceError) {
      if (this.sourceError instanceof CaptureError && this.sourceError.fileName) this.fileInput.click();
      else {
        // The camera is tried again for whoever asked for it (a check waiting for it keeps waiting).
        if (!this.cameraUse.owner) this.cameraUse.claim(this.view === 'monitor' ? 'monitor' : 'user', false);
        void this.startCamera();
      }
    }
  }

  private handleFileChange(event: Event): void {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (file) void this.openFile(file);
    input.value = '';
  }

  private handleDragOver(event: DragEvent): void {
    if (!event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    this.dragging = true;
  }

  private handleDrop(event: DragEvent): void {
    event.preventDefault();
    this.dragging = false;
    const file = event.dataTransfer?.files[0];
    if (file) void this.openFile(file);
  }

  private handleEngineChange(poseVariant: PoseModelVariant, delegate: DelegateSetting): void {
    this.poseVariant = poseVariant;
    this.delegateSetting = delegate;
    void this.models.load({ poseVariant, delegate, enabledRules: this.enabledRules });
  }

  override render() {
    if (!this.consented) {
      return html`<header><h1>CounterCheck</h1></header>
        <cc-consent
          class="consent"
          retention-days=${this.retentionDays}
          @cc-consent-accept=${this.handleConsentAccept}
        ></cc-consent>`;
    }
    const modelState = this.models.state;
    const progress =
      modelState.status === 'loading'
        ? modelState.progress && modelState.progress.totalBytes > 0
          ? modelState.progress.loadedBytes / modelState.progress.totalBytes
          : Number.NaN
        : null;
    const error =
      modelState.status === 'error'
        ? modelState.message
        : (this.loop.error ?? this.sourceError?.message ?? this.calibration.error ?? null);
    return html`
      <div
        @dragover=${this.handleDragOver}
        @dragleave=${() => (this.dragging = false)}
        @drop=${this.handleDrop}
      >
        <header>
          <h1>CounterCheck</h1>
          <nav aria-label="Screens">
            <a href="#" aria-current=${this.view === 'live' ? 'page' : 'false'}>Live &amp; self-check</a>
            <a href="#monitor" aria-current=${this.view === 'monitor' ? 'page' : 'false'}>Monitor</a>
            <a href="#supervisor" aria-current=${this.view === 'supervisor' ? 'page' : 'false'}>Supervisor</a>
          </nav>
          <span class="privacy">Runs on this device: no frame or image leaves it, and none is stored unless you opt in to self-check pictures. Station ${this.stationId}</span>
          <cc-privacy
            station-id=${this.stationId}
            retention-days=${this.retentionDays}
            @cc-privacy-reset=${() => location.reload()}
          ></cc-privacy>
        </header>
        ${this.view === 'supervisor'
          ? html`<cc-supervisor></cc-supervisor>`
          : this.view === 'monitor'
            ? html`<cc-status .progress=${progress} .error=${error} .notice=${this.notice ?? this.modelsNotice()} @cc-retry=${this.handleRetry}></cc-status>
                <cc-monitor
                  .source=${this.source}
                  .analyzer=${this.models.analyzer}
                  .stationId=${this.stationId}
                  .stationMonitoring=${this.setup}
                  .cameraProblem=${this.cameraProblem()}
                  @cc-camera-request=${() => this.requestCamera('monitor')}
                  @cc-camera-release=${() => this.releaseCamera()}
                ></cc-monitor>`
            : this.renderLive(progress, error)}
        ${this.dragging ? html`<div class="drop-hint">Drop a photo or video to analyse it</div>` : nothing}
      </div>
      ${this.trainerMode && this.view === 'live'
        ? html`<cc-trainer
            .source=${this.source}
            .analysis=${this.loop.analysis}
            .verdicts=${this.loop.verdicts}
            .rules=${POSTURE_RULES}
            ?mirrored=${this.mirrored}
            .reference=${this.referencePose}
            @cc-reference-change=${(e: CustomEvent<ReferencePose | null>) => (this.referencePose = e.detail)}
            @cc-trainer-exit=${() => (this.trainerMode = false)}
            @cc-mirror-change=${(e: CustomEvent<boolean>) => (this.mirrored = e.detail)}
          ></cc-trainer>`
        : nothing}
    `;
  }

  /** Why the camera asked for could not open (shown to a check or shift waiting for it); null while it runs or opens. */
  /** Models that could not load while the rules carry on without them (the page stays usable): say so. */
  private modelsNotice(): string | null {
    const analyzer = this.models.analyzer;
    return analyzer ? degradedModelsNotice(analyzer) : null;
  }

  private cameraProblem(): string | null {
    return !this.source && !this.cameraOpening && this.sourceError ? this.sourceError.message : null;
  }

  private renderLive(progress: number | null, error: string | null) {
    // One toggle, so the focus stays on it: Start camera, then Stop camera while it runs or opens.
    const cameraOn = this.source?.kind === 'camera' || this.cameraOpening;
    return html`
        <div class="toolbar" role="toolbar" aria-label="Source and engine">
          <button class="primary" type="button" data-camera-toggle @click=${() => (cameraOn ? this.releaseCamera() : this.requestCamera('user'))}>
            ${cameraOn ? html`<span aria-hidden="true">■</span> Stop camera` : 'Start camera'}
          </button>
          <button type="button" @click=${() => this.fileInput.click()}>Open photo or video…</button>
          <input type="file" accept="image/*,video/*" aria-label="Photo or video file" @change=${this.handleFileChange} />
          <label
            >Pose model
            <select
              @change=${(e: Event) => this.handleEngineChange((e.target as HTMLSelectElement).value as PoseModelVariant, this.delegateSetting)}
            >
              <option value="lite" ?selected=${this.poseVariant === 'lite'}>Lite (fast)</option>
              <option value="full" ?selected=${this.poseVariant === 'full'}>Full (accurate)</option>
            </select></label
          >
          <label
            >Engine
            <select
              @change=${(e: Event) => this.handleEngineChange(this.poseVariant, (e.target as HTMLSelectElement).value as DelegateSetting)}
            >
              <option value="auto" ?selected=${this.delegateSetting === 'auto'}>Auto (fastest here)</option>
              <option value="CPU" ?selected=${this.delegateSetting === 'CPU'}>CPU</option>
              <option value="GPU" ?selected=${this.delegateSetting === 'GPU'}>GPU</option>
            </select></label
          >
          <button type="button" @click=${() => (this.trainerMode = true)} ?disabled=${!this.source}>Trainer view</button>
          <label><input type="checkbox" .checked=${this.mirrored} @change=${(e: Event) => (this.mirrored = (e.target as HTMLInputElement).checked)} /> Mirror</label>
          ${this.source ? html`<span class="source-label">Source: ${this.source.label}</span>` : nothing}
        </div>
        <cc-status
          .progress=${progress}
          .error=${error}
          .notice=${this.notice ?? this.privacyNotice ?? this.modelsNotice()}
          @cc-retry=${this.handleRetry}
        ></cc-status>
        <main>
          <cc-stage
            .source=${this.source}
            .analysis=${this.loop.analysis}
            ?mirrored=${this.mirrored}
            .emptyText=${this.cameraOpening
              ? 'Starting the camera…'
              : 'The camera is off · 摄像头已关闭. Press Start camera for a live view, or Start self-check (the camera turns off when the check ends); or drop a photo or video here.'}
            .counterLineY=${this.calibration.calibration?.counterLineY ?? null}
            ?edit-counter-line=${this.editingCounterLine}
            @cc-counter-line-change=${(e: CustomEvent<number>) => void this.calibration.setCounterLine(e.detail)}
          ></cc-stage>
          <aside>
            <section class="panel" aria-labelledby="self-check-title">
              <h2 id="self-check-title">Morning self-check · 上岗自检</h2>
              <cc-self-check
                .analysis=${this.loop.analysis}
                .rules=${FRAME_RULES.filter((rule) => isRuleOn(rule, rulesOnWithEnrolledBadge(this.enabledRules, !!this.enrolledBadge)))}
                .stationId=${this.stationId}
                .language=${this.setup.language}
                .captureThumbnail=${this.captureThumbnail}
                ?ready=${!!this.source && !!this.loop.analysis}
                ?source-on=${!!this.source}
                .cameraProblem=${this.cameraProblem()}
                @cc-self-check-running=${(e: CustomEvent<boolean>) => this.handleSelfCheckRunning(e.detail)}
              ></cc-self-check>
            </section>
            <section class="panel" aria-labelledby="rules-title">
              <h2 id="rules-title">Posture rules</h2>
              <cc-rule-chips .rules=${POSTURE_RULES} .verdicts=${this.loop.verdicts}></cc-rule-chips>
            </section>
            <section class="panel" aria-labelledby="dress-title">
              <h2 id="dress-title">Dress and grooming</h2>
              <cc-rule-chips .rules=${APPEARANCE_RULES} .verdicts=${this.loop.verdicts}></cc-rule-chips>
            </section>
            ${this.renderCalibration()}
            <section class="panel" aria-labelledby="measures-title">
              <h2 id="measures-title">Live measures</h2>
              <cc-measures .analysis=${this.loop.analysis} .fps=${this.loop.fps.value}></cc-measures>
            </section>
            <section class="panel" aria-labelledby="setup-title">
              <h2 id="setup-title">Station setup · 工位设置</h2>
              <cc-station-setup
                .stationId=${this.stationId}
                .rules=${FRAME_RULES}
                ?badge-enrolled=${!!this.enrolledBadge}
                @cc-station-setup-change=${(e: CustomEvent<StationSetup>) => this.handleSetupChange(e.detail)}
                @cc-calibration-imported=${() => void this.calibration.hostConnected()}
                @cc-badge-enrol-change=${(e: CustomEvent<EnrolledBadge | null>) => (this.enrolledBadge = e.detail)}
              ></cc-station-setup>
              <cc-badge-enrol
                .stationId=${this.stationId}
                .enrolled=${this.enrolledBadge}
                .source=${this.source}
                .language=${this.setup.language}
                .cameraProblem=${this.cameraProblem()}
                @cc-camera-request=${() => this.requestCamera('badge-enrol')}
                @cc-camera-release=${() => this.cameraUse.release('badge-enrol') && this.releaseCamera()}
                @cc-badge-enrol-change=${(e: CustomEvent<EnrolledBadge | null>) => (this.enrolledBadge = e.detail)}
              ></cc-badge-enrol>
            </section>
            <section class="panel engine" aria-label="Engine">
              <div data-engine="delegate">Delegate: <strong>${this.models.delegate}</strong> (${this.models.delegateReason})</div>
              <div>Pose model: ${this.poseVariant}, face model with blendshapes</div>
            </section>
          </aside>
        </main>
    `;
  }

  private renderCalibration() {
    const { calibration, secondsLeft } = this.calibration;
    const canCalibrate = !!this.source && !!this.loop.analysis && secondsLeft === null;
    return html`<section class="panel" aria-labelledby="calibration-title">
      <h2 id="calibration-title">Calibration</h2>
      <p class="hint" role="status" data-calibration-status>
        ${secondsLeft !== null
          ? html`<strong>Sit upright and look at the camera… ${secondsLeft}</strong>`
          : calibration
            ? `Calibrated ${new Date(calibration.capturedAtMs).toLocaleString()} from ${calibration.sampleCount} frame${calibration.sampleCount === 1 ? '' : 's'}.`
            : 'Not calibrated: rules use general limits. Calibrate once per station for a closer judgement.'}
      </p>
      <div class="actions">
        <button type="button" class="primary" ?disabled=${!canCalibrate} @click=${this.handleCalibrate}>
          ${this.source?.kind === 'image' ? 'Calibrate on this photo' : 'Calibrate (3 s)'}
        </button>
        <button type="button" ?disabled=${!calibration} aria-pressed=${this.editingCounterLine} @click=${this.handleCounterLineEdit}>
          ${this.editingCounterLine ? 'Done' : 'Set counter line'}
        </button>
        <button type="button" ?disabled=${!calibration} @click=${() => this.calibration.clear()}>Clear</button>
      </div>
    </section>`;
  }
}

function viewFromHash(): 'live' | 'supervisor' | 'monitor' {
  return location.hash === '#supervisor' ? 'supervisor' : location.hash === '#monitor' ? 'monitor' : 'live';
}

/** The rules a station's setup switches on; undefined while it keeps the defaults. */
function enabledRulesOf(setup: StationSetup): ReadonlySet<RuleId> | undefined {
  return setup.enabledRuleIds ? new Set(setup.enabledRuleIds as RuleId[]) : undefined;
}

declare global {
  interface HTMLElementTagNameMap {
    'cc-app': CcApp;
  }
}
