import { describe, expect, it } from 'vitest';
import type { Frame } from '../capture/frame';
import { RunningModeKeeper } from './mediapipe-runtime';

function fakeTask() {
  const calls: string[] = [];
  const timestamps: number[] = [];
  return {
    calls,
    timestamps,
    async setOptions(options: { runningMode: string }) {
      calls.push(`mode:${options.runningMode}`);
    },
    detect() {
      calls.push('detect');
      return 'image-result';
    },
    detectForVideo(_image: unknown, timestampMs: number) {
      timestamps.push(timestampMs);
      return 'video-result';
    },
  };
}

const frame = (kind: Frame['kind'], timestampMs: number): Frame =>
  ({ pixels: {} as HTMLCanvasElement, widthPx: 1, heightPx: 1, timestampMs, kind });

describe('RunningModeKeeper', () => {
  it('switches mode only when the kind of source changes', async () => {
    const task = fakeTask();
    const keeper = new RunningModeKeeper(task);
    await keeper.detect(frame('image', 0));
    await keeper.detect(frame('video', 0));
    await keeper.detect(frame('video', 40));
    await keeper.detect(frame('image', 0));
    expect(task.calls).toEqual(['detect', 'mode:VIDEO', 'mode:IMAGE', 'detect']);
  });

  it('keeps timestamps strictly increasing across a new source, a loop and a mode switch', async () => {
    const task = fakeTask();
    const keeper = new RunningModeKeeper(task);
    await keeper.detect(frame('camera', 3_700_000));
    await keeper.detect(frame('camera', 3_700_033));
    keeper.reset(); // a video file replaces the camera
    await keeper.detect(frame('video', 0));
    await keeper.detect(frame('video', 40));
    await keeper.detect(frame('video', 0)); // the video looped
    await keeper.detect(frame('image', 0));
    await keeper.detect(frame('video', 10));
    const steps = task.timestamps.slice(1).map((t, i) => t - task.timestamps[i]!);
    expect(steps.every((step) => step > 0)).toBe(true);
    expect(steps[0]).toBe(33); // media time deltas are kept within a source
    expect(steps[2]).toBe(40);
  });
});
