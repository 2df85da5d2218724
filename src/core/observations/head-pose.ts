import type { HeadPose } from '../types';
import { radians, toDegrees } from '../units';

/**
 * Yaw, pitch and roll from MediaPipe's facial transformation matrix (4x4, column-major,
 * canonical face -> camera). Decomposed as R = Rz(roll) * Ry(yaw) * Rx(pitch), after removing
 * any uniform scale. Signs, for a camera facing the person: yaw + = face turned toward the
 * image's left side, pitch + = chin up, roll + = head tilted toward the image's right shoulder... as
 * MediaPipe's right-handed camera frame (x right, y up, z toward the viewer) defines them.
 */
export function headPoseFromMatrix(matrix: readonly number[] | null): HeadPose | null {
  if (!matrix || matrix.length !== 16 || !matrix.every(Number.isFinite)) return null;
  const at = (row: number, column: number) => matrix[column * 4 + row]!;
  const scale = Math.hypot(at(0, 0), at(1, 0), at(2, 0));
  if (!(scale > 0)) return null;
  const r = (row: number, column: number) => at(row, column) / scale;
  const sinYaw = Math.min(1, Math.max(-1, -r(2, 0)));
  return {
    yaw: toDegrees(radians(Math.asin(sinYaw))),
    pitch: toDegrees(radians(Math.atan2(r(2, 1), r(2, 2)))),
    roll: toDegrees(radians(Math.atan2(r(1, 0), r(0, 0)))),
  };
}
