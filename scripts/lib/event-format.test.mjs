import { describe, expect, it } from 'vitest';
import { toEventLine, toEventRecord, toEventsSummary, videoTime } from './event-format.mjs';

const absence = { ruleId: 'conduct.at_post', kind: 'violation', startMs: 3200, endMs: 12_000.4, peak: { durationMs: 8800.4 }, label: 'absence' };

describe('event lines', () => {
  it('writes video times as minutes and seconds to a tenth', () => {
    expect(videoTime(0)).toBe('0:00.0');
    expect(videoTime(3249)).toBe('0:03.2');
    expect(videoTime(83_200)).toBe('1:23.2');
    expect(videoTime(59_960)).toBe('1:00.0');
  });

  it('names start, end, length, rule and what was seen', () => {
    expect(toEventLine('clip.mp4', absence)).toBe('clip.mp4: 0:03.2 – 0:12.0 (8.8 s) conduct.at_post violation (absence)');
    expect(toEventLine('clip.mp4', { ...absence, kind: 'break', label: 'break' })).toBe(
      'clip.mp4: 0:03.2 – 0:12.0 (8.8 s) conduct.at_post break',
    );
  });

  it('gives whole ms in JSON and a closing count', () => {
    expect(toEventRecord('clip.mp4', absence)).toEqual({
      file: 'clip.mp4',
      ruleId: 'conduct.at_post',
      kind: 'violation',
      startMs: 3200,
      endMs: 12_000,
      durationMs: 8800,
      label: 'absence',
      peak: { durationMs: 8800.4 },
    });
    expect(toEventsSummary('clip.mp4', { frames: 60, durationMs: 12_000, events: [absence] })).toBe(
      'clip.mp4: 1 event over 12.0 s (60 frames)',
    );
  });
});
