import type { RgbaImage } from '../pixels/rgba-image';
import type { NormalizedLandmark } from '../types';
import {
  type EyeFrame,
  type FaceGeometry,
  faceGeometry,
  faceRollDeg,
  frameBounds,
  frameCoordinates,
  insideFrameEllipse,
  insidePolygon,
  polygonBounds,
} from './face-geometry';
import { FACE_MESH } from './face-mesh-regions';
import {
  type PixelBounds,
  type PixelMaskOptions,
  type RegionPixels,
  type RgbColor,
  median,
  medianColor,
  percentile,
  sampleRegion,
} from './pixel-sampling';
import { IN_FRAME_SHARE_MIN, REGION_PIXELS_MIN, cheekPixels, skinLikeShare } from './skin-reference';

/*
 * Sunglasses: a tinted lens darkens the whole area around the eye and changes its colour, while a clear
 * lens leaves the skin around the eye as it is. Each eye region is compared with the person's own cheeks
 * (below any lens), so skin tone, exposure and white balance cancel out.
 *
 * Regions, in each eye's own frame (unit = that eye's corner-to-corner width, origin between the corners,
 * "across" toward the outer corner, "down" down the face):
 * - lens region: an ellipse centred 0.1 outward and 0.12 down, semi-axes 0.62 across and 0.38 down: the
 *   eye opening, the lids and the skin just around them, below the eyebrow, inside any spectacle lens;
 * - under-eye band: across -0.35..0.45, down 0.2..0.45: bare skin below the lower lashes, inside any lens,
 *   clear of the eyebrow and of most brow-ridge shadow;
 * - cheeks: discs of 0.28 eye widths at mid-cheek beside the nose wing (mesh 205 and 425), below even
 *   large lenses; both cheeks are pooled, so one cheek in shadow or hair does not decide alone;
 * - eye opening: the lid contour from the mesh; the white of the eye is the opening beyond 1.15 iris radii
 *   from the iris centre, the iris the disc within 0.6 radii.
 */

export interface SunglassesMeasures {
  /** How many eyes were measured: 2, or 1 when the face is turned and only the nearer eye is used. */
  readonly eyesMeasured: number;
  /** Corner-to-corner width of the narrowest measured eye, pixels. */
  readonly eyeWidthPx: number;
  /** Median luma of both cheeks, 0..255 (Rec. 601). */
  readonly cheekLuminance: number;
  /**
   * Median luma of the under-eye band over the cheeks' (mean over measured eyes). Bare skin or a clear
   * lens: mostly 0.55..1.0 (deep eye-socket shadow reaches 0.4); a dark lens: 0.1..0.45.
   */
  readonly underEyeToCheekLuminanceRatio: number;
  /** Median luma of the whole lens region over the cheeks'; includes lids, lashes and the eye itself. */
  readonly eyeToCheekLuminanceRatio: number;
  /**
   * Share of the lens region whose colour matches the cheeks' median colour (chromaticity within 0.03 and
   * luma 0.55..1.6 times), 0..1 (mean over measured eyes). Bare eyes and clear lenses: mostly 0.15..0.9
   * (glare on a lens or a colour cast can bring it near 0); tinted or mirrored lenses: under 0.1.
   */
  readonly eyeSkinLikeShare: number;
  /**
   * Luma of the white of the eye (75th percentile) over the iris's (median): about 1.5..3 for an eye that
   * is seen, about 1 behind a dark lens or a closed lid. Reported for explanation, not used in the verdict
   * (reflections on lenses make it noisy).
   */
  readonly scleraToIrisLuminanceRatio: number;
  /** See `FaceGeometry.faceYawAsymmetry`: 0 frontal, ±0.5 about 25..30 degrees, ±1 profile. */
  readonly faceYawAsymmetry: number;
  /** Angle of the eye line from the image's horizontal, degrees, + = clockwise on screen. */
  readonly faceRollDeg: number;
  /** Box enclosing the measured lens regions, normalized image coordinates (0..1). */
  readonly eyeBoxX: number;
  readonly eyeBoxY: number;
  readonly eyeBoxWidth: number;
  readonly eyeBoxHeight: number;
}

export interface EyeRegionOptions {
  /** Keep only pixels inside this person mask (optional; e.g. from a segmenter). */
  readonly personMask?: PixelMaskOptions;
}

/** Lens ellipse, in eye widths. */
const LENS = { centreAcross: 0.1, centreDown: 0.12, semiAcross: 0.62, semiDown: 0.38 } as const;
/** Under-eye band, in eye widths. */
const UNDER_EYE = { minAcross: -0.35, minDown: 0.2, maxAcross: 0.45, maxDown: 0.45 } as const;
const SCLERA_MIN_IRIS_RADII = 1.15;
const IRIS_CORE_IRIS_RADII = 0.6;
/** A narrower eye than this share of the wider one is turned away: only the wider one is measured. */
const EYE_WIDTH_BALANCE_MIN = 0.7;

interface EyeMeasure {
  readonly eye: EyeFrame;
  readonly lensLuma: number;
  readonly underEyeLuma: number;
  readonly skinLikeShare: number;
  readonly scleraToIrisRatio: number;
  readonly lensBounds: PixelBounds;
}

const lensBounds = (eye: EyeFrame): PixelBounds =>
  frameBounds(
    eye,
    LENS.centreAcross - LENS.semiAcross,
    LENS.centreDown - LENS.semiDown,
    LENS.centreAcross + LENS.semiAcross,
    LENS.centreDown + LENS.semiDown,
  );

function lensPixels(image: RgbaImage, eye: EyeFrame, mask: PixelMaskOptions | undefined): RegionPixels {
  return sampleRegion(
    image,
    lensBounds(eye),
    (point) => insideFrameEllipse(eye, point, LENS.centreAcross, LENS.centreDown, LENS.semiAcross, LENS.semiDown),
    { mask },
  );
}

function underEyePixels(image: RgbaImage, eye: EyeFrame, mask: PixelMaskOptions | undefined): RegionPixels {
  const { minAcross, minDown, maxAcross, maxDown } = UNDER_EYE;
  return sampleRegion(
    image,
    frameBounds(eye, minAcross, minDown, maxAcross, maxDown),
    (point) => {
      const { across, down } = frameCoordinates(eye, point);
      return across >= minAcross && across <= maxAcross && down >= minDown && down <= maxDown;
    },
    { mask },
  );
}

/** White-of-the-eye over iris luma, from the lid contour and the iris landmarks; 1 when either part is unseen. */
function scleraToIrisRatio(image: RgbaImage, geometry: FaceGeometry, eye: EyeFrame): number {
  const contour = (eye.side === 'right' ? FACE_MESH.rightEyeContour : FACE_MESH.leftEyeContour).map(
    (index) => geometry.pointsPx[index]!,
  );
  const [centreIndex, ...rimIndices] = eye.side === 'right' ? FACE_MESH.rightIris : FACE_MESH.leftIris;
  const irisCentre = geometry.pointsPx[centreIndex]!;
  const irisRadiusPx =
    rimIndices
      .map((index) => geometry.pointsPx[index]!)
      .reduce((sum, rim) => sum + Math.hypot(rim.x - irisCentre.x, rim.y - irisCentre.y), 0) / rimIndices.length;
  const irisAcross = frameCoordinates(eye, irisCentre).across;
  const bounds = polygonBounds(contour);
  const sclera = sampleRegion(
    image,
    bounds,
    (point) =>
      insidePolygon(point, contour) &&
      Math.abs(frameCoordinates(eye, point).across - irisAcross) * eye.unitPx >= SCLERA_MIN_IRIS_RADII * irisRadiusPx,
  );
  const iris = sampleRegion(
    image,
    bounds,
    (point) =>
      insidePolygon(point, contour) &&
      Math.hypot(point.x - irisCentre.x, point.y - irisCentre.y) <= IRIS_CORE_IRIS_RADII * irisRadiusPx,
  );
  if (sclera.luma.length === 0 || iris.luma.length === 0) return 1;
  return percentile(sclera.luma, 0.75) / Math.max(1, median(iris.luma));
}

function measureEye(
  image: RgbaImage,
  geometry: FaceGeometry,
  eye: EyeFrame,
  skin: RgbColor,
  mask: PixelMaskOptions | undefined,
): EyeMeasure | null {
  const lens = lensPixels(image, eye, mask);
  const under = underEyePixels(image, eye, mask);
  if (lens.inFrameShare < IN_FRAME_SHARE_MIN || under.inFrameShare < IN_FRAME_SHARE_MIN) return null;
  if (lens.luma.length < REGION_PIXELS_MIN || under.luma.length < REGION_PIXELS_MIN / 2) return null;
  return {
    eye,
    lensLuma: median(lens.luma),
    underEyeLuma: median(under.luma),
    skinLikeShare: skinLikeShare(lens, skin),
    scleraToIrisRatio: scleraToIrisRatio(image, geometry, eye),
    lensBounds: lensBounds(eye),
  };
}

const meanOf = (values: readonly number[]): number => values.reduce((sum, value) => sum + value, 0) / values.length;

/**
 * Sunglasses measures for one face, or null when not measurable: landmarks missing, no cheek inside the
 * image, or no eye whose regions lie inside it with enough pixels. The rule decides on small, dark or
 * turned faces (they still get measures).
 */
export function measureEyeRegions(
  image: RgbaImage,
  faceLandmarks: readonly NormalizedLandmark[],
  options: EyeRegionOptions = {},
): SunglassesMeasures | null {
  const geometry = faceGeometry(image, faceLandmarks);
  if (!geometry) return null;
  const mask = options.personMask;
  const cheeks = cheekPixels(image, geometry, mask);
  const skin = cheeks ? medianColor(cheeks) : null;
  if (!cheeks || !skin) return null;
  const cheekLuminance = median(cheeks.luma);
  const { rightEye, leftEye } = geometry;
  const balance = Math.min(rightEye.unitPx, leftEye.unitPx) / Math.max(rightEye.unitPx, leftEye.unitPx);
  const wider = rightEye.unitPx >= leftEye.unitPx ? rightEye : leftEye;
  const candidates = balance >= EYE_WIDTH_BALANCE_MIN ? [rightEye, leftEye] : [wider];
  const measured = candidates
    .map((eye) => measureEye(image, geometry, eye, skin, mask))
    .filter((m): m is EyeMeasure => m !== null);
  if (measured.length === 0) return null;
  const reference = Math.max(1, cheekLuminance);
  const minX = Math.max(0, Math.min(...measured.map((m) => m.lensBounds.minX)));
  const minY = Math.max(0, Math.min(...measured.map((m) => m.lensBounds.minY)));
  const maxX = Math.min(image.widthPx, Math.max(...measured.map((m) => m.lensBounds.maxX)));
  const maxY = Math.min(image.heightPx, Math.max(...measured.map((m) => m.lensBounds.maxY)));
  return {
    eyesMeasured: measured.length,
    eyeWidthPx: Math.min(...measured.map((m) => m.eye.unitPx)),
    cheekLuminance,
    underEyeToCheekLuminanceRatio: meanOf(measured.map((m) => m.underEyeLuma / reference)),
    eyeToCheekLuminanceRatio: meanOf(measured.map((m) => m.lensLuma / reference)),
    eyeSkinLikeShare: meanOf(measured.map((m) => m.skinLikeShare)),
    scleraToIrisLuminanceRatio: meanOf(measured.map((m) => m.scleraToIrisRatio)),
    faceYawAsymmetry: geometry.faceYawAsymmetry,
    faceRollDeg: faceRollDeg(geometry),
    eyeBoxX: minX / image.widthPx,
    eyeBoxY: minY / image.heightPx,
    eyeBoxWidth: Math.max(0, maxX - minX) / image.widthPx,
    eyeBoxHeight: Math.max(0, maxY - minY) / image.heightPx,
  };
}
