import { describe, expect, it } from 'vitest';
import { castGains, hairLikeShare, isUnnaturalHairColor, unnaturalColorShare } from './hair-color';
import type { RegionPixels } from './pixel-sampling';

const pixels = (colors: readonly (readonly [number, number, number])[]): RegionPixels => ({
  red: colors.map((c) => c[0]),
  green: colors.map((c) => c[1]),
  blue: colors.map((c) => c[2]),
  luma: colors.map((c) => 0.299 * c[0] + 0.587 * c[1] + 0.114 * c[2]),
  inFrameShare: 1,
  stepPx: 1,
});

describe('isUnnaturalHairColor', () => {
  it('passes natural hair colours', () => {
    for (const natural of [
      [30, 25, 25], // black
      [90, 60, 40], // brown
      [140, 70, 40], // auburn
      [190, 110, 50], // ginger
      [215, 185, 125], // blond
      [150, 150, 150], // grey
      [240, 240, 235], // white
      [100, 45, 30], // dark auburn
    ] as const) {
      expect(isUnnaturalHairColor(natural[0], natural[1], natural[2])).toBe(false);
    }
  });

  it('fails dyed colours', () => {
    for (const dyed of [
      [40, 70, 200], // blue
      [40, 180, 60], // green
      [230, 80, 170], // pink
      [130, 50, 200], // purple
      [235, 30, 40], // vivid red
    ] as const) {
      expect(isUnnaturalHairColor(dyed[0], dyed[1], dyed[2])).toBe(true);
    }
  });

  it('never judges the hue of near-black pixels', () => {
    expect(isUnnaturalHairColor(10, 10, 40)).toBe(false);
  });
});

describe('castGains', () => {
  it('leaves average skin alone and removes a blue cast, within limits', () => {
    const neutral = castGains({ red: 200, green: 147.6, blue: 128.6 });
    expect(neutral.red).toBeCloseTo(1, 1);
    expect(neutral.blue).toBeCloseTo(1, 1);
    const blueLight = castGains({ red: 150, green: 140, blue: 180 });
    expect(blueLight.blue).toBeLessThan(1);
    expect(blueLight.red).toBeGreaterThan(1);
    const grey = castGains({ red: 255, green: 0, blue: 0 });
    for (const gain of [grey.red, grey.green, grey.blue]) {
      expect(gain).toBeGreaterThanOrEqual(0.67);
      expect(gain).toBeLessThanOrEqual(1.5);
    }
  });

  it('turns a blue-cast brown back into a natural colour', () => {
    const gains = castGains({ red: 150, green: 140, blue: 180 });
    const castBrown = pixels([[60, 55, 85]]);
    expect(unnaturalColorShare(castBrown, { red: 1, green: 1, blue: 1 })).toBe(1);
    expect(unnaturalColorShare(castBrown, gains)).toBe(0);
  });
});

describe('hairLikeShare', () => {
  it('gives each pixel to the nearer of hair and skin, skin-like ones never to hair', () => {
    const hair = { red: 30, green: 25, blue: 25 };
    const skin = { red: 200, green: 150, blue: 120 };
    expect(hairLikeShare(pixels([[35, 28, 26], [198, 150, 121], [190, 140, 110], [40, 30, 30]]), hair, skin)).toBe(0.5);
    expect(hairLikeShare(pixels([]), hair, skin)).toBe(0);
  });
});
