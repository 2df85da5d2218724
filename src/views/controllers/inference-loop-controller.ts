import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Frame, FrameSource } from '../../capture/frame';
import type { CounterCheckConfig } from '../../core/config';
import { POSTURE_RULES } from '../../core/rules';
import { RuleSmoothers, type SmoothedVerdicts } from '../../core/smoothing/verdict-smoother';
import { FpsMeter } from '../../pipeline/fps-meter';
import type { FrameAnalysis, FrameAnalyzer } from '../../pipeline/frame-analyzer';

/**
 * Runs the analyzer on every new frame of the current source, one frame at a time, on animation
 * frames (which the browser pauses in a background tab). Exposes the latest analysis and the rate.
 */
export class InferenceLoopController implements ReactiveController {
  analysis: FrameAnalysis | null = null;
  /** Each rule's raw verdict of the latest frame and its smoothed verdict over time. */
  verdicts: SmoothedVerdicts | null = null;
  error: string | null = null;
  readonly fps = new FpsMeter();
  /**
   * Also run the object detector on a timer (0: every frame), e.g. while the self-check judges what lies
   * on the counter; undefined (the default) keeps the live view free of it while a person is found.
   */
  objectsEveryMs: number | undefined = undefined;
  private source: FrameSource | null = null;
  private analyzer: FrameAnalyzer | null = null;
  /** An image is analysed once per analyzer; a new analyzer (other model or delegate) reads it again. */
  private analyzedImage: { source: FrameSource; analyzer: FrameAnalyzer } | null = null;
  /** The current image's frame: an image source hands it out once, and a refresh analyses it again. */
  private stillFrame: Frame | null = null;
  private busy = false;
  private rafId = 0;
  private smoothers: RuleSmoothers;

  constructor(
    private readonly host: ReactiveControllerHost,
    config: CounterCheckConfig,
    private readonly onAnalysis?: (analysis: FrameAnalysis) => void,
  ) {
    host.addController(this);
    this.smoothers = RuleSmoothers.forRules(POSTURE_RULES, config);
  }

  /**
   * New thresholds (e.g. another hold time) start the smoothing afresh; a still is read again, as it gets
   * no next frame to fill the verdicts it just lost.
   */
  configure(config: CounterCheckConfig): void {
    this.smoothers = RuleSmoothers.forRules(POSTURE_RULES, config);
    this.verdicts = null;
    this.refresh();
  }

  /** Re-reads the current image, e.g. after calibrating; streams pick changes up on their next frame. */
  refresh(): void {
    this.analyzedImage = null;
  }

  use(source: FrameSource | null, analyzer: FrameAnalyzer | null): void {
    if (source !== this.source) {
      this.stillFrame = null;
      this.analysis = null;
      this.verdicts = null;
      this.fps.reset();
      this.smoothers.reset();
      analyzer?.reset();
    }
    this.source = source;
    this.analyzer = analyzer;
  }

  hostConnected(): void {
    const loop = () => {
      this.rafId = requestAnimationFrame(loop);
      void this.tick();
    };
    this.rafId = requestAnimationFrame(loop);
  }

  hostDisconnected(): void {
    cancelAnimationFrame(this.rafId);
  }

  private async tick(): Promise<void> {
    const { source, analyzer } = this;
    if (this.busy || !source || !analyzer) return;
    if (source.kind === 'image' && this.analyzedImage?.source === source && this.analyzedImage.analyzer === analyzer) return;
    const frame = source.kind === 'image' ? (this.stillFrame ??= source.readFrame(performance.now())) : source.readFrame(performance.now());
    if (!frame) return;
    this.busy = true;
    try {
      const analysis = await analyzer.analyze(frame, analyzer.station, { objectsEveryMs: this.objectsEveryMs });
      if (source !== this.source) return; // the source changed while this frame was analysed
      if (source.kind === 'image') this.analyzedImage = { source, analyzer };
      this.analysis = analysis;
      if (source.kind === 'image') this.smoothers.reset(); // a still has no time to smooth over
      this.verdicts = this.smoothers.update(analysis.rules, frame.timestampMs);
      this.error = null;
      this.fps.tick(performance.now());
      this.onAnalysis?.(analysis);
    } catch (error) {
      this.error = `Analysis failed: ${error instanceof Error ? error.message : String(error)}. Press Retry to reload the models.`;
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  }
}
