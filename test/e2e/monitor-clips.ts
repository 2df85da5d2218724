import { execFileSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { CACHE, CLIPS, expect, IMAGES, PHOTOS } from './fixtures';

/**
 * Clips of real photos for monitoring: a person at a desk for 4 s, then an empty table for 8 s (cropped
 * from a real clip: a table with a phone and a rug, nobody in view).
 */
export const PERSON_S = 4;
export const EMPTY_S = 8;

const FIT = 'scale=640:480:force_original_aspect_ratio=decrease,pad=640:480:(ow-iw)/2:(oh-ih)/2,setsar=1,fps=5';

export function emptyCounterPhoto(): string {
  const out = join(CACHE, 'empty-table.png');
  if (existsSync(out)) return out;
  mkdirSync(CACHE, { recursive: true });
  // The right side of mediapipe-samples' object-detection test video: table, phone and rug, no person.
  execFileSync('ffmpeg', [
    '-loglevel', 'error', '-y', '-ss', '0.5', '-i', join(CLIPS, 'mps_object_detection_test_video_laptop_table_phone.mp4'),
    '-frames:v', '1', '-vf', 'crop=420:1080:1500:0', out,
  ]);
  return out;
}

/** Person, empty, person...: `stretches` alternating stills, as ffmpeg inputs and a concat filter. */
function stillsArgs(stretches: number): string[] {
  const inputs: string[] = [];
  const labels: string[] = [];
  const filters: string[] = [];
  for (let i = 0; i < stretches; i += 1) {
    const person = i % 2 === 0;
    inputs.push('-loop', '1', '-t', String(person ? PERSON_S : EMPTY_S), '-i', person ? PHOTOS.deskUpright : emptyCounterPhoto());
    filters.push(`[${i}]${FIT}[s${i}]`);
    labels.push(`[s${i}]`);
  }
  return [...inputs, '-filter_complex', `${filters.join(';')};${labels.join('')}concat=n=${stretches}:v=1[v]`, '-map', '[v]'];
}

/** A y4m clip for Chromium's fake camera (which loops it): person 4 s, empty 8 s. */
export function leaveAndReturnClip(): string {
  const out = join(CACHE, 'leave-and-return.y4m');
  if (existsSync(out)) return out;
  execFileSync('ffmpeg', ['-loglevel', 'error', '-y', ...stillsArgs(2), '-pix_fmt', 'yuv420p', out]);
  return out;
}

/** An mp4 video for the CLI: person 0-4 s, empty 4-12 s, person 12-16 s. */
export function leaveAndReturnVideo(): string {
  const out = join(CACHE, 'leave-and-return.mp4');
  if (existsSync(out)) return out;
  execFileSync('ffmpeg', ['-loglevel', 'error', '-y', ...stillsArgs(3), '-c:v', 'libx264', '-pix_fmt', 'yuv420p', out]);
  return out;
}

/** The same person at the same webcam, eyes open, then eyes shut (LABELS.tsv's conduct.awake pass and fail rows). */
const EYES_OPEN = join(IMAGES, 'eyes_open/kgr_awake.089053fe-a697-11ee-ac33-b206fbf79ce9.jpg');
const EYES_SHUT = join(IMAGES, 'eyes_closed/kgr_drowsy.1cc7faac-a697-11ee-ac33-b206fbf79ce9.jpg');
export const EYES_OPEN_S = 6;
export const EYES_SHUT_S = 5;

/** A y4m clip for the fake camera (which loops it): eyes open 6 s, then shut 5 s. */
export function dozingClip(): string {
  const out = join(CACHE, 'dozing.y4m');
  if (existsSync(out)) return out;
  mkdirSync(CACHE, { recursive: true });
  execFileSync('ffmpeg', [
    '-loglevel', 'error', '-y',
    '-loop', '1', '-t', String(EYES_OPEN_S), '-i', EYES_OPEN,
    '-loop', '1', '-t', String(EYES_SHUT_S), '-i', EYES_SHUT,
    '-filter_complex', `[0]${FIT}[a];[1]${FIT}[b];[a][b]concat=n=2:v=1[v]`, '-map', '[v]',
    '-pix_fmt', 'yuv420p', out,
  ]);
  return out;
}

/** The real webcam capture of a person who lowers the head onto the desk (about 1 s in) and stays there. */
const HEAD_DOWN_VIDEO = join(CLIPS, 'ngugat_cap_000000-000018_2fps.mp4');

/** A y4m clip for the fake camera (which loops it) of the head-down capture, 9.5 s. */
export function headDownClip(): string {
  const out = join(CACHE, 'head-down.y4m');
  if (existsSync(out)) return out;
  mkdirSync(CACHE, { recursive: true });
  execFileSync('ffmpeg', ['-loglevel', 'error', '-y', '-i', HEAD_DOWN_VIDEO, '-vf', FIT, '-pix_fmt', 'yuv420p', out]);
  return out;
}

/** Opens the monitor screen, starts a shift as soon as the models are ready, and waits until it runs. */
export async function startMonitoring(page: Page, query = ''): Promise<void> {
  await page.goto(`/${query}#monitor`);
  const start = page.getByRole('button', { name: /Start monitoring/ });
  await expect(start).toBeEnabled({ timeout: 90_000 });
  await start.click();
  await expect(page.locator('[data-monitor-status]')).toHaveAttribute('data-monitor-status', 'running');
}
