import { type Degrees, radians, toDegrees } from '../units';

export interface Vec3 {
  readonly x: number;
  readonly y: number;
  readonly z: number;
}

export const vec3 = (x: number, y: number, z: number): Vec3 => ({ x, y, z });
export const subtract = (a: Vec3, b: Vec3): Vec3 => vec3(a.x - b.x, a.y - b.y, a.z - b.z);
export const midpoint = (a: Vec3, b: Vec3): Vec3 => vec3((a.x + b.x) / 2, (a.y + b.y) / 2, (a.z + b.z) / 2);
export const dot = (a: Vec3, b: Vec3): number => a.x * b.x + a.y * b.y + a.z * b.z;
export const length = (a: Vec3): number => Math.hypot(a.x, a.y, a.z);

/** Unsigned angle between two vectors, 0..180 degrees; null when either has no length. */
export function angleBetween(a: Vec3, b: Vec3): Degrees | null {
  const lengths = length(a) * length(b);
  if (!(lengths > 0) || !Number.isFinite(lengths)) return null;
  const cosine = Math.min(1, Math.max(-1, dot(a, b) / lengths));
  return toDegrees(radians(Math.acos(cosine)));
}
