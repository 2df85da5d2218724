// Decodes one picture to RGBA with ffmpeg, the way the badge scripts read photos and clip frames.
import { execFileSync } from 'node:child_process';

/** A still's size (ffprobe) and its RGBA pixels. */
export function decodeImage(path) {
  const probe = execFileSync('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=width,height', '-of', 'csv=p=0', path]);
  const [widthPx, heightPx] = probe.toString().trim().split(',').map(Number);
  return { data: decodeRgba(path, null), widthPx, heightPx };
}

/**
 * The RGBA frame of a photo or, at `timeMs`, of a clip, of a known size; null when ffmpeg returns another
 * number of bytes (a clip's last sampled time can fall past its last frame).
 */
export function decodeFrame(path, timeMs, widthPx, heightPx) {
  const data = decodeRgba(path, timeMs);
  return data.length === widthPx * heightPx * 4 ? { data, widthPx, heightPx } : null;
}

function decodeRgba(path, timeMs) {
  const args = ['-nostdin', '-loglevel', 'error'];
  if (timeMs !== null) args.push('-ss', String(timeMs / 1000));
  args.push('-i', path, '-frames:v', '1', '-f', 'rawvideo', '-pix_fmt', 'rgba', '-');
  return new Uint8Array(execFileSync('ffmpeg', args, { maxBuffer: 1 << 28 }));
}
