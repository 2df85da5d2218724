import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { CACHE, expect, IMAGES, PHOTOS, test } from './fixtures';

/** Two real photos side by side: a man in a suit sitting up (left), a woman asleep with her head on her arm (right). */
function twoPeoplePhoto(): string {
  const out = join(CACHE, 'two-people.jpg');
  if (existsSync(out)) return out;
  mkdirSync(CACHE, { recursive: true });
  const asleep = join(IMAGES, 'head_down_desk/akdrowsy_drowsy_119.jpg');
  execFileSync('ffmpeg', [
    '-loglevel', 'error', '-y', '-i', PHOTOS.frontalSmiling, '-i', asleep,
    '-filter_complex', '[0]scale=-2:360[a];[1]scale=-2:360[b];[a][b]hstack', out,
  ]);
  return out;
}

/** A calibration at a hand-placed post: only the position is used (no baseline measures). */
const calibratedAt = (personPosition: { headX: number; headY: number; shoulderWidthFraction: number }) => ({
  version: 1,
  capturedAtMs: 0,
  sampleCount: 1,
  baseline: {
    earAboveShoulderRatio: null, noseAboveShoulderRatio: null, headFromVerticalDeg: null, headForwardLeanDeg: null,
    shoulderTiltDeg: null, trunkLeanForwardDeg: null, headPitchDeg: null, headImageY: null,
  },
  personPosition,
});

interface Judged {
  choice: string;
  count: number;
  person: boolean;
  headX: number | null;
  upright: string;
  lying: string;
  others: { nose: { x: number; y: number }; leftShoulder: { x: number; y: number }; rightShoulder: { x: number; y: number } }[];
}

/** Analyses a real photo in the harness page as the station calibrated at `calibration` (null: uncalibrated) would. */
async function judgePhoto(page: Page, photo: string, calibration: unknown, options: { heldAsShift?: boolean } = {}): Promise<Judged> {
  await page.route('**/__fixture/photo.jpg', (route) => route.fulfill({ path: photo }));
  if (!page.url().includes('analyze.html')) await page.goto('/analyze.html?delegate=CPU');
  return page.evaluate(
    async ([calibration, heldAsShift]): Promise<Judged> => {
      await window.countercheck.ready;
      const a = await window.countercheck.analyzeImage('/__fixture/photo.jpg', 'photo.jpg', { calibration: calibration as never, heldAsShift, allRules: true });
      return {
        choice: a.people.choice,
        count: a.people.count,
        person: a.person,
        headX: a.observations.personPosition?.headX ?? null,
        upright: a.rules['posture.upright'].status,
        lying: a.rules['posture.no_lying_on_counter'].status,
        others: a.people.otherPoses.map((p) => ({ nose: p.landmarks[0]!, leftShoulder: p.landmarks[11]!, rightShoulder: p.landmarks[12]! })),
      };
    },
    [calibration, options.heldAsShift ?? false] as const,
  );
}

test.describe('the right person', () => {
  test('with two people in frame only the one at the calibrated position is judged', async ({ page }) => {
    const photo = twoPeoplePhoto();
    const judge = (calibration: unknown, options?: { heldAsShift?: boolean }) => judgePhoto(page, photo, calibration, options);

    // Uncalibrated: the person nearest the camera (the larger: the woman asleep) is judged, the other is listed.
    const uncalibrated = await judge(null);
    expect(uncalibrated).toMatchObject({ choice: 'nearest-camera', count: 2, person: true, upright: 'fail', lying: 'fail' });
    expect(uncalibrated.headX!).toBeGreaterThan(0.5);
    expect(uncalibrated.others).toHaveLength(1);

    // A station calibrated where the man sits judges him: sitting up.
    const { nose, leftShoulder, rightShoulder } = uncalibrated.others[0]!;
    // Shoulder width as a fraction of the frame's width, as calibration stores it (the shoulders are level).
    const shoulderWidthFraction = Math.abs(leftShoulder.x - rightShoulder.x);
    const atMan = await judge(calibratedAt({ headX: nose.x, headY: nose.y, shoulderWidthFraction }));
    expect(atMan).toMatchObject({ choice: 'at-calibrated-position', count: 2, person: true, upright: 'pass', lying: 'pass' });
    expect(atMan.headX!).toBeLessThan(0.5);

    // Calibrated at a spot where nobody is (the bottom edge between them): nobody is judged and the post is empty,
    // also when the object detector runs (as monitoring runs it every second): the others' boxes are not the post's.
    const atNobody = calibratedAt({ headX: 0.5, headY: 0.95, shoulderWidthFraction: 0.05 });
    expect(await judge(atNobody)).toMatchObject({ choice: 'none-at-position', count: 2, person: false, upright: 'unknown', lying: 'unknown' });
    expect(await judge(atNobody, { heldAsShift: true })).toMatchObject({ choice: 'none-at-position', person: false, upright: 'unknown' });
  });

  test('calibrated, a head down on the desk while someone else shows a face: lying on the counter, not an absent post', async ({ page }) => {
    // Two students asleep on their desks in front; the models find only faces further back.
    const photo = join(IMAGES, 'head_down_desk/ngugat_8.jpg');
    // The post of the student on the left, as calibration would have stored it with him sitting up.
    const atLeftStudent = calibratedAt({ headX: 0.25, headY: 0.25, shoulderWidthFraction: 0.3 });
    const judged = await judgePhoto(page, photo, atLeftStudent, { heldAsShift: true });
    expect(judged).toMatchObject({ choice: 'at-calibrated-position', person: true, upright: 'fail', lying: 'fail' });
    expect(judged.count).toBeGreaterThanOrEqual(2);
    // Calibrated at an empty spot (the bottom edge, in the middle), the same photo is an absent post.
    const atEmptySpot = calibratedAt({ headX: 0.5, headY: 0.97, shoulderWidthFraction: 0.1 });
    expect(await judgePhoto(page, photo, atEmptySpot, { heldAsShift: true })).toMatchObject({ choice: 'none-at-position', person: false });
  });
});
