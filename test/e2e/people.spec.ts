import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
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

interface Judged {
  choice: string;
  count: number;
  person: boolean;
  headX: number | null;
  upright: string;
  lying: string;
  others: { nose: { x: number; y: number }; leftShoulder: { x: number; y: number }; rightShoulder: { x: number; y: number } }[];
}

test.describe('the right person', () => {
  test('with two people in frame only the one at the calibrated position is judged', async ({ page }) => {
    const photo = twoPeoplePhoto();
    await page.route('**/__fixture/two.jpg', (route) => route.fulfill({ path: photo }));
    await page.goto('/analyze.html?delegate=CPU');
    const judge = (calibration: unknown) =>
      page.evaluate(async (calibration): Promise<Judged> => {
        await window.countercheck.ready;
        const a = await window.countercheck.analyzeImage('/__fixture/two.jpg', 'two.jpg', { calibration: calibration as never });
        return {
          choice: a.people.choice,
          count: a.people.count,
          person: a.person,
          headX: a.observations.personPosition?.headX ?? null,
          upright: a.rules['posture.upright'].status,
          lying: a.rules['posture.no_lying_on_counter'].status,
          others: a.people.otherPoses.map((p) => ({ nose: p.landmarks[0]!, leftShoulder: p.landmarks[11]!, rightShoulder: p.landmarks[12]! })),
        };
      }, calibration);

    // Uncalibrated: the person nearest the camera (the larger: the woman asleep) is judged, the other is listed.
    const uncalibrated = await judge(null);
    expect(uncalibrated).toMatchObject({ choice: 'nearest-camera', count: 2, person: true, upright: 'fail', lying: 'fail' });
    expect(uncalibrated.headX!).toBeGreaterThan(0.5);
    expect(uncalibrated.others).toHaveLength(1);

    // A station calibrated where the man sits judges him: sitting up.
    const { nose, leftShoulder, rightShoulder } = uncalibrated.others[0]!;
    const base = { version: 1, capturedAtMs: 0, sampleCount: 1, baseline: {
      earAboveShoulderRatio: null, noseAboveShoulderRatio: null, headFromVerticalDeg: null, headForwardLeanDeg: null,
      shoulderTiltDeg: null, trunkLeanForwardDeg: null, headPitchDeg: null, headImageY: null,
    } };
    // Shoulder width as a fraction of the frame's width, as calibration stores it (the shoulders are level).
    const shoulderWidthFraction = Math.abs(leftShoulder.x - rightShoulder.x);
    const atMan = await judge({ ...base, personPosition: { headX: nose.x, headY: nose.y, shoulderWidthFraction } });
    expect(atMan).toMatchObject({ choice: 'at-calibrated-position', count: 2, person: true, upright: 'pass', lying: 'pass' });
    expect(atMan.headX!).toBeLessThan(0.5);

    // Calibrated at a spot where nobody is (the bottom edge between them): nobody is judged and the post is empty.
    const atNobody = await judge({ ...base, personPosition: { headX: 0.5, headY: 0.95, shoulderWidthFraction: 0.05 } });
    expect(atNobody).toMatchObject({ choice: 'none-at-position', count: 2, person: false, upright: 'unknown', lying: 'unknown' });
  });
});
