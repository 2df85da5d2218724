/**
 * Frames analysed per second, smoothed over the last ~second so the number is readable. The gaps between
 * frames are averaged, not their instantaneous rates: an uneven stream (a slow frame, then a quick one to
 * catch up) would otherwise read above its true rate, as the mean of 1/gap exceeds 1/(mean gap).
 */
export class FpsMeter {
  private lastTimestampMs: number | null = null;
  private meanGapMs = 0;

  constructor(private readonly smoothing = 0.1) {}

  /** Records one analysed frame at `timestampMs` and returns the smoothed rate. */
  tick(timestampMs: number): number {
    if (this.lastTimestampMs !== null && timestampMs > this.lastTimestampMs) {
      const gapMs = timestampMs - this.lastTimestampMs;
      this.meanGapMs = this.meanGapMs === 0 ? gapMs : this.meanGapMs + this.smoothing * (gapMs - this.meanGapMs);
    }
    this.lastTimestampMs = timestampMs;
    return this.value;
  }

  get value(): number {
    return this.meanGapMs > 0 ? 1000 / this.meanGapMs : 0;
  }

  reset(): void {
    this.lastTimestampMs = null;
    this.meanGapMs = 0;
  }
}
