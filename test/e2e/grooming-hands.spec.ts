import { join } from 'node:path';
import { expect, IMAGES, test } from './fixtures';

/*
 * Real photos: a woman with her index finger at her nose, whose pose puts the hand at the chin (the
 * conduct.no_grooming_in_public row the hand model finds), and a bare close-up face with no hand in frame.
 */
const FINGER_AT_NOSE = join(IMAGES, 'hand_to_face/facetouch_parvathi_1.jpg');
const DESK = join(IMAGES, 'upright_desk_front/zoom_real_010.jpg');

type Summary = { handScores: number[] | null; status: string; reason: string; handsMs: number };

test.describe('conduct.no_grooming_in_public: the hand model in the page', () => {
  test('outlines a finger at the nose only when conduct is judged, loading its models from the app itself', async ({ page, network }) => {
    test.setTimeout(120_000);
    await page.route('**/__fixture/finger-at-nose.jpg', (route) => route.fulfill({ path: FINGER_AT_NOSE }));
    await page.route('**/__fixture/desk.jpg', (route) => route.fulfill({ path: DESK }));
    await page.goto('/analyze.html?delegate=CPU');
    const analyze = (url: string, heldAsShift: boolean) =>
      page.evaluate(
        async ([u, held]) => {
          await window.countercheck.ready;
          const a = await window.countercheck.analyzeImage(u, u.split('/').pop()!, { heldAsShift: held });
          const v = a.conduct?.['conduct.no_grooming_in_public'];
          return {
            handScores: a.hands ? a.hands.map((hand) => hand.score) : null,
            status: v?.status ?? 'none',
            reason: v?.evidence.reason ?? '',
            handsMs: a.timing.handsMs ?? 0,
          } as Summary;
        },
        [url, heldAsShift] as const,
      );

    // The live view (no conduct judged) never runs nor loads the hand detector.
    const live = await analyze('/__fixture/finger-at-nose.jpg', false);
    expect(live.handScores).toBeNull();
    expect(network.all.some((url) => url.includes('/models/handtrack/'))).toBe(false);

    // Judged as a shift, the hand model outlines the hand over the nose, which the pose alone misses.
    const judged = await analyze('/__fixture/finger-at-nose.jpg', true);
    // the hand's presence is a probability: a hand in plain view reads near 1
    expect(Math.max(...(judged.handScores ?? [0])), JSON.stringify(judged)).toBeGreaterThanOrEqual(0.9);
    expect(judged.handsMs).toBeGreaterThan(0);
    expect(judged).toMatchObject({ status: 'fail' });
    expect(judged.reason).toMatch(/\((nose|mouth)\)/);
    expect(network.all.some((url) => url.includes('/models/handtrack/handtrack.bin'))).toBe(true);

    // A person at a desk with the hands away from the face: the detector is not even run, and the rule passes.
    const desk = await analyze('/__fixture/desk.jpg', true);
    expect(desk.handScores).toBeNull();
    expect(desk.handsMs).toBe(0);
    expect(desk.status).toBe('pass');
  });

  test('played as frames between stretches at the desk (as npm run eval plays its events), the finger at the nose is one event where it was on screen', async ({ page }) => {
    test.setTimeout(120_000);
    await page.route('**/__fixture/finger-at-nose.jpg', (route) => route.fulfill({ path: FINGER_AT_NOSE }));
    await page.route('**/__fixture/desk.jpg', (route) => route.fulfill({ path: DESK }));
    await page.goto('/analyze.html?delegate=CPU');
    const events = await page.evaluate(async () => {
      await window.countercheck.ready;
      const still = async (url: string) => (await window.countercheck.analyzeImage(url, url, { heldAsShift: true })).conductStill!;
      const stills = [await still('/__fixture/desk.jpg'), await still('/__fixture/finger-at-nose.jpg')];
      const shown = (index: number, seconds: number) => ({ still: index, durationMs: seconds * 1000 });
      // desk 20 s, finger at the nose 4 s, desk 20 s; then the finger for 2 s only, under the 3 s hold
      const { events: all } = window.countercheck.playStills(stills, [shown(0, 20), shown(1, 4), shown(0, 20), shown(1, 2), shown(0, 20)]);
      return all.map(({ ruleId, startMs, endMs, label }) => ({ ruleId, startMs, endMs, label }));
    });
    const grooming = events.filter((event) => event.ruleId === 'conduct.no_grooming_in_public');
    expect(grooming, JSON.stringify(events)).toHaveLength(1);
    expect(grooming[0]!.startMs).toBe(20_000);
    expect(grooming[0]!.endMs).toBeGreaterThanOrEqual(23_000);
    expect(grooming[0]!.endMs).toBeLessThan(24_000);
    expect(grooming[0]!.label).toMatch(/nose|mouth/);
  });
});
