import { describe, expect, it } from 'vitest';
import { torsoImage, withBadge } from './badge-test-images';
import { enrolBadge, enrolledBadgeProblem, isEnrolledBadge, templateRows } from './enrolled-badge';

const W = 320;
const H = 240;
const CARD = { x: 130, y: 70, width: 60, height: 90 };
const BOX = { x: 124 / W, y: 61 / H, width: 72 / W, height: 108 / H };
const frames = (count: number) => Array.from({ length: count }, (_, i) => withBadge(torsoImage(W, H, i + 1), CARD));

describe('enrolBadge', () => {
  it('keeps numbers only: zero-mean unit-norm grey templates and colour histograms, one per view', () => {
    const result = enrolBadge(frames(5), BOX, 1_700_000_000_000);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { badge } = result;
    expect(badge.columns).toBe(16);
    expect(badge.rows).toBe(templateRows(1.5)); // 108 / 72 = 1.5 -> 24 rows
    expect(badge.rows).toBe(24);
    expect(badge.aspectRatio).toBeCloseTo(1.5, 4);
    expect(badge.views).toHaveLength(5);
    for (const view of badge.views) {
      expect(view.grey).toHaveLength(16 * 24);
      expect(view.grey.reduce((s, v) => s + v, 0)).toBeCloseTo(0, 2);
      expect(view.grey.reduce((s, v) => s + v * v, 0)).toBeCloseTo(1, 2);
      expect(view.colourHistogram).toHaveLength(64);
      expect(view.colourHistogram.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 3);
    }
    // round trip as storage does it (structured clone), then validation
    const stored: unknown = structuredClone(badge);
    expect(enrolledBadgeProblem(stored, 1_700_000_000_000)).toBeNull();
    expect(isEnrolledBadge(stored, 1_700_000_000_000)).toBe(true);
    expect(stored).toEqual(badge);
  });

  it('refuses a plain box, a box too small and a badge that moved, each with what to do', () => {
    const plain = [torsoImage(W, H, 1, [120, 120, 120], 1)];
    expect(enrolBadge(plain, BOX, 0)).toEqual({ ok: false, problem: 'plain' });
    expect(enrolBadge(frames(1), { x: 0.5, y: 0.5, width: 10 / W, height: 0.2 }, 0)).toEqual({ ok: false, problem: 'boxTooSmall' });
    expect(enrolBadge([], BOX, 0)).toEqual({ ok: false, problem: 'noViews' });
    const moved = [withBadge(torsoImage(W, H, 1), CARD), withBadge(torsoImage(W, H, 2), { ...CARD, x: CARD.x + 35, y: CARD.y + 40 })];
    expect(enrolBadge(moved, BOX, 0)).toEqual({ ok: false, problem: 'moved' });
  });
});

describe('enrolledBadgeProblem', () => {
  const good = (() => {
    const result = enrolBadge(frames(2), BOX, 1_000);
    if (!result.ok) throw new Error(result.problem);
    return result.badge;
  })();

  it('names the first problem of a damaged record', () => {
    expect(enrolledBadgeProblem(null, 2_000)).toBe('enrolledBadge: not an object');
    expect(enrolledBadgeProblem({ ...good, version: 2 }, 2_000)).toBe('enrolledBadge.version: not 1');
    expect(enrolledBadgeProblem({ ...good, extra: 1 }, 2_000)).toBe('enrolledBadge: unknown field "extra"');
    expect(enrolledBadgeProblem({ ...good, enrolledAtMs: 1e15 }, 2_000)).toMatch(/enrolledAtMs/);
    expect(enrolledBadgeProblem({ ...good, views: [] }, 2_000)).toMatch(/views/);
    const shortGrey = { ...good, views: [{ ...good.views[0]!, grey: good.views[0]!.grey.slice(1) }] };
    expect(enrolledBadgeProblem(shortGrey, 2_000)).toMatch(/views\[0\]\.grey: not 384 numbers/);
    const unnormed = { ...good, views: [{ ...good.views[0]!, grey: good.views[0]!.grey.map((v) => v * 0.5) }] };
    expect(enrolledBadgeProblem(unnormed, 2_000)).toMatch(/not zero-mean and unit-norm/);
    const badHistogram = { ...good, views: [{ ...good.views[0]!, colourHistogram: good.views[0]!.colourHistogram.map(() => 0) }] };
    expect(enrolledBadgeProblem(badHistogram, 2_000)).toMatch(/does not sum to 1/);
    expect(enrolledBadgeProblem({ ...good, aspectRatio: Number.NaN }, 2_000)).toMatch(/aspectRatio/);
  });
});
