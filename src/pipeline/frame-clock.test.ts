import { describe, expect, it } from 'vitest';
import { dueOnFrameClock } from './frame-clock';

describe('dueOnFrameClock', () => {
  it('is due on the first frame, then once a period has passed on the frames clock', () => {
    expect(dueOnFrameClock(null, 5000, 1000)).toBe(true);
    expect(dueOnFrameClock(5000, 5999, 1000)).toBe(false);
    expect(dueOnFrameClock(5000, 6000, 1000)).toBe(true);
  });

  it('is due when the clock goes back (a looped or rewound video)', () => {
    expect(dueOnFrameClock(5000, 200, 1000)).toBe(true);
  });
});
