import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../config';
import { EMPTY_OBSERVATIONS } from '../observations/empty-observations';
import { evaluateRules } from './index';

const judgeBoth = (observations: typeof EMPTY_OBSERVATIONS) => {
  const verdicts = evaluateRules(observations, { calibration: null, config: DEFAULT_CONFIG });
  return [verdicts['posture.upright'], verdicts['posture.no_lying_on_counter']];
};

describe('a person whose head is down and hidden', () => {
  it('fails upright and no-lying when only the object detector sees the person', () => {
    const verdicts = judgeBoth({
      ...EMPTY_OBSERVATIONS,
      personPresent: true,
      personWithoutLandmarks: { label: 'person', score: 0.42, box: { x: 0.1, y: 0.6, width: 0.7, height: 0.4 } },
    });
    for (const verdict of verdicts) {
      expect(verdict!.status).toBe('fail');
      expect(verdict!.evidence.measures.personScore).toBeCloseTo(0.42);
      expect(verdict!.evidence.thresholds.personScoreMin).toBe(DEFAULT_CONFIG.observations.personDetectionScoreMin);
      expect(verdict!.evidence.reason).toContain('head down');
    }
  });

  it('fails both when the body is found only with the frame turned sideways', () => {
    const verdicts = judgeBoth({ ...EMPTY_OBSERVATIONS, personPresent: true, bodyFoundOnlySideways: true });
    for (const verdict of verdicts) expect(verdict!.status).toBe('fail');
  });

  it('leaves an empty frame unknown', () => {
    const verdicts = judgeBoth({ ...EMPTY_OBSERVATIONS, bodyFoundOnlySideways: false });
    for (const verdict of verdicts) expect(verdict!.status).toBe('unknown');
  });
});
