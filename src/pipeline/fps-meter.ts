/** Frames analysed per second, smoothed over the last ~second so the number is readable. */
export class FpsMeter {
  private lastTimestampMs: number | null = null;
  private fps = 0;

  constructor(private readonly smoothing = 0.1) {}

  /** Records one analysed frame at `timestampMs` and returns the smoothed rate. */
  tick(timestampMs: number): number {
    if (this.lastTimestampMs !== null && timestampMs > this.lastTimestampMs) {
      const instant = 1000 / (timestampMs - this.lastTimestampMs);
      this.fps = this.fps === 0 ? instant : this.fps + this.smoothing * (instant - this.fps);
    }
    this.lastTimestampMs = timestampMs;
    return this.fps;
  }

  get value(): number {
    return this.fps;
  }

  reset(): void {
    this.lastTimestampMs = null;
    this.fps = 0;
  }
}
