import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  calibrateFromObservations,
  type CalibrationStore,
  type StationCalibration,
} from '../../core/calibration/station-calibration';
import type { Observations } from '../../core/types';

/** How long the guided "sit upright" capture runs. */
export const CALIBRATION_CAPTURE_MS = 3000;
/** Fewest frames a live capture needs (a still photo calibrates from its one frame). */
export const CALIBRATION_MIN_FRAMES = 5;

type Capture = { readonly startedAtMs: number; readonly samples: Observations[] };

/**
 * The station's upright baseline: a 3-second guided capture (median of the measures), the counter
 * line, and loading/saving through a CalibrationStore.
 */
export class CalibrationController implements ReactiveController {
  calibration: StationCalibration | null = null;
  /** Seconds left in a running capture, else null. */
  secondsLeft: number | null = null;
  error: string | null = null;
  private capture: Capture | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly store: CalibrationStore,
    private readonly stationId: string,
  ) {
    host.addController(this);
  }

  async hostConnected(): Promise<void> {
    try {
      this.calibration = await this.store.load(this.stationId);
    } catch (error) {
      this.error = errorText(error);
    }
    this.host.requestUpdate();
  }

  get capturing(): boolean {
    return this.capture !== null;
  }

  /** Starts the guided capture; frames arrive through `addSample`. */
  start(nowMs: number): void {
    this.capture = { startedAtMs: nowMs, samples: [] };
    this.error = null;
    this.secondsLeft = Math.ceil(CALIBRATION_CAPTURE_MS / 1000);
    this.host.requestUpdate();
  }

  /** Feeds one analysed frame; finishes the capture once its time is up. */
  async addSample(observations: Observations, nowMs: number): Promise<void> {
    const capture = this.capture;
    if (!capture) return;
    capture.samples.push(observations);
    const elapsedMs = nowMs - capture.startedAtMs;
    this.secondsLeft = Math.max(0, Math.ceil((CALIBRATION_CAPTURE_MS - elapsedMs) / 1000));
    this.host.requestUpdate();
    if (elapsedMs >= CALIBRATION_CAPTURE_MS) await this.finish(capture.samples, CALIBRATION_MIN_FRAMES, Date.now());
  }

  /** Calibrates from one still (a photo of the person sitting upright). */
  async fromStill(observations: Observations): Promise<void> {
    await this.finish([observations], 1, Date.now());
  }

  async setCounterLine(counterLineY: number): Promise<void> {
    if (!this.calibration) return;
    await this.save({ ...this.calibration, counterLineY });
  }

  async clear(): Promise<void> {
    this.calibration = null;
    try {
      await this.store.clear(this.stationId);
    } catch (error) {
      this.error = errorText(error);
    }
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.capture = null;
    this.secondsLeft = null;
  }

  private async finish(samples: readonly Observations[], minSamples: number, capturedAtMs: number): Promise<void> {
    this.capture = null;
    this.secondsLeft = null;
    const calibration = calibrateFromObservations(samples, capturedAtMs, { minSamples });
    if (!calibration) {
      this.error =
        'Calibration needs you in view: sit upright facing the camera, with your head and shoulders in the frame, then press Calibrate again.';
      this.host.requestUpdate();
      return;
    }
    await this.save({ ...calibration, counterLineY: this.calibration?.counterLineY });
  }

  /** Uses the calibration now; if it cannot be stored it still applies until the page closes, and says so. */
  private async save(calibration: StationCalibration): Promise<void> {
    this.calibration = calibration;
    try {
      await this.store.save(this.stationId, calibration);
    } catch (error) {
      this.error = `${errorText(error)} This calibration applies until the page is closed.`;
    }
    this.host.requestUpdate();
  }
}

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));
