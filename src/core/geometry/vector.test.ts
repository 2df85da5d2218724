import { describe, expect, it } from 'vitest';
import { angleBetween, midpoint, subtract, vec3 } from './vector';

describe('angleBetween', () => {
  it('measures right, straight and opposite angles', () => {
    expect(angleBetween(vec3(1, 0, 0), vec3(0, 1, 0))).toBeCloseTo(90, 9);
    expect(angleBetween(vec3(0, -1, 0), vec3(0, -2, 0))).toBeCloseTo(0, 9);
    expect(angleBetween(vec3(0, 1, 0), vec3(0, -1, 0))).toBeCloseTo(180, 9);
  });

  it('measures 45 degrees in 3D', () => {
    expect(angleBetween(vec3(0, -1, 0), vec3(0, -1, 1))).toBeCloseTo(45, 9);
  });

  it('returns null for a zero-length or non-finite vector', () => {
    expect(angleBetween(vec3(0, 0, 0), vec3(0, 1, 0))).toBeNull();
    expect(angleBetween(vec3(Number.NaN, 0, 0), vec3(0, 1, 0))).toBeNull();
  });
});

describe('midpoint and subtract', () => {
  it('return new vectors without touching the inputs', () => {
    const a = Object.freeze(vec3(0, 0, 0));
    const b = Object.freeze(vec3(2, 4, 6));
    expect(midpoint(a, b)).toEqual(vec3(1, 2, 3));
    expect(subtract(b, a)).toEqual(vec3(2, 4, 6));
  });
});
