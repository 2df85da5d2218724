import { type RegionPixels, type RgbColor, chromaticity, luma, toHsv } from './pixel-sampling';

/*
 * Hair colour, judged after removing the light's colour cast, with the person's cheeks as the white
 * reference: channel gains bring the cheeks' chromaticity to the average skin chromaticity of the
 * development photos, (r, g) = (0.42, 0.31), each gain clamped to 0.67..1.5 so that only a cast is
 * removed (blue or purple studio light, a green webcam), not a skin tone.
 *
 * Natural hair (black, brown, auburn, ginger, blond, grey, white) is either unsaturated or orange to
 * yellow (hue 8..65 degrees). Unnatural, dyed colours are saturated greens, cyans, blues, purples, pinks
 * (hue 65..345 at saturation >= 0.3), or a vivid red (hue 345..8 at saturation >= 0.65 and value >= 0.45,
 * brighter and purer than auburn hair).
 */

export const AVERAGE_SKIN_CHROMATICITY = { r: 0.42, g: 0.31 } as const;
const CAST_GAIN_RANGE = [0.67, 1.5] as const;
const NATURAL_HUE_RANGE_DEG = [8, 65] as const;
const UNNATURAL_HUE_SATURATION_MIN = 0.3;
const VIVID_RED_SATURATION_MIN = 0.65;
const VIVID_RED_VALUE_MIN = 0.45;
const RED_HUE_FROM_DEG = 345;
/** Darker pixels than this value (0..1) have no reliable hue: never counted as unnatural. */
const HUE_VALUE_MIN = 0.2;

export interface CastGains {
  readonly red: number;
  readonly green: number;
  readonly blue: number;
}

const clampGain = (gain: number): number =>
  Number.isFinite(gain) ? Math.min(CAST_GAIN_RANGE[1], Math.max(CAST_GAIN_RANGE[0], gain)) : 1;

/** Channel gains that bring the skin colour to the average skin chromaticity (see above). */
export function castGains(skin: RgbColor): CastGains {
  const c = chromaticity(skin.red, skin.green, skin.blue);
  const b = 1 - c.r - c.g;
  const targetB = 1 - AVERAGE_SKIN_CHROMATICITY.r - AVERAGE_SKIN_CHROMATICITY.g;
  return {
    red: clampGain(AVERAGE_SKIN_CHROMATICITY.r / c.r),
    green: clampGain(AVERAGE_SKIN_CHROMATICITY.g / c.g),
    blue: clampGain(targetB / b),
  };
}

/** Is this colour (0..255 channels, cast already removed) a dyed, unnatural hair colour? */
export function isUnnaturalHairColor(red: number, green: number, blue: number): boolean {
  const { hueDeg, saturation, value } = toHsv(Math.min(255, red), Math.min(255, green), Math.min(255, blue));
  if (value < HUE_VALUE_MIN) return false;
  if (hueDeg >= NATURAL_HUE_RANGE_DEG[0] && hueDeg < NATURAL_HUE_RANGE_DEG[1]) return false;
  if (hueDeg >= NATURAL_HUE_RANGE_DEG[1] && hueDeg < RED_HUE_FROM_DEG) return saturation >= UNNATURAL_HUE_SATURATION_MIN;
  return saturation >= VIVID_RED_SATURATION_MIN && value >= VIVID_RED_VALUE_MIN;
}

/** Share of the pixels (cast removed with `gains`) in an unnatural hair colour, 0..1; 0 when empty. */
export function unnaturalColorShare(pixels: RegionPixels, gains: CastGains): number {
  const count = pixels.luma.length;
  if (count === 0) return 0;
  let hits = 0;
  for (let i = 0; i < count; i++) {
    const [red, green, blue] = [pixels.red[i]! * gains.red, pixels.green[i]! * gains.green, pixels.blue[i]! * gains.blue];
    if (isUnnaturalHairColor(red, green, blue)) hits++;
  }
  return hits / count;
}

/** Saturation-weighted circular mean hue (degrees 0..360) and median saturation of the pixels, cast removed. */
export function hueSummary(
  pixels: RegionPixels,
  gains: CastGains,
): { readonly hueDeg: number; readonly saturation: number } {
  const saturations: number[] = [];
  let x = 0;
  let y = 0;
  for (let i = 0; i < pixels.luma.length; i++) {
    const hsv = toHsv(
      Math.min(255, pixels.red[i]! * gains.red),
      Math.min(255, pixels.green[i]! * gains.green),
      Math.min(255, pixels.blue[i]! * gains.blue),
    );
    saturations.push(hsv.saturation);
    x += hsv.saturation * Math.cos((hsv.hueDeg * Math.PI) / 180);
    y += hsv.saturation * Math.sin((hsv.hueDeg * Math.PI) / 180);
  }
  if (saturations.length === 0) return { hueDeg: 0, saturation: 0 };
  const sorted = saturations.sort((a, b) => a - b);
  const hueDeg = x === 0 && y === 0 ? 0 : ((Math.atan2(y, x) * 180) / Math.PI + 360) % 360;
  return { hueDeg, saturation: sorted[Math.floor(sorted.length / 2)]! };
}

/**
 * A colour in units where 1 is a clear difference: log luma over 0.4 (a factor of 1.5) and chromaticity
 * over 0.04. Used to tell hair from skin by the nearer reference.
 */
export function colorFeatures(red: number, green: number, blue: number): readonly [number, number, number] {
  const c = chromaticity(red, green, blue);
  return [Math.log(luma(red, green, blue) + 8) / 0.4, c.r / 0.04, c.g / 0.04];
}

export const featureDistance = (a: readonly number[], b: readonly number[]): number =>
  Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!, a[2]! - b[2]!);

/** A pixel is hair-like when it differs from the skin by at least this many units and lies nearer the hair colour. */
export const HAIR_LIKE_SKIN_DISTANCE_MIN = 1;
/** Pixels at least this far from the skin colour make the hair reference colour. */
export const HAIR_REFERENCE_SKIN_DISTANCE_MIN = 1.5;

/** Distances of each pixel from a colour, in `colorFeatures` units. */
export function distancesFrom(pixels: RegionPixels, color: RgbColor): number[] {
  const reference = colorFeatures(color.red, color.green, color.blue);
  return pixels.luma.map((_, i) =>
    featureDistance(colorFeatures(pixels.red[i]!, pixels.green[i]!, pixels.blue[i]!), reference),
  );
}

/** Share of pixels clearly unlike the skin and nearer the hair colour than the skin colour, 0..1; 0 when empty. */
export function hairLikeShare(pixels: RegionPixels, hair: RgbColor, skin: RgbColor): number {
  const count = pixels.luma.length;
  if (count === 0) return 0;
  const fromHair = distancesFrom(pixels, hair);
  const fromSkin = distancesFrom(pixels, skin);
  let hits = 0;
  for (let i = 0; i < count; i++) {
    if (fromSkin[i]! >= HAIR_LIKE_SKIN_DISTANCE_MIN && fromHair[i]! < fromSkin[i]!) hits++;
  }
  return hits / count;
}
