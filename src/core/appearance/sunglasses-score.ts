import type { AppearanceRulesConfig } from './appearance-config';
import type { SunglassesMeasures } from './measure-eye-regions';

/** The under-eye ratio is clamped to this before its logarithm (a black lens reads 0). */
const LUMINANCE_RATIO_FLOOR = 0.02;

/**
 * The logistic sunglasses score, 0..1 (see `AppearanceRulesConfig.sunglassesScoreBias`):
 * 1 / (1 + e^-z), z = bias + logRatioWeight · ln(underEyeToCheekLuminanceRatio) + skinShareWeight · eyeSkinLikeShare.
 */
export function sunglassesScore(
  measures: Pick<SunglassesMeasures, 'underEyeToCheekLuminanceRatio' | 'eyeSkinLikeShare'>,
  config: AppearanceRulesConfig,
): number {
  const logRatio = Math.log(Math.max(LUMINANCE_RATIO_FLOOR, measures.underEyeToCheekLuminanceRatio));
  const z =
    config.sunglassesScoreBias +
    config.sunglassesLogLuminanceRatioWeight * logRatio +
    config.sunglassesSkinShareWeight * measures.eyeSkinLikeShare;
  return 1 / (1 + Math.exp(-z));
}

/**
 * The under-eye ratio at which the score reaches `sunglassesScoreFailMin`, at the given skin share: a pass
 * needs at least this.
 */
export function underEyeRatioAtLimit(eyeSkinLikeShare: number, config: AppearanceRulesConfig): number {
  const failMin = Math.min(1 - 1e-6, Math.max(1e-6, config.sunglassesScoreFailMin));
  const zAtLimit = Math.log(failMin / (1 - failMin));
  return Math.exp(
    (zAtLimit - config.sunglassesScoreBias - config.sunglassesSkinShareWeight * eyeSkinLikeShare) /
      config.sunglassesLogLuminanceRatioWeight,
  );
}
