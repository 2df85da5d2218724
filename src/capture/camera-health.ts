/** What can go wrong with a camera that is open but not delivering usable pictures. */
export type CameraProblem = 'black-frames' | 'stalled';

export interface CameraHealthConfig {
  /** A frame whose mean luma (0..255) is at most this is black: a closed privacy shutter or a covered lens. */
  readonly blackLumaMax: number;
  /** Black frames for this long raise the problem (a blink of darkness does not). */
  readonly blackForMs: number;
  /** No new frame for this long raises the problem. */
  readonly stallForMs: number;
  /**
   * A gap this long between two checks means the page itself was not running (hidden tab, sleep):
   * the camera is not blamed for it and the clocks restart.
   */
  readonly pageGapMs: number;
}

export const DEFAULT_CAMERA_HEALTH: CameraHealthConfig = {
  blackLumaMax: 12,
  blackForMs: 2000,
  stallForMs: 4000,
  pageGapMs: 1000,
};

/**
 * Watches an open camera for black frames and stalls. Pure: the caller reports each check, with the
 * mean luma of a new frame (or null when the luma was not sampled this time) or no frame at all.
 */
export class CameraHealthMonitor {
  private lastCheckMs: number | null = null;
  private lastFrameMs: number | null = null;
  private blackSinceMs: number | null = null;

  constructor(private readonly config: CameraHealthConfig = DEFAULT_CAMERA_HEALTH) {}

  /** A new frame arrived; `meanLuma` when it was sampled. Returns the problem now, if any. */
  frame(nowMs: number, meanLuma: number | null): CameraProblem | null {
    this.check(nowMs);
    this.lastFrameMs = nowMs;
    if (meanLuma !== null) {
      const black = meanLuma <= this.config.blackLumaMax;
      if (!black) this.blackSinceMs = null;
      else this.blackSinceMs ??= nowMs;
    }
    return this.problem(nowMs);
  }

  /** Checked with no new frame. Returns the problem now, if any. */
  noFrame(nowMs: number): CameraProblem | null {
    this.check(nowMs);
    this.lastFrameMs ??= nowMs;
    return this.problem(nowMs);
  }

  private check(nowMs: number): void {
    if (this.lastCheckMs !== null && nowMs - this.lastCheckMs >= this.config.pageGapMs) {
      // The page was asleep, not the camera: start both clocks afresh.
      this.lastFrameMs = nowMs;
      if (this.blackSinceMs !== null) this.blackSinceMs = nowMs;
    }
    this.lastCheckMs = nowMs;
  }

  private problem(nowMs: number): CameraProblem | null {
    if (this.lastFrameMs !== null && nowMs - this.lastFrameMs >= this.config.stallForMs) return 'stalled';
    if (this.blackSinceMs !== null && nowMs - this.blackSinceMs >= this.config.blackForMs) return 'black-frames';
    return null;
  }
}
