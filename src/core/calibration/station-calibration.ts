import type { PersonPosition } from '../person/select-person';
import type { Observations } from '../types';

/**
 * The medians of one person's upright posture at one station. Rules compare live measures with these,
 * which cancels the camera's height, tilt and angle and the person's build. Each is null when no
 * sample measured it. Units as in `Observations`.
 */
export interface CalibrationBaseline {
  readonly earAboveShoulderRatio: number | null;
  readonly noseAboveShoulderRatio: number | null;
  readonly headFromVerticalDeg: number | null;
  readonly headForwardLeanDeg: number | null;
  readonly shoulderTiltDeg: number | null;
  readonly trunkLeanForwardDeg: number | null;
  /** Head pitch from the face matrix, degrees, + = chin up. */
  readonly headPitchDeg: number | null;
  /** Normalized image y of the head (ear centre, else nose). */
  readonly headImageY: number | null;
  /** Shoulder width in frame heights (how big the person looked). Absent in calibrations made before it was recorded. */
  readonly shoulderWidthFrameHeights?: number | null;
}

/** Plain, versioned data: stored per station (IndexedDB later) and exported as JSON. */
export interface StationCalibration {
  readonly version: 1;
  readonly capturedAtMs: number;
  /** How many frames had a usable upright posture. */
  readonly sampleCount: number;
  readonly baseline: CalibrationBaseline;
  /** Normalized image y (0 top .. 1 bottom) of the counter edge, when the station marked it. */
  readonly counterLineY?: number;
  /** Where the person sat (median head position and size): with several people in frame, only the one here is judged. Absent in calibrations made before it was recorded. */
  readonly personPosition?: PersonPosition | null;
}

export interface CalibrateOptions {
  /** Fewest usable frames for a calibration. Default 1, so a single baseline photo works; a live capture should ask for more. */
  readonly minSamples?: number;
}

export const DEFAULT_CALIBRATION_MIN_SAMPLES = 1;

/** Median of the finite values; null when there are none. */
export function median(values: readonly (number | null | undefined)[]): number | null {
  const finite = values.filter((value): value is number => typeof value === 'number' && Number.isFinite(value));
  if (finite.length === 0) return null;
  const sorted = [...finite].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** A frame can calibrate when a person is there and the head is placed against the shoulders. */
const isUsable = (sample: Observations): boolean =>
  sample.personPresent && (sample.earAboveShoulderRatio !== null || sample.headFromVerticalDeg !== null);

/**
 * The baseline from frames of the person sitting upright: the median of each measure over the usable
 * frames, ignoring nulls. Null when fewer than `minSamples` frames are usable.
 */
export function calibrateFromObservations(
  samples: readonly Observations[],
  capturedAtMs: number,
  options: CalibrateOptions = {},
): StationCalibration | null {
  const minSamples = Math.max(1, options.minSamples ?? DEFAULT_CALIBRATION_MIN_SAMPLES);
  const usable = samples.filter(isUsable);
  if (usable.length < minSamples) return null;
  const medianOf = (read: (sample: Observations) => number | null | undefined) => median(usable.map(read));
  return {
    version: 1,
    capturedAtMs,
    sampleCount: usable.length,
    baseline: {
      earAboveShoulderRatio: medianOf((s) => s.earAboveShoulderRatio),
      noseAboveShoulderRatio: medianOf((s) => s.noseAboveShoulderRatio),
      headFromVerticalDeg: medianOf((s) => s.headFromVerticalDeg),
      headForwardLeanDeg: medianOf((s) => s.headForwardLeanDeg),
      shoulderTiltDeg: medianOf((s) => s.shoulderTiltDeg),
      trunkLeanForwardDeg: medianOf((s) => s.trunkLeanForwardDeg),
      headPitchDeg: medianOf((s) => s.headPose?.pitch),
      headImageY: medianOf((s) => s.headImageY),
      shoulderWidthFrameHeights: medianOf((s) => s.shoulderWidthFrameHeights),
    },
    personPosition: medianPosition(usable),
  };
}

/** Every measure a baseline holds. */
export const BASELINE_KEYS: readonly (keyof CalibrationBaseline)[] = [
  'earAboveShoulderRatio',
  'noseAboveShoulderRatio',
  'headFromVerticalDeg',
  'headForwardLeanDeg',
  'shoulderTiltDeg',
  'trunkLeanForwardDeg',
  'headPitchDeg',
  'headImageY',
  'shoulderWidthFrameHeights',
];

/** Baseline measures that older calibrations may lack. */
const OPTIONAL_BASELINE_KEYS: readonly (keyof CalibrationBaseline)[] = ['shoulderWidthFrameHeights'];

/** Checks data read back from storage or a file before rules trust it. */
export function isStationCalibration(value: unknown): value is StationCalibration {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  const baseline = record.baseline as Record<string, unknown> | undefined;
  const finiteOrNull = (v: unknown) => v === null || (typeof v === 'number' && Number.isFinite(v));
  return (
    record.version === 1 &&
    typeof record.capturedAtMs === 'number' &&
    Number.isFinite(record.capturedAtMs) &&
    typeof record.sampleCount === 'number' &&
    typeof baseline === 'object' &&
    baseline !== null &&
    BASELINE_KEYS.every(
      (key) => finiteOrNull(baseline[key]) || (baseline[key] === undefined && OPTIONAL_BASELINE_KEYS.includes(key)),
    ) &&
    (record.counterLineY === undefined ||
      (typeof record.counterLineY === 'number' && record.counterLineY >= 0 && record.counterLineY <= 1)) &&
    (record.personPosition === undefined || record.personPosition === null || isPersonPosition(record.personPosition))
  );
}

function isPersonPosition(value: unknown): value is PersonPosition {
  if (typeof value !== 'object' || value === null) return false;
  const { headX, headY, shoulderWidthFraction } = value as Record<string, unknown>;
  const within = (v: unknown, min: number, max: number) => typeof v === 'number' && v >= min && v <= max;
  // Heads may sit a little outside the frame (landmarks are extrapolated), never far.
  return within(headX, -1, 2) && within(headY, -1, 2) && within(shoulderWidthFraction, 0, 5);
}

/** Where station calibrations are kept. The app's IndexedDB store implements this later. */
export interface CalibrationStore {
  load(stationId: string): Promise<StationCalibration | null>;
  save(stationId: string, calibration: StationCalibration): Promise<void>;
  clear(stationId: string): Promise<void>;
}

/** A calibration store in memory, for tests and sessions without storage. Hands out copies. */
export class InMemoryCalibrationStore implements CalibrationStore {
  private readonly calibrations = new Map<string, StationCalibration>();

  async load(stationId: string): Promise<StationCalibration | null> {
    const stored = this.calibrations.get(stationId);
    return stored ? structuredClone(stored) : null;
  }

  async save(stationId: string, calibration: StationCalibration): Promise<void> {
    if (!isStationCalibration(calibration)) throw new TypeError(`not a station calibration for ${stationId}`);
    this.calibrations.set(stationId, structuredClone(calibration));
  }

  async clear(stationId: string): Promise<void> {
    this.calibrations.delete(stationId);
  }
}

/** The median head position and size over the frames that have one; null when none has. */
function medianPosition(samples: readonly Observations[]): PersonPosition | null {
  const positions = samples.flatMap((sample) => (sample.personPosition ? [sample.personPosition] : []));
  const headX = median(positions.map((p) => p.headX));
  const headY = median(positions.map((p) => p.headY));
  const shoulderWidthFraction = median(positions.map((p) => p.shoulderWidthFraction));
  return headX !== null && headY !== null && shoulderWidthFraction !== null ? { headX, headY, shoulderWidthFraction } : null;
}
