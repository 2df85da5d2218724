import { execFile } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { execFileSync } from 'node:child_process';
import { CACHE, CLIPS, expect, IMAGES, PHOTOS, ROOT, test } from './fixtures';

const run = promisify(execFile);
const CLI = join(ROOT, 'bin', 'countercheck.mjs');

async function countercheck(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], { cwd: ROOT, timeout: 120_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const isNumberRow = (row: unknown, length: number) =>
  Array.isArray(row) && row.length === length && row.every((v) => typeof v === 'number' && Number.isFinite(v));

test.describe('countercheck analyze', () => {
  test('prints one JSON object of the documented shape for a real photo', async () => {
    const { code, stdout } = await countercheck('analyze', PHOTOS.frontalSmiling, '--json');
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const record = JSON.parse(lines[0]!);
    expect(Object.keys(record)).toEqual(['file', 'frame', 'timeMs', 'person', 'people', 'pose', 'face', 'rules', 'timing']);
    expect(record.people).toEqual({ choice: 'only', count: 1 });
    expect(record).toMatchObject({ file: PHOTOS.frontalSmiling, frame: 0, timeMs: 0, person: true });
    expect(record.pose.landmarks).toHaveLength(33);
    expect(record.pose.worldLandmarks).toHaveLength(33);
    expect(record.pose.landmarks.every((row: unknown) => isNumberRow(row, 4))).toBe(true);
    expect(record.face.landmarks).toHaveLength(478);
    expect(record.face.landmarks.every((row: unknown) => isNumberRow(row, 3))).toBe(true);
    expect(record.face.blendshapes.mouthSmileLeft).toBeGreaterThan(0.5);
    expect(Object.keys(record.face.headPoseDeg)).toEqual(['yaw', 'pitch', 'roll']);
    expect(typeof record.rules).toBe('object');
    for (const key of ['poseMs', 'faceMs', 'totalMs']) expect(record.timing[key]).toBeGreaterThan(0);
  });

  test('samples a video at --fps and reports each frame with its time', async () => {
    const clip = join(CLIPS, 'ngugat_cap_000000-000018_2fps.mp4'); // 9.5 s
    const { code, stdout } = await countercheck('analyze', clip, '--json', '--fps', '1');
    expect(code).toBe(0);
    const records = stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(records).toHaveLength(10);
    expect(records.map((r) => r.frame)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(records.map((r) => r.timeMs)).toEqual([0, 1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000]);
    // The person faces the webcam first, then lowers the head onto the desk.
    expect(records[0].person).toBe(true);
    expect(records[0].face).not.toBeNull();
  });

  test('judges a head lowered onto the desk as lying on the counter, not as an empty post, however fast the video is read', async () => {
    // From 4.5 s the head lies on the desk: no face, no body landmarks, only the object detector's person box.
    // The CLI reads frames faster than the video plays; its checks for a hidden person must follow the video's time.
    const clip = join(CLIPS, 'ngugat_cap_000000-000018_2fps.mp4');
    const { code, stdout } = await countercheck('analyze', clip, '--json', '--fps', '2');
    expect(code).toBe(0);
    const headDown = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
      .filter((record) => record.timeMs >= 4500);
    expect(headDown).toHaveLength(10);
    const lying = headDown.filter((record) => record.person && record.rules['posture.no_lying_on_counter'].status === 'fail');
    expect(lying.length).toBeGreaterThanOrEqual(headDown.length / 2);
    // the last seconds, long after the head went down, are all judged
    expect(headDown.slice(-4).every((record) => lying.includes(record))).toBe(true);
  });

  test('judges the student whose head is down in front, not a face further back in the classroom', async () => {
    // Two students lie on their desks in the foreground; only a boy at the back shows a face, no body is found.
    // The object detector's person box in front is five times his own: the one nearest the camera is hidden.
    const photo = join(IMAGES, 'head_down_desk/ngugat_8.jpg');
    const { code, stdout } = await countercheck('analyze', photo, '--json');
    expect(code).toBe(0);
    const record = JSON.parse(stdout);
    expect(record).toMatchObject({ person: true, pose: null, face: null, people: { choice: 'nearest-camera', count: 2 } });
    for (const rule of ['posture.no_lying_on_counter', 'posture.upright']) {
      expect(record.rules[rule].status, rule).toBe('fail');
      expect(record.rules[rule].evidence.reason).toContain('head down on the counter');
    }
  });

  test('says "person": false for a photo without anyone in it', async () => {
    mkdirSync(CACHE, { recursive: true });
    const empty = join(CACHE, 'test-pattern.png');
    execFileSync('ffmpeg', ['-loglevel', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc=size=640x480', '-frames:v', '1', empty]);
    const { code, stdout } = await countercheck('analyze', empty, '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ person: false, pose: null, face: null });
  });

  test('prints a short human summary without --json', async () => {
    const { code, stdout } = await countercheck('analyze', PHOTOS.frontalSmiling);
    expect(code).toBe(0);
    expect(stdout).toMatch(/tfjs_portrait_suit_smiling\.jpg: trunk .*neck .*head yaw .*smile 0\.\d\d/);
  });

  test('a missing or non-image file gives a one-line error naming it and exit code 1', async () => {
    const missing = await countercheck('analyze', '/nonexistent/photo.jpg');
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toBe('countercheck: /nonexistent/photo.jpg: no such file');
    const notImage = await countercheck('analyze', join(ROOT, 'package.json'));
    expect(notImage.code).toBe(1);
    expect(notImage.stderr.trim().split('\n')).toHaveLength(1);
    expect(notImage.stderr).toContain('package.json: is not a photo or video');
  });
});
