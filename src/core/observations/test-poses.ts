import { POSE, POSE_LANDMARK_COUNT, type PoseLandmarkName } from '../landmarks';
import type { NormalizedLandmark, PoseDetection, WorldLandmark } from '../types';

type Point = { x: number; y: number; z: number; visibility?: number };

/**
 * Builds a pose from named points for tests; unnamed landmarks are invisible.
 * The same points serve as normalized and world landmarks unless `world` is given.
 */
export function makePose(
  points: Partial<Record<PoseLandmarkName, Point>>,
  world: Partial<Record<PoseLandmarkName, Point>> = points,
): PoseDetection {
  const build = (named: Partial<Record<PoseLandmarkName, Point>>) => {
    const landmarks: NormalizedLandmark[] = Array.from({ length: POSE_LANDMARK_COUNT }, () => ({
      x: 0,
      y: 0,
      z: 0,
      visibility: 0,
    }));
    for (const [name, point] of Object.entries(named) as [PoseLandmarkName, Point][]) {
      landmarks[POSE[name]] = { visibility: 1, ...point };
    }
    return landmarks;
  };
  return { landmarks: build(points), worldLandmarks: build(world) as WorldLandmark[] };
}

/** A person sitting straight, in world metres (y down, origin between the hips). */
export const UPRIGHT_WORLD = {
  leftHip: { x: 0.1, y: 0, z: 0 },
  rightHip: { x: -0.1, y: 0, z: 0 },
  leftShoulder: { x: 0.18, y: -0.5, z: 0 },
  rightShoulder: { x: -0.18, y: -0.5, z: 0 },
  leftEar: { x: 0.07, y: -0.7, z: 0 },
  rightEar: { x: -0.07, y: -0.7, z: 0 },
  nose: { x: 0, y: -0.68, z: -0.1 },
} satisfies Partial<Record<PoseLandmarkName, Point>>;
