import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CLIPS, expect, PHOTOS, ROOT, test } from './fixtures';
import { EMPTY_S, leaveAndReturnVideo, PERSON_S } from './monitor-clips';

const run = promisify(execFile);
const CLI = join(ROOT, 'bin', 'countercheck.mjs');

async function countercheck(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], { cwd: ROOT, timeout: 150_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

test.describe('countercheck analyze --events', () => {
  test('prints the absence of a person who leaves a video of real photos, with its start and end', async () => {
    test.setTimeout(180_000);
    const video = leaveAndReturnVideo();
    const { code, stdout } = await countercheck('analyze', video, '--events', '--json', '--allowed-absence', '3');
    expect(code).toBe(0);
    const events = stdout.trim().split('\n').map((line) => JSON.parse(line));
    const absences = events.filter((event) => event.ruleId === 'conduct.at_post');
    expect(absences).toHaveLength(1);
    const [absence] = absences;
    expect(Object.keys(absence)).toEqual(['file', 'ruleId', 'kind', 'startMs', 'endMs', 'durationMs', 'label', 'peak']);
    expect(absence).toMatchObject({ file: video, kind: 'violation', label: 'absence' });
    // Empty from 4 s to 12 s; frames every 200 ms.
    expect(absence.startMs).toBeGreaterThanOrEqual(PERSON_S * 1000);
    expect(absence.startMs).toBeLessThanOrEqual(PERSON_S * 1000 + 600);
    expect(absence.endMs).toBeGreaterThanOrEqual((PERSON_S + EMPTY_S) * 1000 - 600);
    expect(absence.endMs).toBeLessThan((PERSON_S + EMPTY_S) * 1000);
  });

  test('with the default allowed absence (60 s), 8 s away is no violation; a photo is refused', async () => {
    test.setTimeout(180_000);
    const { code, stdout, stderr } = await countercheck('analyze', leaveAndReturnVideo(), PHOTOS.deskUpright, '--events');
    expect(code).toBe(1);
    expect(stdout).not.toContain('conduct.at_post');
    expect(stdout).toMatch(/leave-and-return\.mp4: \d+ events? over 16\.0 s \(80 frames\)/);
    expect(stderr).toContain('--events needs a video');
  });

  test('a real webcam capture of a head lowered onto the desk: one lying-on-the-counter violation, from after the head went down', async () => {
    test.setTimeout(180_000);
    const clip = join(CLIPS, 'ngugat_cap_000000-000018_2fps.mp4'); // head down on the desk from about 1 s to the end (9.5 s)
    const { code, stdout, stderr } = await countercheck('analyze', clip, '--events', '--json');
    expect(code, stderr).toBe(0);
    const lying = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
      .filter((event) => event.ruleId === 'posture.no_lying_on_counter');
    expect(lying).toHaveLength(1);
    expect(lying[0]).toMatchObject({ file: clip, kind: 'violation', label: null, peak: {} });
    expect(lying[0].startMs).toBeGreaterThanOrEqual(1000);
    expect(lying[0].endMs).toBeGreaterThanOrEqual(9000);
    expect(lying[0].durationMs).toBeGreaterThanOrEqual(2000);
  });

  test('a real clip of a man touching his face: one grooming event at the default 3 s hold, none when it must last 5 s', async () => {
    test.setTimeout(180_000);
    const clip = join(CLIPS, 'facetouch_slavoj_zizek_touches_his_face.mp4');
    const grooming = async (...extra: string[]) => {
      const { code, stdout, stderr } = await countercheck('analyze', clip, '--events', '--json', ...extra);
      expect(code, stderr).toBe(0);
      const lines = stdout.trim() ? stdout.trim().split('\n') : [];
      return lines.map((line) => JSON.parse(line)).filter((event) => event.ruleId === 'conduct.no_grooming_in_public');
    };
    const byDefault = await grooming();
    expect(byDefault).toHaveLength(1);
    expect(byDefault[0].durationMs).toBeGreaterThanOrEqual(3000);
    expect(byDefault[0].durationMs).toBeLessThan(5000);
    expect(await grooming('--grooming-hold', '5')).toEqual([]);
    const refused = await countercheck('analyze', clip, '--grooming-hold', '5');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('--grooming-hold needs --events');
  });
});
