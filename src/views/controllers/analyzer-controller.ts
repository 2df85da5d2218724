import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { RuleId } from '../../core/rules';
import { chooseDelegate } from '../../inference/delegate';
import type { Delegate, LoadProgress } from '../../inference/detector';
import type { PoseModelVariant } from '../../inference/pose-landmarker';
import { FrameAnalyzer } from '../../pipeline/frame-analyzer';

export type DelegateSetting = Delegate | 'auto';

export interface AnalyzerSettings {
  readonly poseVariant: PoseModelVariant;
  readonly delegate: DelegateSetting;
  /** The rules the station checks (absent = the defaults): a model only rules that are off need is not loaded. */
  readonly enabledRules?: ReadonlySet<RuleId>;
}

export type AnalyzerState =
  | { readonly status: 'loading'; readonly progress: LoadProgress | null }
  | { readonly status: 'ready'; readonly analyzer: FrameAnalyzer }
  | { readonly status: 'error'; readonly message: string };

/** Loads the models for the host, with progress, errors and cancellation when settings change. */
export class AnalyzerController implements ReactiveController {
  state: AnalyzerState = { status: 'loading', progress: null };
  delegate: Delegate = 'CPU';
  delegateReason = '';
  private abort: AbortController | null = null;
  private settings: AnalyzerSettings | null = null;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  get analyzer(): FrameAnalyzer | null {
    return this.state.status === 'ready' ? this.state.analyzer : null;
  }

  async load(settings: AnalyzerSettings): Promise<void> {
    this.release();
    this.settings = settings;
    const abort = new AbortController();
    this.abort = abort;
    const auto = chooseDelegate();
    this.delegate = settings.delegate === 'auto' ? auto.delegate : settings.delegate;
    this.delegateReason = settings.delegate === 'auto' ? auto.reason : 'chosen by you';
    this.setState({ status: 'loading', progress: null });
    try {
      const analyzer = await FrameAnalyzer.create({
        poseVariant: settings.poseVariant,
        delegate: this.delegate,
        ...(settings.enabledRules ? { enabledRules: settings.enabledRules } : {}),
        signal: abort.signal,
        onProgress: (progress) => {
          if (!abort.signal.aborted) this.setState({ status: 'loading', progress });
        },
      });
      if (abort.signal.aborted) return analyzer.dispose();
      this.setState({ status: 'ready', analyzer });
    } catch (error) {
      if (abort.signal.aborted) return;
      const message = error instanceof Error ? error.message : String(error);
      this.setState({ status: 'error', message });
    }
  }

  retry(): Promise<void> {
    return this.settings ? this.load(this.settings) : Promise.resolve();
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.release();
  }

  private release(): void {
    this.abort?.abort();
    this.abort = null;
    this.analyzer?.dispose();
  }

  private setState(state: AnalyzerState): void {
    this.state = state;
    this.host.requestUpdate();
  }
}
