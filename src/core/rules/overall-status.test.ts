import { describe, expect, it } from 'vitest';
import { overallStatus } from './overall-status';

describe('overallStatus', () => {
  it('fails when any rule fails, whatever the others say', () => {
    expect(overallStatus(['pass', 'pass', 'fail', 'unknown'])).toBe('fail');
    expect(overallStatus(['unknown', 'fail'])).toBe('fail');
  });

  it('passes when no rule fails and at least one is judged, unknown ones aside', () => {
    expect(overallStatus(['pass', 'pass'])).toBe('pass');
    expect(overallStatus(['pass', 'unknown', 'off'])).toBe('pass');
  });

  it('is unknown when nothing is judged: no rule, all unknown, or all off', () => {
    expect(overallStatus([])).toBe('unknown');
    expect(overallStatus(['unknown', 'unknown'])).toBe('unknown');
    expect(overallStatus(['off', 'off'])).toBe('unknown');
  });
});
