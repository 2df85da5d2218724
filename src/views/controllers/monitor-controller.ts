import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { FrameSource } from '../../capture/frame';
import type { MinuteRecord } from '../../core/summaries/records';
import type { FrameAnalyzer } from '../../pipeline/frame-analyzer';
import { FpsMeter } from '../../pipeline/fps-meter';
import { MonitorSession, type ShiftSnapshot } from '../../pipeline/monitor-session';
import { fallsBehind, TimingTally } from '../../pipeline/timing-tally';
import type { MinuteRepository } from '../../storage/minute-repository';
import type { MonitorSettings } from './monitor-settings';

export type MonitorPhase = 'idle' | 'running' | 'stopped';

/**
 * Runs a monitored shift for its host: analyses the current source at a low rate (`settings.fps`, on a
 * timer, one frame at a time), with the object detector on its own slower timer, feeds a
 * `MonitorSession`, and saves its minute records to IndexedDB (finished minutes at once, the minute in
 * progress every `checkpointMs`, the rest on stop). Records that fail to save are kept and tried again.
 *
 * A hidden tab: browsers run timers there at most once a second (and less after some minutes), and the
 * app releases the camera after a while; the controller keeps trying, and the time without frames is
 * recorded as a gap (unknown time, never absence).
 */
export class MonitorController implements ReactiveController {
  phase: MonitorPhase = 'idle';
  snapshot: ShiftSnapshot | null = null;
  /** A problem to show (saving failed, analysis failed); null when all is well. */
  error: string | null = null;
  /** Minutes saved in this shift (each counted once, however often it was rewritten). */
  savedMinutes = 0;
  lastSavedAtMs: number | null = null;
  hidden = typeof document !== 'undefined' && document.hidden;
  readonly fps = new FpsMeter();
  /** Time spent analysing in this shift, per model, for the benchmark. */
  readonly timing = new TimingTally();

  private source: FrameSource | null = null;
  private analyzer: FrameAnalyzer | null = null;
  private session: MonitorSession | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private busy = false;
  private lastCheckpointMs = 0;
  private readonly pending = new Map<string, MinuteRecord>();
  /** The saved minutes whose record may come again (revised), by id, with their start; the rest are only counted. */
  private readonly savedIds = new Map<string, number>();
  private savedSettledCount = 0;
  private saving: Promise<void> = Promise.resolve();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly repository: MinuteRepository,
    /** The station's pseudonym, read when a shift starts. */
    private readonly stationId: () => string,
    /** The rates and conduct times, read as they are used: a shift keeps the conduct times it started with. */
    private readonly currentSettings: () => MonitorSettings,
    /** The clock, epoch ms (records are dated by it). */
    private readonly nowMs: () => number = () => Math.round(Date.now()),
  ) {
    host.addController(this);
  }

  private get settings(): MonitorSettings {
    return this.currentSettings();
  }

  get running(): boolean {
    return this.phase === 'running';
  }

  get onBreak(): boolean {
    return this.session?.onBreak ?? false;
  }

  get targetFps(): number {
    return this.settings.fps;
  }

  /** Mean analysis time of a frame this shift, ms; 0 before the first. */
  get analysisMsPerFrame(): number {
    return this.timing.summary().totalMsPerFrame;
  }

  /** Running, and each frame's analysis takes too long for the rate asked for: this computer cannot analyse that many frames a second. */
  get fallingBehind(): boolean {
    return this.running && fallsBehind(this.timing.summary(), this.targetFps);
  }

  /** The frames come from here; null while there is no camera. */
  use(source: FrameSource | null, analyzer: FrameAnalyzer | null): void {
    if (source !== this.source) analyzer?.reset();
    this.source = source;
    this.analyzer = analyzer;
  }

  start(): void {
    if (this.running) return;
    const now = this.nowMs();
    // the station's posture thresholds include the smoothing hold, as in the live view
    const postureConfig = this.analyzer?.station.config;
    this.session = new MonitorSession({ stationId: this.stationId(), config: this.settings.conduct, ...(postureConfig ? { postureConfig } : {}) }, now);
    this.phase = 'running';
    this.error = null;
    this.savedMinutes = 0;
    this.savedIds.clear();
    this.savedSettledCount = 0;
    this.lastSavedAtMs = null;
    this.lastCheckpointMs = now;
    this.fps.reset();
    this.timing.reset();
    this.analyzer?.reset();
    if (this.hidden) this.session.pause(now, 'hidden');
    this.snapshot = this.session.snapshot();
    this.schedule(0);
    this.host.requestUpdate();
  }

  /** Ends the shift: closes open events, saves the partial minute. */
  async stop(): Promise<void> {
    const session = this.session;
    if (!session || !this.running) return;
    clearTimeout(this.timer);
    this.phase = 'stopped';
    this.queue(session.stop(this.nowMs()));
    this.snapshot = session.snapshot();
    this.host.requestUpdate();
    await this.save();
  }

  toggleBreak(): void {
    const session = this.session;
    if (!session || !this.running) return;
    const now = this.nowMs();
    if (session.onBreak) session.endBreak(now);
    else session.startBreak(now);
    this.snapshot = session.snapshot();
    this.host.requestUpdate();
  }

  /** Tries the records that failed to save again. */
  retrySave(): Promise<void> {
    return this.save();
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.handleVisibilityChange);
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.handleVisibilityChange);
    // Leaving the screen ends the shift; its last minute is still saved.
    void this.stop();
  }

  private readonly handleVisibilityChange = (): void => {
    this.hidden = document.hidden;
    if (this.hidden && this.running) this.session?.pause(this.nowMs(), 'hidden');
    this.host.requestUpdate();
  };

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), delayMs);
  }

  private async tick(): Promise<void> {
    const session = this.session;
    if (!session || !this.running || this.busy) return;
    const started = performance.now();
    this.busy = true;
    try {
      await this.analyzeOne(session);
      const now = this.nowMs();
      const checkpoint = now - this.lastCheckpointMs >= this.settings.checkpointMs;
      if (checkpoint) this.lastCheckpointMs = now;
      this.queue(session.takeRecords(now, checkpoint));
      if (this.pending.size > 0) await this.save();
      this.snapshot = session.snapshot();
    } finally {
      this.busy = false;
      if (this.running && this.session === session) {
        const periodMs = 1000 / this.settings.fps;
        this.schedule(Math.max(0, periodMs - (performance.now() - started)));
      }
      this.host.requestUpdate();
    }
  }

  private async analyzeOne(session: MonitorSession): Promise<void> {
    const { source, analyzer } = this;
    // While hidden, any stretch without frames is the background tab's doing (throttled timers, released camera).
    if (this.hidden) session.pause(this.nowMs(), 'hidden');
    if (!source || !analyzer) {
      session.pause(this.nowMs(), 'no-camera');
      return;
    }
    const frame = source.readFrame(performance.now());
    if (!frame) return;
    try {
      const analysis = await analyzer.analyze(frame, analyzer.station, { objectsEveryMs: this.settings.objectsEveryMs, dress: false });
      if (source !== this.source || session !== this.session || !this.running) return;
      session.addFrame(analysis, this.nowMs());
      this.fps.tick(performance.now());
      this.timing.add(analysis.timing);
      if (this.error?.startsWith('Analysis')) this.error = null;
    } catch (error) {
      this.error = `Analysis failed: ${error instanceof Error ? error.message : String(error)}. Monitoring goes on with the next frame; the time is recorded as unknown.`;
    }
  }

  private queue(records: readonly MinuteRecord[]): void {
    for (const record of records) this.pending.set(record.id, record);
  }

  /** Counts the saved minutes that no record comes for again, and forgets their ids: a long shift holds few. */
  private forgetSettledIds(): void {
    const session = this.session;
    if (!session) return;
    for (const [id, minuteStartMs] of this.savedIds) {
      if (!session.mayRevise(minuteStartMs) && !this.pending.has(id)) {
        this.savedIds.delete(id);
        this.savedSettledCount += 1;
      }
    }
  }

  /** Saves the queued records in one transaction; on failure keeps them for the next try. One save at a time. */
  private save(): Promise<void> {
    this.saving = this.saving.then(async () => {
      if (this.pending.size === 0) return;
      const records = [...this.pending.values()];
      try {
        await this.repository.putMany(records);
        for (const record of records) {
          if (this.pending.get(record.id) === record) this.pending.delete(record.id);
          this.savedIds.set(record.id, record.minuteStartMs);
        }
        this.forgetSettledIds();
        this.savedMinutes = this.savedSettledCount + this.savedIds.size;
        this.lastSavedAtMs = this.nowMs();
        if (this.error?.startsWith('Could not save')) this.error = null;
      } catch (error) {
        this.error = `Could not save the monitoring minutes (${error instanceof Error ? error.message : String(error)}). They are kept in this tab and saved again with the next minute; press Retry to try now.`;
      } finally {
        this.host.requestUpdate();
      }
    });
    return this.saving;
  }
}
