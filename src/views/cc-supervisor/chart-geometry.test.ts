import { describe, expect, it } from 'vitest';
import {
  bandLayout,
  dayTicks,
  evenTicks,
  linearScale,
  linePath,
  markerPath,
  markersPath,
  niceCeiling,
  type PlotArea,
  thinPoints,
  trendGeometry,
} from './chart-geometry';

const PLOT: PlotArea = { width: 200, height: 120, left: 20, right: 10, top: 10, bottom: 10 };

describe('linearScale', () => {
  it('maps the domain onto the range, also inverted (SVG y grows downwards)', () => {
    const y = linearScale([0, 100], [110, 10]);
    expect(y(0)).toBeCloseTo(110, 9);
    expect(y(100)).toBeCloseTo(10, 9);
    expect(y(25)).toBeCloseTo(85, 9);
    // Outside the domain it extrapolates; the caller decides whether to clamp.
    expect(y(150)).toBeCloseTo(-40, 9);
  });

  it('maps everything to the middle when the domain has no width (a single day)', () => {
    const x = linearScale([5, 5], [20, 190]);
    expect(x(5)).toBe(105);
    expect(x(9)).toBe(105);
  });

  it('refuses non-finite bounds', () => {
    expect(() => linearScale([0, Number.NaN], [0, 1])).toThrow(RangeError);
    expect(() => linearScale([0, 1], [0, Number.POSITIVE_INFINITY])).toThrow(RangeError);
  });
});

describe('niceCeiling and evenTicks', () => {
  it('rounds up to 1, 2, 2.5, 5 × 10^n', () => {
    expect(niceCeiling(0.7)).toBeCloseTo(1, 12);
    expect(niceCeiling(1)).toBe(1);
    expect(niceCeiling(1.2)).toBe(2);
    expect(niceCeiling(2.2)).toBe(2.5);
    expect(niceCeiling(37)).toBe(50);
    expect(niceCeiling(51)).toBe(100);
    expect(niceCeiling(0.3)).toBeCloseTo(0.5, 12);
    expect(niceCeiling(0.1 + 0.2)).toBeCloseTo(0.5, 12);
  });

  it('gives 1 for an empty series (zero, negative or non-finite largest value)', () => {
    expect(niceCeiling(0)).toBe(1);
    expect(niceCeiling(-3)).toBe(1);
    expect(niceCeiling(Number.NaN)).toBe(1);
  });

  it('spaces ticks evenly from 0 to max', () => {
    expect(evenTicks(100)).toEqual([0, 25, 50, 75, 100]);
    expect(evenTicks(5, 5)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(evenTicks(0)).toEqual([0]);
    expect(() => evenTicks(10, 0)).toThrow(RangeError);
  });
});

describe('dayTicks', () => {
  it('labels the first day, then every few days, at most maxTicks', () => {
    const ticks = dayTicks('2026-03-01', '2026-03-31', 6);
    expect(ticks[0]).toBe('2026-03-01');
    expect(ticks.length).toBeLessThanOrEqual(6);
    expect(ticks).toEqual(['2026-03-01', '2026-03-07', '2026-03-13', '2026-03-19', '2026-03-25', '2026-03-31']);
  });

  it('handles one day, an empty range and crosses month ends', () => {
    expect(dayTicks('2026-03-05', '2026-03-05')).toEqual(['2026-03-05']);
    expect(dayTicks('2026-03-05', '2026-03-04')).toEqual([]);
    expect(dayTicks('2026-02-27', '2026-03-02', 10)).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
  });

  it('refuses malformed days', () => {
    expect(() => dayTicks('2026-02-30', '2026-03-02')).toThrow(RangeError);
  });
});

describe('linePath', () => {
  it('is empty for an empty series', () => {
    expect(linePath([])).toBe('');
    expect(linePath([null, null])).toBe('');
  });

  it('is a lone move for a single point (a marker shows it)', () => {
    expect(linePath([{ x: 10, y: 20 }])).toBe('M10 20');
  });

  it('joins points with lines and starts a new sub-path after a gap', () => {
    expect(linePath([{ x: 0, y: 0 }, { x: 10, y: 5 }, null, { x: 30, y: 7 }, { x: 40, y: 8 }])).toBe('M0 0L10 5M30 7L40 8');
  });

  it('rounds coordinates to a tenth', () => {
    expect(linePath([{ x: 1 / 3, y: 2 / 3 }, { x: 10.06, y: 0.04 }])).toBe('M0.3 0.7L10.1 0');
  });
});

describe('markers', () => {
  it('draws each shape closed and centred on the point', () => {
    expect(markerPath('square', { x: 10, y: 10 }, 4)).toBe('M8 8H12V12H8Z');
    expect(markerPath('diamond', { x: 10, y: 10 }, 4)).toBe('M10 8L12 10L10 12L8 10Z');
    expect(markerPath('triangle', { x: 10, y: 10 }, 4)).toBe('M10 8L12 12L8 12Z');
    expect(markerPath('triangle-down', { x: 10, y: 10 }, 4)).toBe('M10 12L12 8L8 8Z');
    expect(markerPath('circle', { x: 10, y: 10 }, 4)).toBe('M8 10a2 2 0 1 0 4 0a2 2 0 1 0 -4 0Z');
  });

  it('puts every marker of a series in one path', () => {
    expect(markersPath('square', [], 4)).toBe('');
    expect(markersPath('square', [{ x: 10, y: 10 }, { x: 20, y: 10 }], 2)).toBe('M9 9H11V11H9ZM19 9H21V11H19Z');
  });
});

describe('trendGeometry', () => {
  const range = { plot: PLOT, fromDay: '2026-03-01', toDay: '2026-03-05' };

  it('places days along x and values along y, 0 at the bottom', () => {
    const geometry = trendGeometry(
      [
        {
          id: 'a',
          values: [
            { day: '2026-03-01', value: 0 },
            { day: '2026-03-03', value: 50 },
            { day: '2026-03-05', value: 100 },
          ],
        },
      ],
      { ...range, yMax: 100 },
    );
    const points = geometry.series[0]!.points;
    expect(points.map((p) => p.x)).toEqual([20, 105, 190]);
    expect(points.map((p) => p.y)).toEqual([110, 60, 10]);
    expect(geometry.series[0]!.path).toBe('M20 110L105 60L190 10');
    expect(geometry.yTicks.map((t) => t.value)).toEqual([0, 25, 50, 75, 100]);
    expect(geometry.yTicks[0]!.position).toBe(110);
    expect(geometry.xTicks[0]).toEqual({ day: '2026-03-01', position: 20 });
    expect(geometry.xTicks.at(-1)).toEqual({ day: '2026-03-05', position: 190 });
  });

  it('breaks a line at a null, keeps unsorted input in day order and drops days outside the range', () => {
    const geometry = trendGeometry(
      [
        {
          id: 'a',
          values: [
            { day: '2026-03-04', value: 1 },
            { day: '2026-03-01', value: 1 },
            { day: '2026-03-02', value: null },
            { day: '2026-02-20', value: 1 },
            { day: '2026-03-05', value: 2 },
          ],
        },
      ],
      { ...range, yMax: 2 },
    );
    expect(geometry.series[0]!.path).toBe('M20 60M147.5 60L190 10');
    expect(geometry.series[0]!.points).toHaveLength(3);
  });

  it('chooses a round top for the value axis from the largest value', () => {
    const geometry = trendGeometry([{ id: 'a', values: [{ day: '2026-03-02', value: 37 }] }], range);
    expect(geometry.yMax).toBe(50);
  });

  it('copes with an empty series and with no series', () => {
    const empty = trendGeometry([{ id: 'a', values: [] }], range);
    expect(empty.series[0]).toEqual({ id: 'a', path: '', points: [] });
    expect(empty.yMax).toBe(1);
    expect(trendGeometry([], range).series).toEqual([]);
  });

  it('puts a single point of a one-day range in the middle', () => {
    const geometry = trendGeometry([{ id: 'a', values: [{ day: '2026-03-01', value: 0.5 }] }], {
      plot: PLOT,
      fromDay: '2026-03-01',
      toDay: '2026-03-01',
      yMax: 1,
    });
    expect(geometry.series[0]!.points).toEqual([{ x: 105, y: 60 }]);
    expect(geometry.series[0]!.path).toBe('M105 60');
    expect(geometry.xTicks).toEqual([{ day: '2026-03-01', position: 105 }]);
  });

  it('refuses a reversed range', () => {
    expect(() => trendGeometry([], { plot: PLOT, fromDay: '2026-03-02', toDay: '2026-03-01' })).toThrow(RangeError);
  });
});

describe('bandLayout', () => {
  it('splits the range into equal bands with padding', () => {
    const bands = bandLayout(2, [0, 100], 0.2);
    expect(bands.size).toBeCloseTo(40, 9);
    expect(bands.start(0)).toBeCloseTo(5, 9);
    expect(bands.start(1)).toBeCloseTo(55, 9);
  });

  it('has no bands for no items', () => {
    expect(bandLayout(0, [0, 100]).size).toBe(0);
  });
});

describe('thinPoints', () => {
  it('keeps short series whole', () => {
    expect(thinPoints([1, 2, 3], 5)).toEqual([1, 2, 3]);
    expect(thinPoints([], 5)).toEqual([]);
  });

  it('spreads the kept points evenly, first and last included', () => {
    expect(thinPoints([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 3)).toEqual([0, 5, 10]);
    expect(thinPoints([0, 1, 2, 3], 1)).toEqual([0]);
    const many = Array.from({ length: 250 }, (_, i) => i);
    const kept = thinPoints(many, 40);
    expect(kept).toHaveLength(40);
    expect(kept[0]).toBe(0);
    expect(kept.at(-1)).toBe(249);
    expect(() => thinPoints(many, 0)).toThrow(RangeError);
  });
});
