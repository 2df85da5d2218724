import { describe, expect, it } from 'vitest';
import { DEFAULT_ENROLLED_BADGE_CONFIG } from './badge-config';
import { lightCorrection, matchEnrolledBadge, makeEnrolledBadgeObservation } from './badge-matcher';
import { relit, torsoImage, withBadge } from './badge-test-images';
import { enrolBadge, type EnrolledBadge } from './enrolled-badge';
import { boxIou, type NormalizedBox } from './normalized-box';

const W = 320;
const H = 240;
const { matchScoreMin, noMatchScoreMax } = DEFAULT_ENROLLED_BADGE_CONFIG;

/** Enrols badge 'a' held at 60 x 90 px in a 320 x 240 camera picture, the box 20% larger than the card. */
function enrolled(): EnrolledBadge {
  const card = { x: 130, y: 70, width: 60, height: 90 };
  const frames = [1, 2, 3, 4, 5].map((seed) => withBadge(torsoImage(W, H, seed), card));
  const box = { x: (card.x - 6) / W, y: (card.y - 9) / H, width: 72 / W, height: 108 / H };
  const result = enrolBadge(frames, box, 1_000);
  if (!result.ok) throw new Error(result.problem);
  return result.badge;
}

const normalized = (px: { x: number; y: number; width: number; height: number }, w = W, h = H): NormalizedBox => ({
  x: px.x / w,
  y: px.y / h,
  width: px.width / w,
  height: px.height / h,
});

describe('matchEnrolledBadge', () => {
  const badge = enrolled();
  // a larger check picture: chest box 400 x 420 px, the card worn smaller (40 x 60 px) on the left chest
  const CW = 640;
  const CH = 480;
  const chest = normalized({ x: 120, y: 40, width: 400, height: 420 }, CW, CH);
  const card = { x: 380, y: 120, width: 40, height: 60 };

  it('finds the card at its place and scale on a torso, under other light', () => {
    const picture = relit(withBadge(torsoImage(CW, CH, 42), card), 0.8, 20);
    const match = matchEnrolledBadge(picture, chest, badge);
    expect(match.score).toBeGreaterThanOrEqual(matchScoreMin);
    expect(match.greyCorrelation).toBeGreaterThan(0.8);
    // the window holds the card with its margin: 1.2 x the card, centred on it
    const expected = normalized({ x: card.x - 4, y: card.y - 6, width: card.width * 1.2, height: card.height * 1.2 }, CW, CH);
    expect(boxIou(match.box!, expected)).toBeGreaterThan(0.5);
    const centreX = (match.box!.x + match.box!.width / 2) * CW;
    const centreY = (match.box!.y + match.box!.height / 2) * CH;
    expect(Math.abs(centreX - (card.x + card.width / 2))).toBeLessThan(8);
    expect(Math.abs(centreY - (card.y + card.height / 2))).toBeLessThan(8);
  });

  it('finds the card in a room half as bright under a warm lamp (its colours brought under the enrolment’s light)', () => {
    const picture = relit(withBadge(torsoImage(CW, CH, 42), card), [0.6, 0.5, 0.4], 0);
    const match = matchEnrolledBadge(picture, chest, badge);
    expect(match.score).toBeGreaterThanOrEqual(matchScoreMin);
    // compared as stored, the absolute colours would have said the card is confidently absent
    const asStored = { ...DEFAULT_ENROLLED_BADGE_CONFIG, lightGainMin: 1, lightGainMax: 1, lightCastRatioMax: 1 };
    const uncorrected = matchEnrolledBadge(picture, chest, badge, asStored);
    expect(uncorrected.score).toBeLessThanOrEqual(noMatchScoreMax);
  });

  it('finds a larger card elsewhere too (scale search)', () => {
    const big = { x: 200, y: 200, width: 90, height: 135 };
    const match = matchEnrolledBadge(withBadge(torsoImage(CW, CH, 7), big), chest, badge);
    expect(match.score).toBeGreaterThanOrEqual(matchScoreMin);
    const centreX = (match.box!.x + match.box!.width / 2) * CW;
    expect(Math.abs(centreX - (big.x + big.width / 2))).toBeLessThan(12);
    expect(match.box!.width * CW).toBeGreaterThan(big.width * 0.9);
    expect(match.box!.width * CW).toBeLessThan(big.width * 1.6);
  });

  it('finds a card swinging on its lanyard (tilt search), and says how far it is turned', () => {
    const upright = matchEnrolledBadge(withBadge(torsoImage(CW, CH, 42), card), chest, badge);
    expect(upright.tiltDeg).toBe(0);
    for (const tiltDeg of [25, -25]) {
      const picture = withBadge(torsoImage(CW, CH, 42), card, 'a', tiltDeg);
      const match = matchEnrolledBadge(picture, chest, badge);
      expect(match.score, `tilt ${tiltDeg}°`).toBeGreaterThanOrEqual(matchScoreMin);
      expect(Math.sign(match.tiltDeg)).toBe(Math.sign(tiltDeg));
      expect(match.windowsTried).toBeGreaterThan(upright.windowsTried);
      const centreX = (match.box!.x + match.box!.width / 2) * CW;
      const centreY = (match.box!.y + match.box!.height / 2) * CH;
      expect(Math.abs(centreX - (card.x + card.width / 2))).toBeLessThan(8);
      expect(Math.abs(centreY - (card.y + card.height / 2))).toBeLessThan(8);
      // upright only, the same card is not found
      const uprightOnly = matchEnrolledBadge(picture, chest, badge, { ...DEFAULT_ENROLLED_BADGE_CONFIG, searchTiltsDeg: [] });
      expect(uprightOnly.score).toBeLessThan(matchScoreMin);
    }
  });

  it('does not find it on a torso without a badge: a confident non-match', () => {
    const match = matchEnrolledBadge(torsoImage(CW, CH, 99), chest, badge);
    expect(match.score).toBeLessThanOrEqual(noMatchScoreMax);
    expect(match.windowsTried).toBeGreaterThan(1000);
  });

  it('does not take another badge of the same size for the enrolled one', () => {
    const match = matchEnrolledBadge(withBadge(torsoImage(CW, CH, 5), card, 'b'), chest, badge);
    expect(match.score).toBeLessThan(matchScoreMin);
  });

  it('a chest box too small for the template: no window, score 0', () => {
    const tiny = normalized({ x: 10, y: 10, width: 8, height: 8 }, CW, CH);
    expect(matchEnrolledBadge(torsoImage(CW, CH, 1), tiny, badge)).toMatchObject({ score: 0, box: null });
  });

  it('observation: offset from the midline in shoulder widths, occlusion passed on; no chest -> not measured', () => {
    const region = { box: chest, shoulderWidthPx: 300, hipsSeen: true, midlineX: 0.5, shoulderSpanX: 0.5, occlusion: null };
    const match = { score: 0.9, greyCorrelation: 0.95, colourSimilarity: 0.95, box: { x: 0.6, y: 0.3, width: 0.1, height: 0.1 }, tiltDeg: 0, windowsTried: 1 };
    const observation = makeEnrolledBadgeObservation({ region, unknownReason: null }, match);
    expect(observation.measured && observation.offsetFromMidlineRatio).toBeCloseTo(0.3, 9);
    expect(makeEnrolledBadgeObservation({ region: null, unknownReason: 'no person found' }, match)).toEqual({
      measured: false,
      reason: 'no person found',
    });
  });
});

describe('lightCorrection', () => {
  const config = DEFAULT_ENROLLED_BADGE_CONFIG;

  it('undoes a dimmer, warmer light: the enrolled mean over the window’s, channel by channel', () => {
    const gains = lightCorrection([0.5, 0.5, 0.5], [0.4, 0.35, 0.3], config);
    expect(gains[0] * 0.4).toBeCloseTo(0.5, 6);
    expect(gains[1] * 0.35).toBeCloseTo(0.5, 6);
    expect(gains[2] * 0.3).toBeCloseTo(0.5, 6);
    expect(lightCorrection([0.3, 0.4, 0.5], [0.3, 0.4, 0.5], config)).toEqual([1, 1, 1]);
  });

  it('holds the change of light to the limits: no card is repainted into the enrolled one', () => {
    const [red, , blue] = lightCorrection([0.2, 0.3, 0.8], [0.8, 0.2, 0.2], config); // blue holder enrolled, a red one seen
    const overall = (0.2 + 0.3 + 0.8) / (0.8 + 0.2 + 0.2);
    expect(red).toBeCloseTo(overall / config.lightCastRatioMax, 6);
    expect(blue).toBeCloseTo(overall * config.lightCastRatioMax, 6);
    expect(lightCorrection([0.9, 0.9, 0.9], [0.05, 0.05, 0.05], config)).toEqual([config.lightGainMax, config.lightGainMax, config.lightGainMax]);
  });
});
