import type { RgbaImage } from '../pixels/rgba-image';
import type { FaceGeometry } from './face-geometry';
import { FACE_MESH } from './face-mesh-regions';
import {
  type PixelMaskOptions,
  type PixelPoint,
  type RegionPixels,
  type RgbColor,
  chromaticity,
  luma,
  median,
  medianColor,
  sampleRegion,
  shareWhere,
} from './pixel-sampling';
import { insidePolygon, polygonBounds } from './face-geometry';

/*
 * The person's own skin colour, read at mid-cheek beside the nose wing (mesh 205 and 425): below even
 * large spectacle lenses, above most beards, clear of hair and hats. Other regions are judged against it,
 * so skin tone, exposure and white balance cancel out.
 */

/** Cheek disc radius, in eye widths (mean of the two eyes). */
export const CHEEK_RADIUS_EYE_WIDTHS = 0.28;
/** A pixel matches the skin when its chromaticity (r, g) lies within this distance of the cheeks'... */
export const SKIN_CHROMATICITY_DISTANCE_MAX = 0.03;
/** ...and its luma within this range of the cheeks' (shadowed to lit skin; not a dark lens, not hair). */
export const SKIN_LUMA_RATIO_RANGE: readonly [number, number] = [0.55, 1.6];
/** Below this share of a region inside the frame, the region is not measured. */
export const IN_FRAME_SHARE_MIN = 0.8;
/** Least pixels for a region's statistics. */
export const REGION_PIXELS_MIN = 12;

export interface SkinReference {
  /** Channel-wise median colour of both cheeks. */
  readonly color: RgbColor;
  /** Median luma of both cheeks, 0..255. */
  readonly luma: number;
}

/** A disc in pixel space. */
export function discPixels(
  image: RgbaImage,
  centre: PixelPoint,
  radiusPx: number,
  mask?: PixelMaskOptions,
): RegionPixels {
  return sampleRegion(
    image,
    { minX: centre.x - radiusPx, minY: centre.y - radiusPx, maxX: centre.x + radiusPx, maxY: centre.y + radiusPx },
    (point) => Math.hypot(point.x - centre.x, point.y - centre.y) <= radiusPx,
    { mask },
  );
}

/** A closed polygon in pixel space. */
export function polygonPixels(image: RgbaImage, polygon: readonly PixelPoint[], mask?: PixelMaskOptions): RegionPixels {
  return sampleRegion(image, polygonBounds(polygon), (point) => insidePolygon(point, polygon), { mask });
}

/** Both mid-cheek discs, pooled (a cheek outside the frame is left out); null when neither is usable. */
export function cheekPixels(image: RgbaImage, geometry: FaceGeometry, mask?: PixelMaskOptions): RegionPixels | null {
  const radiusPx = CHEEK_RADIUS_EYE_WIDTHS * ((geometry.rightEye.unitPx + geometry.leftEye.unitPx) / 2);
  const sides = [FACE_MESH.rightCheek, FACE_MESH.leftCheek]
    .map((index) => discPixels(image, geometry.pointsPx[index]!, radiusPx, mask))
    .filter((pixels) => pixels.inFrameShare >= IN_FRAME_SHARE_MIN && pixels.luma.length >= REGION_PIXELS_MIN / 2);
  if (sides.length === 0) return null;
  const pooled: RegionPixels = {
    red: sides.flatMap((pixels) => pixels.red),
    green: sides.flatMap((pixels) => pixels.green),
    blue: sides.flatMap((pixels) => pixels.blue),
    luma: sides.flatMap((pixels) => pixels.luma),
    inFrameShare: Math.min(...sides.map((pixels) => pixels.inFrameShare)),
    stepPx: Math.max(...sides.map((pixels) => pixels.stepPx)),
  };
  return pooled.luma.length >= REGION_PIXELS_MIN ? pooled : null;
}

/** The cheeks' colour and luma, or null when no cheek is inside the frame. */
export function skinReference(image: RgbaImage, geometry: FaceGeometry, mask?: PixelMaskOptions): SkinReference | null {
  const cheeks = cheekPixels(image, geometry, mask);
  const color = cheeks ? medianColor(cheeks) : null;
  if (!cheeks || !color) return null;
  return { color, luma: median(cheeks.luma) };
}

/** A test for one pixel: does its colour match the reference skin (see the constants above)? */
export function skinMatcher(skin: RgbColor): (red: number, green: number, blue: number) => boolean {
  const skinLuma = luma(skin.red, skin.green, skin.blue);
  const skinChroma = chromaticity(skin.red, skin.green, skin.blue);
  return (red, green, blue) => {
    if (!(skinLuma > 0)) return false;
    const ratio = luma(red, green, blue) / skinLuma;
    if (!(ratio >= SKIN_LUMA_RATIO_RANGE[0] && ratio <= SKIN_LUMA_RATIO_RANGE[1])) return false;
    const c = chromaticity(red, green, blue);
    return Math.hypot(c.r - skinChroma.r, c.g - skinChroma.g) <= SKIN_CHROMATICITY_DISTANCE_MAX;
  };
}

/** Share of a region's pixels whose colour matches the reference skin colour, 0..1 (0 when empty). */
export function skinLikeShare(pixels: RegionPixels, skin: RgbColor): number {
  const matches = skinMatcher(skin);
  const share = shareWhere(pixels.luma.length, (i) => matches(pixels.red[i]!, pixels.green[i]!, pixels.blue[i]!));
  return Number.isFinite(share) ? share : 0;
}

/** The region's pixels that do not match the skin: hair, a hat, a lens or background. */
export function nonSkinPixels(pixels: RegionPixels, skin: RgbColor): RegionPixels {
  const matches = skinMatcher(skin);
  const keep: number[] = [];
  for (let i = 0; i < pixels.luma.length; i++) {
    if (!matches(pixels.red[i]!, pixels.green[i]!, pixels.blue[i]!)) keep.push(i);
  }
  return {
    red: keep.map((i) => pixels.red[i]!),
    green: keep.map((i) => pixels.green[i]!),
    blue: keep.map((i) => pixels.blue[i]!),
    luma: keep.map((i) => pixels.luma[i]!),
    inFrameShare: pixels.inFrameShare,
    stepPx: pixels.stepPx,
  };
}
