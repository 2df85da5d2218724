/**
 * Whether a stream's periodic measure is due again: never taken, taken `everyMs` or more ago, or the clock
 * went back (a video looped or was sought back). On the frames' own clock (capture time for the camera,
 * media time for a video file), so a video analysed faster than it plays (the CLI) is measured at the same
 * moments of its own time as one played live.
 */
export function dueOnFrameClock(lastFrameMs: number | null, frameMs: number, everyMs: number): boolean {
  return lastFrameMs === null || frameMs < lastFrameMs || frameMs - lastFrameMs >= everyMs;
}
