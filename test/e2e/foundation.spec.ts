import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { cameraTracks, recordCameraTracks } from './camera-tracks';
import { CACHE, CLIPS, expect, launchWithCamera, measure, PHOTOS, test } from './fixtures';

const CLIPS_WOMAN = join(CLIPS, 'mps_gesture_test_video_woman_facing_camera.mp4');

const FPS_TEXT = /^\d+(\.\d)? fps$/;

test.describe('foundation: real models on real frames in the page', () => {
  test('the analysis harness finds 33 pose and 478 face landmarks in a real photo', async ({ page, network }) => {
    await page.route('**/__fixture/photo.jpg', (route) => route.fulfill({ path: PHOTOS.frontalSmiling }));
    await page.goto('/analyze.html?delegate=CPU');
    const result = await page.evaluate(async () => {
      await window.countercheck.ready;
      const a = await window.countercheck.analyzeImage('/__fixture/photo.jpg', 'photo.jpg');
      return {
        person: a.person,
        pose: a.pose?.landmarks.length,
        world: a.pose?.worldLandmarks.length,
        face: a.face?.landmarks.length,
        smile: a.observations.smileScore,
        yaw: a.observations.headPose?.yaw,
      };
    });
    expect(result).toMatchObject({ person: true, pose: 33, world: 33, face: 478 });
    // The portrait is of a smiling man looking into the camera.
    expect(result.smile).toBeGreaterThan(0.5);
    expect(Math.abs(result.yaw!)).toBeLessThan(15);
    expect(network.all.some((url) => url.endsWith('/models/face_landmarker.task'))).toBe(true);
  });

  test('the live camera shows the overlay and a live frame rate', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('button', { name: 'Start camera' }).click();
    await expect(measure(page, 'fps')).toHaveText(FPS_TEXT, { timeout: 60_000 });
    await expect(measure(page, 'person')).toHaveText('yes');
    await expect(page.locator('cc-stage canvas')).toHaveAttribute('aria-label', /pose skeleton, face mesh/);
    const drawnPixels = await page.locator('cc-stage canvas').evaluate((canvas: HTMLCanvasElement) => {
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      let count = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) count++;
      return count;
    });
    expect(drawnPixels).toBeGreaterThan(500);
    await expect(page.locator('[data-engine=delegate]')).toContainText(/Delegate: (CPU|GPU)/);
    await expect(measure(page, 'head-yaw')).toHaveText(/^-?\d+°$/);
  });

  test('picking a photo file shows its overlay and measures', async ({ page }) => {
    await page.goto('/');
    await page.getByLabel('Photo or video file').setInputFiles(PHOTOS.frontalSmiling);
    await expect(page.getByText('Source: tfjs_portrait_suit_smiling.jpg')).toBeVisible();
    await expect(measure(page, 'smile')).toHaveText(/^0\.[5-9]\d$/, { timeout: 60_000 });
    await expect(page.locator('cc-stage canvas')).toHaveAttribute('aria-label', /pose skeleton, face mesh/);
    await expect(page.locator('cc-stage img')).toBeVisible();
  });

  test('a file that is not a photo or video is refused with its name', async ({ page }) => {
    await page.goto('/');
    await page.getByLabel('Photo or video file').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
    await expect(page.getByRole('alert')).toContainText('notes.txt is not a photo or video');
  });

  test('the Content-Security-Policy blocks any connection off this origin', async ({ page }) => {
    await page.goto('/');
    const outcome = await page.evaluate(async () => {
      const violation = new Promise<string>((resolve) =>
        document.addEventListener('securitypolicyviolation', (e) => resolve(e.violatedDirective), { once: true }),
      );
      const result = await fetch('https://example.com/collect').then(
        () => 'sent',
        () => 'blocked',
      );
      return { result, directive: await violation };
    });
    expect(outcome).toEqual({ result: 'blocked', directive: 'connect-src' });
  });

  test('a model that cannot load says what to do, and Retry recovers', async ({ page }) => {
    await page.route('**/models/face_landmarker.task', (route) => route.fulfill({ status: 404, body: 'missing' }));
    await page.goto('/');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('face_landmarker.task is missing on the server');
    await expect(alert).toContainText('npm run setup');
    await page.unroute('**/models/face_landmarker.task');
    await alert.getByRole('button', { name: 'Retry' }).click();
    await page.getByRole('button', { name: 'Start camera' }).click();
    await expect(measure(page, 'fps')).toHaveText(FPS_TEXT, { timeout: 60_000 });
    await expect(page.getByRole('alert')).toHaveCount(0);
  });

  test('a damaged model file is refused by its sha256', async ({ page }) => {
    await page.route('**/models/pose_landmarker_lite.task', (route) => route.fulfill({ status: 200, body: Buffer.alloc(4096, 7) }));
    await page.goto('/');
    await expect(page.getByRole('alert')).toContainText('pose_landmarker_lite.task does not match models/manifest.json');
  });

  test('a camera that goes away mid-run asks to reconnect it', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('button', { name: 'Start camera' }).click();
    await expect(measure(page, 'fps')).toHaveText(FPS_TEXT, { timeout: 60_000 });
    // Chromium fires `ended` when a device is unplugged; the fake camera cannot be unplugged, so fire it as the device would.
    await page.locator('cc-stage video').evaluate((video: HTMLVideoElement) => {
      const [track] = (video.srcObject as MediaStream).getVideoTracks();
      track!.dispatchEvent(new Event('ended'));
    });
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('The camera stopped');
    await alert.getByRole('button', { name: 'Retry' }).click();
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(page.locator('cc-stage video')).toBeVisible();
  });
});

test('camera permission denied says where to allow it, with Retry', async ({ baseURL }) => {
  const { browser, page } = await launchWithCamera(['--deny-permission-prompts']);
  try {
    await page.goto(`${baseURL}/`);
    await page.getByRole('button', { name: 'Start camera' }).click();
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Camera permission denied: allow the camera for this site in the address bar');
    await expect(alert.getByRole('button', { name: 'Retry' })).toBeVisible();
    // The rest of the app still works: a photo can be analysed without the camera.
    await page.getByLabel('Photo or video file').setInputFiles(PHOTOS.frontalSmiling);
    await expect(measure(page, 'person')).toHaveText('yes', { timeout: 60_000 });
  } finally {
    await browser.close();
  }
});

test('a camera that sends only black frames (a closed privacy shutter) is reported with what to do', async ({ baseURL }) => {
  const blackClip = join(CACHE, 'black-camera.y4m');
  if (!existsSync(blackClip)) {
    mkdirSync(CACHE, { recursive: true });
    execFileSync('ffmpeg', ['-loglevel', 'error', '-y', '-f', 'lavfi', '-i', 'color=c=black:s=640x480:r=15:d=2', '-pix_fmt', 'yuv420p', blackClip]);
  }
  const { browser, page } = await launchWithCamera(['--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${blackClip}`]);
  try {
    await page.goto(`${baseURL}/`);
    await page.getByRole('button', { name: 'Start camera' }).click();
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('The camera sends only black pictures: open its privacy shutter', { timeout: 30_000 });
    await expect(alert.getByRole('button', { name: 'Retry' })).toBeVisible();
    await expect(measure(page, 'person')).toHaveText('no');
  } finally {
    await browser.close();
  }
});

test('a video file is analysed frame by frame as it plays', async ({ page, network }) => {
  await page.goto('/');
  await page.getByLabel('Photo or video file').setInputFiles(CLIPS_WOMAN);
  await expect(page.getByText('Source: mps_gesture_test_video_woman_facing_camera.mp4')).toBeVisible();
  await expect(measure(page, 'fps')).toHaveText(FPS_TEXT, { timeout: 60_000 });
  const first = await page.locator('cc-stage video').evaluate((v: HTMLVideoElement) => v.currentTime);
  await expect.poll(() => page.locator('cc-stage video').evaluate((v: HTMLVideoElement) => v.currentTime)).not.toBe(first);
  await expect(measure(page, 'person')).toHaveText('yes');
  expect(network.external).toEqual([]);
});

test('a tab put in the background pauses, then releases the camera', async ({ context, page }) => {
  await recordCameraTracks(context);
  await page.goto('/');
  await page.getByRole('button', { name: 'Start camera' }).click();
  await expect(measure(page, 'fps')).toHaveText(FPS_TEXT, { timeout: 60_000 });
  // Headless Chromium has no real tab switch: report the page hidden as the browser would.
  await page.evaluate(() => {
    document.querySelector('cc-app')!.hiddenCameraReleaseMs = 1500;
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  const status = page.locator('cc-status').getByRole('status');
  await expect(status).toContainText('Paused: this tab is in the background');
  await expect(status).toContainText('The camera was released');
  await expect(page.locator('cc-stage video')).toHaveCount(0);
  expect(await cameraTracks(page)).toEqual({ opened: 1, live: 0 });
  await page.getByRole('button', { name: 'Start camera' }).click();
  await expect(page.locator('cc-stage video')).toBeVisible();
  expect(await cameraTracks(page)).toEqual({ opened: 2, live: 1 });
});
