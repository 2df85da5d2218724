import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { FrameSource } from '../../capture/frame';
import { FpsMeter } from '../../pipeline/fps-meter';
import type { FrameAnalysis, FrameAnalyzer } from '../../pipeline/frame-analyzer';

/**
 * Runs the analyzer on every new frame of the current source, one frame at a time, on animation
 * frames (which the browser pauses in a background tab). Exposes the latest analysis and the rate.
 */
export class InferenceLoopController implements ReactiveController {
  analysis: FrameAnalysis | null = null;
  error: string | null = null;
  readonly fps = new FpsMeter();
  private source: FrameSource | null = null;
  private analyzer: FrameAnalyzer | null = null;
  /** An image is analysed once per analyzer; a new analyzer (other model or delegate) reads it again. */
  private analyzedImage: { source: FrameSource; analyzer: FrameAnalyzer } | null = null;
  private busy = false;
  private rafId = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly onAnalysis?: (analysis: FrameAnalysis) => void,
  ) {
    host.addController(this);
  }

  use(source: FrameSource | null, analyzer: FrameAnalyzer | null): void {
    if (source !== this.source) {
      this.analysis = null;
      this.fps.reset();
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
    const frame = source.readFrame(performance.now());
    if (!frame) return;
    this.busy = true;
    try {
      const analysis = await analyzer.analyze(frame);
      if (source !== this.source) return; // the source changed while this frame was analysed
      if (source.kind === 'image') this.analyzedImage = { source, analyzer };
      this.analysis = analysis;
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
