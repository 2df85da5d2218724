import { describe, expect, it } from 'vitest';
import type { ConductSignals } from './conduct-signals';
import { CONDUCT_RULE_IDS } from './conduct-rule';
import { EMPTY_COUNTER_SIGNALS, NEUTRAL_SIGNALS } from './conduct-test-streams';
import { judgeHeldStill, playStills, type StillSignals } from './held-still';

const MONITOR_RATES = { fps: 5, objectsEveryMs: 1000 };

/** A still whose frames between object-detector runs lack the object measures, as the pipeline makes them. */
const still = (changes: Partial<ConductSignals> = {}): StillSignals => {
  const objectsChecked = { ...NEUTRAL_SIGNALS, ...changes };
  const objectsSkipped = { ...objectsChecked, objectsChecked: false, phoneInHand: null, phoneAtFace: null, phoneScore: null };
  return { objectsChecked, objectsSkipped };
};

describe('judgeHeldStill', () => {
  it('passes every rule on a photo of someone smiling at the customer, hands away, eyes open', () => {
    const verdicts = judgeHeldStill(still(), MONITOR_RATES);
    for (const id of CONDUCT_RULE_IDS) expect(verdicts[id].status, id).toBe('pass');
  });

  it('fails what the photo shows held: eyes closed, a hand at the nose, a phone in hand, a cup at the mouth', () => {
    expect(judgeHeldStill(still({ eyesClosed: true, eyesClosedScore: 0.9 }), MONITOR_RATES)['conduct.awake'].status).toBe('fail');
    const grooming = judgeHeldStill(still({ handAt: 'nose', handToFaceFaceHeights: 0.1 }), MONITOR_RATES);
    expect(grooming['conduct.no_grooming_in_public'].status).toBe('fail');
    expect(grooming['conduct.awake'].status).toBe('pass');
    expect(judgeHeldStill(still({ phoneInHand: true, phoneScore: 0.8 }), MONITOR_RATES)['conduct.no_phone'].status).toBe('fail');
    const eating = judgeHeldStill(still({ eatingOrDrinking: true, eatingItem: 'cup' }), MONITOR_RATES);
    expect(eating['conduct.no_eating'].status).toBe('fail');
    expect(eating['conduct.no_phone'].status).toBe('pass');
  });

  it('an empty counter held 40 s is no violation of the post (60 s allowed), and the face rules are unknown', () => {
    const empty = { objectsChecked: EMPTY_COUNTER_SIGNALS, objectsSkipped: { ...EMPTY_COUNTER_SIGNALS, objectsChecked: false } };
    const verdicts = judgeHeldStill(empty, MONITOR_RATES);
    expect(verdicts['conduct.at_post'].status).not.toBe('fail');
    expect(verdicts['conduct.smile'].status).toBe('unknown');
    expect(verdicts['conduct.awake'].status).toBe('unknown');
  });
});

describe('playStills', () => {
  const stills = [still(), still({ handAt: 'nose', handToFaceFaceHeights: 0.1 }), still({ phoneInHand: true, phoneScore: 0.8 })];

  it('plays the spans one after another and finds the event of the still held long enough, where it was on screen', () => {
    const { monitor, durationMs } = playStills(
      stills,
      [
        { still: 0, durationMs: 10_000 },
        { still: 1, durationMs: 4000 },
        { still: 0, durationMs: 10_000 },
      ],
      MONITOR_RATES,
    );
    expect(durationMs).toBe(24_000);
    const events = monitor.completedEvents().filter((event) => event.kind === 'violation');
    expect(events.map((event) => [event.ruleId, event.startMs, event.endMs])).toEqual([['conduct.no_grooming_in_public', 10_000, 13_800]]);
  });

  it('finds no event in a still shorter than the hold (a hand at the nose for 2 s)', () => {
    const { monitor } = playStills(stills, [{ still: 0, durationMs: 5000 }, { still: 1, durationMs: 2000 }, { still: 0, durationMs: 5000 }], MONITOR_RATES);
    expect(monitor.completedEvents()).toEqual([]);
  });

  it('reads the object measures only on the detector frames: a phone still counts once a second', () => {
    const { monitor } = playStills(stills, [{ still: 2, durationMs: 8000 }], MONITOR_RATES);
    const [phone] = monitor.completedEvents();
    expect(phone?.ruleId).toBe('conduct.no_phone');
    // The last detector frame was at 7 s; the 4 frames after it measured nothing, so the event ends at 7 s.
    expect(phone?.endMs).toBe(7000);
  });

  it('refuses a span naming a still that is not there', () => {
    expect(() => playStills(stills, [{ still: 3, durationMs: 1000 }], MONITOR_RATES)).toThrow('no still 3');
  });
});
