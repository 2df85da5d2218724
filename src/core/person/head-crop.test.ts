import { describe, expect, it } from 'vitest';
import { makeFace, makePose } from '../observations/test-poses';
import { faceFromCrop, headCropBox } from './head-crop';

const FRAME = { widthPx: 400, heightPx: 500 };

const bodyAt = (x: number, y: number, shoulderWidth: number) =>
  makePose({
    nose: { x, y, z: 0 },
    leftShoulder: { x: x + shoulderWidth / 2, y: y + 0.15, z: 0 },
    rightShoulder: { x: x - shoulderWidth / 2, y: y + 0.15, z: 0 },
  });

describe('headCropBox', () => {
  it('is a square around the head, 1.8 shoulder widths a side', () => {
    const box = headCropBox(bodyAt(0.5, 0.4, 0.25), FRAME, 1.8)!;
    expect(box.width * FRAME.widthPx).toBeCloseTo(180, 6);
    expect(box.height * FRAME.heightPx).toBeCloseTo(180, 6);
    expect(box.x + box.width / 2).toBeCloseTo(0.5, 6);
    expect(box.y + box.height / 2).toBeCloseTo(0.4, 6);
  });

  it('stays inside the frame near an edge', () => {
    const box = headCropBox(bodyAt(0.05, 0.02, 0.3), FRAME, 1.8)!;
    expect(box.x).toBe(0);
    expect(box.y).toBe(0);
  });

  it('gives up on a body too small to hold a findable face', () => {
    expect(headCropBox(bodyAt(0.5, 0.4, 0.05), FRAME, 1.8)).toBeNull();
  });
});

describe('faceFromCrop', () => {
  it('moves landmarks from the crop back into the frame', () => {
    const face = makeFace({ noseTip: { x: 0.5, y: 0.25, z: 0.1 } });
    const moved = faceFromCrop(face, { x: 0.2, y: 0.4, width: 0.5, height: 0.2 });
    expect(moved.landmarks[1]).toEqual({ x: 0.45, y: 0.45, z: 0.05 });
    expect(moved.blendshapes).toBe(face.blendshapes);
  });
});
