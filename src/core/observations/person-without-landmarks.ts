import { boxArea } from '../geometry/box';
import type { ObjectDetection } from '../types';

/** The largest confident 'person' box, for frames where no body or face landmarks were found. */
export function personWithoutLandmarks(
  objects: readonly ObjectDetection[] | null,
  scoreMin: number,
): ObjectDetection | null {
  let largest: ObjectDetection | null = null;
  for (const object of objects ?? []) {
    if (object.label !== 'person' || !(object.score >= scoreMin)) continue;
    if (!largest || boxArea(object.box) > boxArea(largest.box)) largest = object;
  }
  return largest;
}
