import type { Frame } from '../capture/frame';
import { PixelReader } from '../capture/read-pixels';
import { cropFrame } from '../capture/crop-frame';
import { rotateQuarterTurn } from '../capture/rotate-frame';
import { type AppearanceObservations, computeAppearance, EMPTY_APPEARANCE } from '../core/appearance/compute-appearance';
import { faceGeometry } from '../core/appearance/face-geometry';
import { headSegmentationBox } from '../core/appearance/head-silhouette';
import type { PixelMask } from '../core/appearance/pixel-sampling';
import type { RgbaImage } from '../core/pixels/rgba-image';
import type { StationCalibration } from '../core/calibration/station-calibration';
import { type CounterCheckConfig, DEFAULT_CONFIG } from '../core/config';
import { computeObservations } from '../core/observations/compute-observations';
import { faceFromCrop, HEAD_CROP_SIDES_SHOULDER_WIDTHS, headCropBox } from '../core/person/head-crop';
import { findHiddenPerson, mayHidePerson } from '../core/person/hidden-person';
import { type PeopleInFrame, type PersonSelection, selectPerson } from '../core/person/select-person';
import { chestRegion } from '../core/badge/chest-region';
import { handCells } from '../core/badge/hand-cells';
import type { NormalizedBox } from '../core/badge/normalized-box';
import { type BadgeObservation, makeBadgeObservation } from '../core/badge/badge-observation';
import { type EnrolledBadgeObservation, makeEnrolledBadgeObservation, matchEnrolledBadge } from '../core/badge/badge-matcher';
import type { EnrolledBadge } from '../core/badge/enrolled-badge';
import { rulesOnWithEnrolledBadge } from '../core/rules/enrolled-badge-rules';
import { evaluateRules, isRuleOn, ruleById, type RuleId, type Verdict } from '../core/rules';
import type { FaceDetection, FrameSize, HandDetection, Observations, PoseDetection } from '../core/types';
import { handDetectorWanted, handSearchRegion } from '../core/conduct/hand-cover';
import { DEFAULT_CONDUCT_SIGNAL_CONFIG } from '../core/conduct/conduct-config';
import type { Delegate, ProgressCallback } from '../inference/detector';
import type { PeopleLimits } from '../inference/mediapipe-runtime';
import { BADGE_GRID_SIZE, BadgeDetector } from '../inference/badge-detector';
import { FaceLandmarkerAdapter } from '../inference/face-landmarker';
import { HandDetectorAdapter } from '../inference/hand-detector';
import { type DetectedObject, ObjectDetectorAdapter } from '../inference/object-detector';
import { createPersonSegmenter, type PersonSegmenter } from '../inference/person-segmenter';
import { PoseLandmarkerAdapter, type PoseModelVariant } from '../inference/pose-landmarker';
import { dueOnFrameClock } from './frame-clock';
import { combineProgress } from './progress';

export interface FrameTiming {
  readonly poseMs: number;
  readonly faceMs: number;
  /** 0 when the object detector did not run on this frame. */
  readonly objectsMs: number;
  /** 0 when neither the badge detector nor the enrolled badge's search ran on this frame. */
  readonly badgeMs: number;
  /** 0 (or absent) when the hand detector did not run on this frame. */
  readonly handsMs?: number;
  /** 0 when the person segmenter did not run on this frame. */
  readonly segmentationMs: number;
  readonly totalMs: number;
}

/**
 * When the COCO object detector runs: never; only on frames where nobody is found at the post (telling an
 * empty post from a person whose head is down on it), or, uncalibrated, only a face (someone nearer may be
 * hidden): see `mayHidePerson`; or on every frame.
 */
export type ObjectDetectionMode = 'off' | 'when-no-person' | 'always';

/** On a stream looking for a hidden person, the slow object detector runs at most this often (frames' clock); its answer holds in between. */
const NO_PERSON_OBJECTS_INTERVAL_MS = 2000;
/** On a stream, the face's pixel measures (dress, grooming: slow to change) are refreshed at most this often (frames' clock). */
const STREAM_APPEARANCE_INTERVAL_MS = 1000;
/** Rules judged from the head's pixels that a person mask sharpens: the segmenter loads only for a station checking one of them. */
export const SEGMENTATION_RULES: readonly RuleId[] = ['dress.no_hat', 'grooming.hair_color_natural', 'grooming.bangs_above_brows'];

/** On a stream, the chest badge is looked for at most this often, on the frames' clock (a badge does not come and go between frames). */
const STREAM_BADGE_INTERVAL_MS = 1000;
/**
 * The hand detector's period on a stream when monitoring (`AnalyzeFrameOptions.handsEveryMs`'s default):
 * once a second, so a hand held at the face for the 3 s grooming hold is seen at least twice.
 */
export const DEFAULT_HANDS_EVERY_MS = 1000;
/** The hand search region: a square of this many face sizes on the face (hair, ears, a hand raised to the mouth). */
const HAND_REGION_FACE_SIZES = 2.4;
/**
 * The hand detector runs only while the pose puts a hand point within this many face heights of the face:
 * hands on the counter (most of a shift) cost nothing; a hand raised to the face is then outlined exactly.
 * A hand the pose already places at the hair, an ear, the nose or the mouth needs no second look.
 */
const HANDS_CHECK_NEAR_FACE_HEIGHTS = 1;

/**
 * Most people looked for per frame by default. Stills: the person at the counter plus a customer and a
 * passer-by. Streams: one, tracked (measured: looking for 3 on the bench clip doubles the per-frame time,
 * as the detector then runs on every frame); with a calibrated position a stream that tracks someone
 * else still judges nobody rather than the wrong person.
 */
export const DEFAULT_MAX_PEOPLE: PeopleLimits = { stills: 3, streams: 1 };

/** Everything the app knows about one frame: plain, serializable data. */
export interface FrameAnalysis {
  readonly timestampMs: number;
  readonly frame: FrameSize;
  /** The judged person is present (their body, face, or a person box where the post is). */
  readonly person: boolean;
  /** The judged person's body and face; null when not found. */
  readonly pose: PoseDetection | null;
  readonly face: FaceDetection | null;
  readonly people: PeopleInFrame;
  /**
   * Hands the hand detector found around the judged face (on a stream, its last run's until the next is due);
   * null or absent when it did not run (no face, not asked for).
   */
  readonly hands?: readonly HandDetection[] | null;
  /** Objects found (people, phones, cups, bags...); null when the detector did not run on this frame. */
  readonly objects: readonly DetectedObject[] | null;
  readonly observations: Observations;
  /** Pixel measures of the face region (eyes, hair, brows, head top); empty without a face. */
  readonly appearance: AppearanceObservations;
  /** The chest badge measures (box, probability); null when `dress.badge_visible` is off or nobody's body was found. */
  readonly badge: BadgeObservation | null;
  /** The station's enrolled badge searched on the chest; null when none is enrolled (or the rule is off). */
  readonly enrolledBadge: EnrolledBadgeObservation | null;
  /** Every rule's raw verdict for this frame (smoothing over time happens downstream). */
  readonly rules: Record<RuleId, Verdict>;
  readonly timing: FrameTiming;
}

/** What a station adds to the judgement: its calibration, its thresholds, the rules it checks. */
export interface StationContext {
  readonly calibration: StationCalibration | null;
  readonly config: CounterCheckConfig;
  /** Absent = every rule on. */
  readonly enabled?: ReadonlySet<RuleId>;
  /**
   * The station's enrolled badge; absent or null = none. It turns `dress.badge_visible` on and decides it,
   * in place of the general badge detector.
   */
  readonly enrolledBadge?: EnrolledBadge | null;
}

/** Per-call choices of `FrameAnalyzer.analyze`. */
export interface AnalyzeFrameOptions {
  /**
   * On a stream (camera or video), also run the object detector on a timer: on the first frame, then
   * whenever at least this long (on the frames' own clock) has passed since it last ran this way. Frames in
   * between get the mode's usual answer (null while someone is found). A still, having no clock, is always checked. Monitoring sets it (phones, cups);
   * the live view leaves it out, so it never waits on the slow detector while a person is found.
   */
  readonly objectsEveryMs?: number;
  /**
   * Run the models only the dress rules need: the chest badge search and the person mask (default true, each
   * when a rule that uses it is on). Monitoring records no dress rules, so it leaves them out: at 75..250 ms a
   * run they would be its costliest measures. The face's colour measures (low light) stay.
   */
  readonly dress?: boolean;
  /**
   * Look for hands at the face with the hand detector (conduct.no_grooming_in_public), on a stream at most
   * this often on the frames' clock; a still is always checked. Only on frames with a face. Default: every
   * `DEFAULT_HANDS_EVERY_MS` when `objectsEveryMs` is set (monitoring, the conduct eval), else never (the live view).
   */
  readonly handsEveryMs?: number;
}

export interface AnalyzerOptions {
  readonly poseVariant: PoseModelVariant;
  readonly delegate: Delegate;
  /** Most people looked for per frame; default DEFAULT_MAX_PEOPLE. */
  readonly maxPeople?: PeopleLimits;
  /** Default 'when-no-person'. */
  readonly objectDetection?: ObjectDetectionMode;
  /**
   * The rules the station checks (absent = the defaults). When one of `SEGMENTATION_RULES` is among them the
   * person segmenter loads with the other models (its bytes in `onProgress`); otherwise it loads on the first
   * frame judged for one of them. Without it (its file missing) those rules use colour alone.
   */
  readonly enabledRules?: ReadonlySet<RuleId>;
  readonly onProgress?: ProgressCallback;
  readonly signal?: AbortSignal;
}

/** Frame -> detections -> observations -> verdicts. The page, the CLI, the benchmark and the tests all use this one path. */
export class FrameAnalyzer {
  /** The station's calibration and settings; the page updates it when they change. */
  station: StationContext = { calibration: null, config: DEFAULT_CONFIG };
  private lastNoPersonObjects: { frameMs: number; objects: readonly DetectedObject[] } | null = null;
  private readonly pixels = new PixelReader();
  private lastStreamAppearance: { frameMs: number; appearance: AppearanceObservations } | null = null;
  /** When the timed object detection (`objectsEveryMs`) last ran, on the frames' clock. */
  private lastTimedObjectsFrameMs: number | null = null;
  private lastStreamBadge: { frameMs: number; badge: BadgeObservation } | null = null;
  private lastStreamEnrolled: { frameMs: number; enrolled: EnrolledBadge; observation: EnrolledBadgeObservation } | null = null;
  /** Loaded on the first frame that looks for hands (`AnalyzeFrameOptions.handsEveryMs`). */
  private handDetector: Promise<HandDetectorAdapter> | null = null;
  /** The last hand detection on a stream, on the frames' clock. */
  private lastHands: { frameMs: number; hands: readonly HandDetection[] } | null = null;
  /** Loaded on the first frame that a station judges `dress.badge_visible` on (it is off by default). */
  private badgeDetector: Promise<BadgeDetector> | null = null;
  /** The person segmenter, loaded with the models or on first use (see `AnalyzerOptions.enabledRules`); resolves to null when it cannot load. */
  private segmenter: Promise<PersonSegmenter | null> | null = null;
  /** Why the segmenter could not load (the head rules then read colour alone); null while it loads or once it has. */
  segmenterError: string | null = null;
  /** Why the hand detector could not load (grooming then reads the pose's hand points alone); null otherwise. */
  handDetectorError: string | null = null;

  private constructor(
    readonly pose: PoseLandmarkerAdapter,
    readonly face: FaceLandmarkerAdapter,
    readonly objects: ObjectDetectorAdapter | null,
    readonly options: AnalyzerOptions,
  ) {}

  static async create(options: AnalyzerOptions): Promise<FrameAnalyzer> {
    const withObjects = (options.objectDetection ?? 'when-no-person') !== 'off';
    const withSegmenter = needsSegmentation(options.enabledRules);
    const progress = combineProgress(2 + (withObjects ? 1 : 0) + (withSegmenter ? 1 : 0), options.onProgress);
    const maxPeople = options.maxPeople ?? DEFAULT_MAX_PEOPLE;
    const segmenter = withSegmenter ? createPersonSegmenter('selfie', { onProgress: progress.at(-1), signal: options.signal }) : null;
    segmenter?.catch(() => undefined); // awaited below, after the others
    const loads = await Promise.allSettled([
      PoseLandmarkerAdapter.create({ ...options, maxPeople, variant: options.poseVariant, onProgress: progress[0] }),
      FaceLandmarkerAdapter.create({ ...options, maxPeople, onProgress: progress[1] }),
      withObjects ? ObjectDetectorAdapter.create({ onProgress: progress[2], signal: options.signal }) : Promise.resolve(null),
    ] as const);
    const failed = loads.find((load) => load.status === 'rejected');
    if (failed) {
      for (const load of loads) if (load.status === 'fulfilled') load.value?.dispose();
      void segmenter?.then((s) => s.dispose(), () => undefined);
      throw failed.reason;
    }
    const [pose, face, objects] = loads.map((load) => (load as PromiseFulfilledResult<unknown>).value) as [
      PoseLandmarkerAdapter,
      FaceLandmarkerAdapter,
      ObjectDetectorAdapter | null,
    ];
    const analyzer = new FrameAnalyzer(pose, face, objects, options);
    if (segmenter) {
      analyzer.segmenter = analyzer.settleSegmenter(segmenter);
      await analyzer.segmenter;
    }
    return analyzer;
  }

  /** The segmenter, or null with `segmenterError` set: the head rules then fall back to colour alone. */
  private settleSegmenter(load: Promise<PersonSegmenter>): Promise<PersonSegmenter | null> {
    return load.then(
      (segmenter) => {
        this.segmenterError = null;
        return segmenter;
      },
      (error: unknown) => {
        this.segmenterError = error instanceof Error ? error.message : String(error);
        return null;
      },
    );
  }

  /** Analyses one frame, judged with the station's context unless another is given (e.g. eval's baselines). */
  async analyze(frame: Frame, station: StationContext = this.station, options: AnalyzeFrameOptions = {}): Promise<FrameAnalysis> {
    const start = performance.now();
    const poses = await this.pose.detect(frame);
    const poseDone = performance.now();
    const faces = await this.face.detect(frame);
    const faceDone = performance.now();
    const size = { widthPx: frame.widthPx, heightPx: frame.heightPx };
    const calibratedPosition = station.calibration?.personPosition ?? null;
    let selected = selectPerson(poses, faces, size, calibratedPosition, station.config.observations);
    const closerFace = await this.findFaceInHeadCrop(frame, selected);
    if (closerFace) selected = selectPerson(poses, [...faces, closerFace], size, calibratedPosition, station.config.observations);
    // Only a frame where nobody was found at the post asks the object detector for a person hidden there (a
    // head down on the counter), or, without a calibrated position, a face with no body: someone nearer may be hidden.
    const hiddenPersonCheck = mayHidePerson(selected, calibratedPosition);
    const detectorTime = { ms: 0 };
    const objects =
      (await this.detectTimedObjects(frame, hiddenPersonCheck, options.objectsEveryMs, detectorTime)) ??
      (await this.detectObjects(frame, hiddenPersonCheck, detectorTime));
    const hidden = findHiddenPerson(selected, objects, calibratedPosition, size, station.config.observations);
    selected = hidden.selection;
    const nobody = selected.people.choice === 'nobody';
    const { pose, face } = selected;
    const handsTime = { ms: 0 };
    const hands = await this.detectHands(frame, face, pose, options, handsTime);
    const sidewaysPoseFound = nobody && frame.kind === 'image' ? await this.findSidewaysPose(frame) : null;
    const observations = computeObservations(
      { frame: size, pose, face, hiddenPerson: hidden.person, sidewaysPoseFound },
      station.config.observations,
    );
    const segmentationTime = { ms: 0 };
    const dress = options.dress ?? true;
    const appearance = await this.measureAppearance(frame, face, station, segmentationTime, dress);
    const badgeStart = performance.now();
    const enrolled = station.enrolledBadge ?? null;
    const enabled = rulesOnWithEnrolledBadge(station.enabled, enrolled !== null);
    const badgeOn = dress && isRuleOn(ruleById('dress.badge_visible'), enabled);
    const enrolledBadge = badgeOn && enrolled ? this.measureEnrolledBadge(frame, pose, enrolled) : null;
    const badge = badgeOn && !enrolled ? await this.measureBadge(frame, pose) : null;
    const badgeDone = performance.now();
    const rules = evaluateRules(observations, {
      ...station,
      ...(enabled ? { enabled } : {}),
      appearance,
      objects,
      badge,
      enrolledBadge,
    });
    return {
      timestampMs: frame.timestampMs,
      frame: size,
      person: observations.personPresent,
      pose,
      face,
      hands,
      people: selected.people,
      objects,
      observations,
      appearance,
      badge,
      enrolledBadge,
      rules,
      timing: {
        poseMs: poseDone - start,
        faceMs: faceDone - poseDone,
        objectsMs: detectorTime.ms,
        badgeMs: badge || enrolledBadge ? badgeDone - badgeStart : 0,
        handsMs: handsTime.ms,
        segmentationMs: segmentationTime.ms,
        totalMs: performance.now() - start,
      },
    };
  }

  /** Runs the object detector on `frame`, adding its time to `time` (a frame's `timing.objectsMs` counts only real runs). */
  private async runObjectDetector(frame: Frame, time: { ms: number }): Promise<readonly DetectedObject[]> {
    const start = performance.now();
    const objects = await this.objects!.detect(frame);
    time.ms += performance.now() - start;
    return objects;
  }

  /** The timed object detection of `AnalyzeFrameOptions.objectsEveryMs`; null when it is not due (or not asked for). */
  private async detectTimedObjects(
    frame: Frame,
    hiddenPersonCheck: boolean,
    everyMs: number | undefined,
    time: { ms: number },
  ): Promise<readonly DetectedObject[] | null> {
    if (everyMs === undefined || !this.objects) return null;
    if (frame.kind === 'image') return this.runObjectDetector(frame, time); // a still has no clock: always due
    if (!dueOnFrameClock(this.lastTimedObjectsFrameMs, frame.timestampMs, everyMs)) return null;
    const objects = await this.runObjectDetector(frame, time);
    this.lastTimedObjectsFrameMs = frame.timestampMs;
    // A fresh answer for a frame that looks for a hidden person also serves that check on the frames that follow.
    if (hiddenPersonCheck) this.lastNoPersonObjects = { frameMs: frame.timestampMs, objects };
    return objects;
  }

  /**
   * Hands around the judged face (`AnalyzeFrameOptions.handsEveryMs`), only while the pose has a hand near the
   * face (`HANDS_CHECK_NEAR_FACE_HEIGHTS`) but not at a grooming target already: a still is always checked, a
   * stream when due, its frames in between keeping the last result. Adds the
   * detector's own run time to `time`. Null without a face, without a hand near it, or when not asked for; a
   * hand detector that cannot load leaves the pose alone to find hands (null).
   */
  private async detectHands(
    frame: Frame,
    face: FaceDetection | null,
    pose: PoseDetection | null,
    options: AnalyzeFrameOptions,
    time: { ms: number },
  ): Promise<readonly HandDetection[] | null> {
    const everyMs = options.handsEveryMs ?? (options.objectsEveryMs !== undefined ? DEFAULT_HANDS_EVERY_MS : undefined);
    if (everyMs === undefined) return null;
    const size = { widthPx: frame.widthPx, heightPx: frame.heightPx };
    const region = handSearchRegion(face, size, HAND_REGION_FACE_SIZES);
    const { landmarkVisibilityMin, handAtFaceMaxFaceHeights } = DEFAULT_CONDUCT_SIGNAL_CONFIG;
    const wanted = handDetectorWanted(face, pose, size, landmarkVisibilityMin, HANDS_CHECK_NEAR_FACE_HEIGHTS, handAtFaceMaxFaceHeights);
    if (!region || !wanted) return null;
    const last = this.lastHands;
    if (frame.kind !== 'image' && last && !dueOnFrameClock(last.frameMs, frame.timestampMs, everyMs)) return last.hands;
    this.handDetector ??= HandDetectorAdapter.create({ signal: this.options.signal });
    let detector: HandDetectorAdapter;
    try {
      detector = await this.handDetector;
    } catch (error) {
      // the rule keeps the pose's hand points; the detector is not retried on every frame
      this.handDetectorError = error instanceof Error ? error.message : String(error);
      return null;
    }
    const start = performance.now();
    const hands = await detector.detect(frame, region);
    time.ms += performance.now() - start;
    if (frame.kind !== 'image') this.lastHands = { frameMs: frame.timestampMs, hands };
    return hands;
  }

  /** The object detector's answer as `objectDetection` asks: in 'when-no-person', only for a frame that looks for a hidden person. */
  private async detectObjects(frame: Frame, hiddenPersonCheck: boolean, time: { ms: number }): Promise<readonly DetectedObject[] | null> {
    const mode = this.options.objectDetection ?? 'when-no-person';
    if (!this.objects || mode === 'off' || (mode === 'when-no-person' && !hiddenPersonCheck)) return null;
    if (mode === 'always' || frame.kind === 'image') return this.runObjectDetector(frame, time);
    if (!this.lastNoPersonObjects || dueOnFrameClock(this.lastNoPersonObjects.frameMs, frame.timestampMs, NO_PERSON_OBJECTS_INTERVAL_MS)) {
      this.lastNoPersonObjects = { frameMs: frame.timestampMs, objects: await this.runObjectDetector(frame, time) };
    }
    return this.lastNoPersonObjects.objects;
  }

  private async measureAppearance(
    frame: Frame,
    face: FaceDetection | null,
    station: StationContext,
    time: { ms: number },
    withMask: boolean,
  ): Promise<AppearanceObservations> {
    if (!face) return EMPTY_APPEARANCE;
    const measure = async (): Promise<AppearanceObservations> => {
      const image = this.pixels.read(frame);
      const personMask = withMask ? await this.personMask(image, face, station, time) : null;
      return computeAppearance(image, face, personMask ? { personMask: { mask: personMask } } : {});
    };
    if (frame.kind === 'image') return measure();
    if (!this.lastStreamAppearance || dueOnFrameClock(this.lastStreamAppearance.frameMs, frame.timestampMs, STREAM_APPEARANCE_INTERVAL_MS)) {
      this.lastStreamAppearance = { frameMs: frame.timestampMs, appearance: await measure() };
    }
    return this.lastStreamAppearance.appearance;
  }

  /** The person mask around the judged face, when the station checks a rule that uses it and the segmenter is there. */
  private async personMask(image: RgbaImage, face: FaceDetection, station: StationContext, time: { ms: number }): Promise<PixelMask | null> {
    if (!needsSegmentation(station.enabled)) return null;
    const geometry = faceGeometry(image, face.landmarks);
    const box = geometry ? headSegmentationBox(geometry, image) : null;
    if (!box) return null;
    this.segmenter ??= this.settleSegmenter(createPersonSegmenter('selfie', { signal: this.options.signal }));
    const segmenter = await this.segmenter;
    if (!segmenter) return null;
    const start = performance.now();
    const mask = segmenter.segment(image, box);
    time.ms += performance.now() - start;
    return mask;
  }

  /**
   * The chest badge of the judged body: chest box from the pose, the badge model on that crop. The model is
   * loaded on first use, so a station that leaves the rule off never downloads it.
   */
  private async measureBadge(frame: Frame, pose: PoseDetection | null): Promise<BadgeObservation> {
    const size = { widthPx: frame.widthPx, heightPx: frame.heightPx };
    const chest = chestRegion(pose?.landmarks ?? null, size);
    if (!chest.region) return makeBadgeObservation(chest, null);
    const last = this.lastStreamBadge;
    if (frame.kind !== 'image' && last && !dueOnFrameClock(last.frameMs, frame.timestampMs, STREAM_BADGE_INTERVAL_MS)) return last.badge;
    this.badgeDetector ??= BadgeDetector.create({ signal: this.options.signal });
    let detector: BadgeDetector;
    try {
      detector = await this.badgeDetector;
    } catch (error) {
      // the rule answers unknown with the loader's message (what to do); the next frame tries again
      this.badgeDetector = null;
      return { measured: false, reason: error instanceof Error ? error.message : String(error) };
    }
    // cells on a seen hand are not counted: a badge is worn, and the model fires on hands and what they hold
    const { shoulderWidthPx } = chest.region;
    const hands = (box: NormalizedBox) => handCells(pose?.landmarks ?? null, size, box, BADGE_GRID_SIZE, shoulderWidthPx);
    const badge = makeBadgeObservation(chest, detector.detect(this.pixels.read(frame), chest.region.box, hands));
    if (frame.kind !== 'image') this.lastStreamBadge = { frameMs: frame.timestampMs, badge };
    return badge;
  }

  /**
   * The station's enrolled badge searched on the judged body's chest (badge-matcher.ts). On a stream, at
   * most once per STREAM_BADGE_INTERVAL_MS, and afresh when the enrolment changes.
   */
  private measureEnrolledBadge(frame: Frame, pose: PoseDetection | null, enrolled: EnrolledBadge): EnrolledBadgeObservation {
    const size = { widthPx: frame.widthPx, heightPx: frame.heightPx };
    const chest = chestRegion(pose?.landmarks ?? null, size);
    if (!chest.region) return makeEnrolledBadgeObservation(chest, null);
    const last = this.lastStreamEnrolled;
    if (frame.kind !== 'image' && last && last.enrolled === enrolled && !dueOnFrameClock(last.frameMs, frame.timestampMs, STREAM_BADGE_INTERVAL_MS)) {
      return last.observation;
    }
    const observation = makeEnrolledBadgeObservation(chest, matchEnrolledBadge(this.pixels.read(frame), chest.region.box, enrolled));
    if (frame.kind !== 'image') this.lastStreamEnrolled = { frameMs: frame.timestampMs, enrolled, observation };
    return observation;
  }

  /**
   * A still whose judged body has no face: look again in a crop around the body's head, where a face too
   * small for the detector in the whole frame fills enough pixels. Stills only: a stream keeps the face
   * landmarker's tracking, which a second, cropped input would break.
   */
  private async findFaceInHeadCrop(frame: Frame, selected: PersonSelection): Promise<FaceDetection | null> {
    if (frame.kind !== 'image' || !selected.pose || selected.face) return null;
    for (const side of HEAD_CROP_SIDES_SHOULDER_WIDTHS) {
      const crop = headCropBox(selected.pose, frame, side);
      if (!crop) continue;
      const [face] = await this.face.detect(cropFrame(frame, crop));
      if (face) return faceFromCrop(face, crop);
    }
    return null;
  }

  /** A still with nobody found upright: is there a body lying sideways (head on the desk)? */
  private async findSidewaysPose(frame: Frame): Promise<boolean> {
    for (const clockwise of [true, false]) {
      if ((await this.pose.detect(rotateQuarterTurn(frame, clockwise))).length > 0) return true;
    }
    return false;
  }

  /** Forget tracking, e.g. when the source changes. */
  reset(): void {
    this.pose.reset();
    this.face.reset();
    this.lastNoPersonObjects = null;
    this.lastStreamAppearance = null;
    this.lastTimedObjectsFrameMs = null;
    this.lastStreamBadge = null;
    this.lastStreamEnrolled = null;
    this.lastHands = null;
  }

  dispose(): void {
    this.pose.dispose();
    this.face.dispose();
    this.objects?.dispose();
    void this.handDetector?.then((detector) => detector.dispose(), () => undefined);
    void this.badgeDetector?.then((detector) => detector.dispose(), () => undefined);
    void this.segmenter?.then((segmenter) => segmenter?.dispose());
  }
}

/** Whether a station with this `enabled` set (absent = the defaults) checks a rule that uses the person mask. */
function needsSegmentation(enabled: ReadonlySet<RuleId> | undefined): boolean {
  return SEGMENTATION_RULES.some((id) => isRuleOn(ruleById(id), enabled));
}
