import { describe, expect, it } from 'vitest';
import { planEventSequence, scoreEvents } from './event-eval.mjs';

const rows = [
  { file: 'calm1.jpg', rule: 'conduct.awake', expected: 'pass' },
  { file: 'calm2.jpg', rule: 'dress.no_sunglasses', expected: 'pass' },
  { file: 'mixed.jpg', rule: 'dress.no_hat', expected: 'fail' },
  { file: 'mixed.jpg', rule: 'dress.no_sunglasses', expected: 'pass' },
  { file: 'nose.jpg', rule: 'conduct.no_grooming_in_public', expected: 'fail' },
  { file: 'phone.jpg', rule: 'conduct.no_phone', expected: 'fail' },
  { file: 'slump.jpg', rule: 'posture.upright', expected: 'fail' },
];
const plan = { eventMs: 4000, normalBetweenMs: 25_000, normalPhotoMs: 10_000 };

describe('planEventSequence', () => {
  const sequence = planEventSequence(rows, plan);

  it('plays normal work (photos whose every row passes, in turn) around each planted event', () => {
    expect(sequence.files).toEqual(['calm1.jpg', 'calm2.jpg', 'nose.jpg', 'phone.jpg']);
    expect(sequence.timeline.map(({ file, startMs, endMs }) => [file, startMs, endMs])).toEqual([
      ['calm1.jpg', 0, 10_000],
      ['calm2.jpg', 10_000, 20_000],
      ['calm1.jpg', 20_000, 25_000],
      ['nose.jpg', 25_000, 29_000],
      ['calm2.jpg', 29_000, 39_000],
      ['calm1.jpg', 39_000, 49_000],
      ['calm2.jpg', 49_000, 54_000],
      ['phone.jpg', 54_000, 58_000],
      ['calm1.jpg', 58_000, 68_000],
      ['calm2.jpg', 68_000, 78_000],
      ['calm1.jpg', 78_000, 83_000],
    ]);
    expect(sequence.spans.slice(0, 4)).toEqual([
      { still: 0, durationMs: 10_000 },
      { still: 1, durationMs: 10_000 },
      { still: 0, durationMs: 5000 },
      { still: 2, durationMs: 4000 },
    ]);
    expect(sequence.planted).toEqual([
      { rule: 'conduct.no_grooming_in_public', file: 'nose.jpg', startMs: 25_000, endMs: 29_000 },
      { rule: 'conduct.no_phone', file: 'phone.jpg', startMs: 54_000, endMs: 58_000 },
    ]);
    expect(sequence.normalMs).toBe(75_000);
  });

  it('has nothing to play without normal photos or without events', () => {
    expect(planEventSequence(rows.filter((row) => row.expected === 'fail'), plan)).toBeNull();
    expect(planEventSequence(rows.filter((row) => !row.rule.startsWith('conduct.no_')), plan)).toBeNull();
  });
});

describe('scoreEvents', () => {
  const sequence = planEventSequence(rows, plan);
  const event = (ruleId, startMs, endMs, kind = 'violation') => ({ ruleId, kind, startMs, endMs, label: null, peak: {} });

  it('finds a planted event where an event of its rule begins while it is on screen, and misses the rest', () => {
    const scores = scoreEvents(sequence, [event('conduct.no_grooming_in_public', 25_000, 28_800)]);
    expect(scores['conduct.no_grooming_in_public']).toMatchObject({ planted: 1, found: 1, recall: 1, falseInNormalWork: 0, missed: [] });
    expect(scores['conduct.no_phone']).toMatchObject({ planted: 1, found: 0, recall: 0, missed: ['phone.jpg'] });
    expect(scores['conduct.no_eating']).toMatchObject({ planted: 0, found: 0, recall: null });
  });

  it('does not credit a planted event to an event begun before it in normal work and still open', () => {
    const scores = scoreEvents(sequence, [event('conduct.no_phone', 50_000, 70_000)]);
    expect(scores['conduct.no_phone']).toMatchObject({ found: 0, missed: ['phone.jpg'], falseInNormalWork: 1 });
  });

  it('counts an unmatched event on a normal photo per 10 minutes of normal work, and one on another violation as a confusion', () => {
    const scores = scoreEvents(sequence, [
      event('conduct.no_grooming_in_public', 40_000, 45_000),
      event('conduct.no_grooming_in_public', 55_000, 57_000),
      event('conduct.at_post', 0, 80_000),
      event('conduct.no_phone', 60_000, 61_000, 'break'),
    ]);
    const grooming = scores['conduct.no_grooming_in_public'];
    expect(grooming).toMatchObject({ found: 0, falseInNormalWork: 1, confusions: 1 });
    expect(grooming.falsePer10Min).toBeCloseTo(600_000 / 75_000);
    expect(grooming.falseEvents.map(({ file, duringPlanted }) => [file, duringPlanted])).toEqual([
      ['calm1.jpg', null],
      ['phone.jpg', 'conduct.no_phone'],
    ]);
    expect(scores['conduct.no_phone'].falseInNormalWork).toBe(0);
  });
});
