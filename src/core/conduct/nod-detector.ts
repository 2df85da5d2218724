export interface NodDetectorOptions {
  /** Least drop of the head pitch below its running baseline for a nod, degrees. */
  readonly nodPitchDropDeg: number;
  /** A drop lasting longer than this is looking down, not a nod; the baseline then follows the new pitch. */
  readonly nodMaxDurationMs: number;
  /** Least share of a drop's frames with the eyes closed for a nod (0 = any quick drop). */
  readonly nodEyesClosedShareMin: number;
  /** Time constant of the running pitch baseline. */
  readonly nodBaselineTimeConstantMs: number;
  /** A frame gap longer than this abandons a drop in progress (its return was not seen). */
  readonly maxFrameGapMs: number;
}

interface Drop {
  readonly startMs: number;
  frames: number;
  eyesClosedFrames: number;
  depthMaxDeg: number;
}

/**
 * Nodding off: the head pitch drops well below its running baseline and comes back within a few seconds,
 * with the eyes closed while it is down. Pitch is the face matrix's (+ = chin up). Frames without a pitch
 * are skipped. Time is passed in; a timestamp going backwards starts afresh.
 */
export class NodDetector {
  private baselineDeg: number | null = null;
  private lastTimestampMs: number | null = null;
  private lastPitchTimestampMs: number | null = null;
  private drop: Drop | null = null;
  private nods: { readonly timestampMs: number; readonly depthDeg: number }[] = [];

  constructor(private readonly options: NodDetectorOptions) {}

  /** Takes one frame; returns the depth of a nod that completed on it (degrees), else null. */
  update(timestampMs: number, pitchDeg: number | null, eyesClosed: boolean | null): number | null {
    if (!Number.isFinite(timestampMs)) return null;
    if (this.lastTimestampMs !== null && timestampMs < this.lastTimestampMs) this.reset();
    if (this.lastTimestampMs !== null && timestampMs - this.lastTimestampMs > this.options.maxFrameGapMs) this.drop = null;
    this.lastTimestampMs = timestampMs;
    if (pitchDeg === null || !Number.isFinite(pitchDeg)) return null;

    const sincePitchMs = this.lastPitchTimestampMs === null ? 0 : timestampMs - this.lastPitchTimestampMs;
    this.lastPitchTimestampMs = timestampMs;
    if (this.baselineDeg === null || sincePitchMs > this.options.maxFrameGapMs) {
      this.baselineDeg ??= pitchDeg;
      this.drop = null;
    }
    const depthDeg = this.baselineDeg - pitchDeg;
    const { nodPitchDropDeg, nodMaxDurationMs, nodEyesClosedShareMin, nodBaselineTimeConstantMs } = this.options;

    if (this.drop) {
      const drop = this.drop;
      if (timestampMs - drop.startMs > nodMaxDurationMs) {
        // Held down too long: reading, or a new posture. Follow it.
        this.drop = null;
        this.baselineDeg = pitchDeg;
        return null;
      }
      if (depthDeg >= nodPitchDropDeg / 2) {
        drop.frames += 1;
        if (eyesClosed === true) drop.eyesClosedFrames += 1;
        drop.depthMaxDeg = Math.max(drop.depthMaxDeg, depthDeg);
        return null;
      }
      this.drop = null;
      if (drop.eyesClosedFrames / drop.frames >= nodEyesClosedShareMin) {
        this.nods.push({ timestampMs, depthDeg: drop.depthMaxDeg });
        return drop.depthMaxDeg;
      }
      return null;
    }
    if (depthDeg >= nodPitchDropDeg) {
      this.drop = { startMs: timestampMs, frames: 1, eyesClosedFrames: eyesClosed === true ? 1 : 0, depthMaxDeg: depthDeg };
      return null;
    }
    const alpha = 1 - Math.exp(-sincePitchMs / nodBaselineTimeConstantMs);
    this.baselineDeg += alpha * (pitchDeg - this.baselineDeg);
    return null;
  }

  /** Nods completed within `windowMs` before `timestampMs` (inclusive of it). */
  countWithin(timestampMs: number, windowMs: number): number {
    this.nods = this.nods.filter((nod) => nod.timestampMs > timestampMs - windowMs);
    return this.nods.length;
  }

  /** The running baseline pitch, degrees; null before the first pitch. */
  get baselinePitchDeg(): number | null {
    return this.baselineDeg;
  }

  reset(): void {
    this.baselineDeg = null;
    this.lastTimestampMs = null;
    this.lastPitchTimestampMs = null;
    this.drop = null;
    this.nods = [];
  }
}
