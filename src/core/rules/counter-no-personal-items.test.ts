import { describe, expect, it } from 'vitest';
import type { StationCalibration } from '../calibration/station-calibration';
import { DEFAULT_CONFIG } from '../config';
import { EMPTY_OBSERVATIONS } from '../observations/empty-observations';
import type { ObjectDetection } from '../types';
import { counterNoPersonalItems, itemsOnCounter } from './counter-no-personal-items';
import { evaluateRules, FRAME_RULES } from './index';
import type { RuleInput } from './rule';

/** A box by its centre, normalized to the frame. */
const at = (label: string, score: number, centreX: number, centreY: number, size = 0.1): ObjectDetection => ({
  label,
  score,
  box: { x: centreX - size / 2, y: centreY - size / 2, width: size, height: size },
});

const calibration = (counterLineY?: number): StationCalibration =>
  ({ counterLineY }) as unknown as StationCalibration;

/** `counterLineY` null: no counter line set. */
const input = (objects: readonly ObjectDetection[] | null | undefined, counterLineY: number | null = 0.6): RuleInput => ({
  observations: { ...EMPTY_OBSERVATIONS, personPresent: true },
  calibration: counterLineY === null ? null : calibration(counterLineY),
  config: DEFAULT_CONFIG.rules,
  objects,
});

describe('counter.no_personal_items', () => {
  it('fails on a handbag, a cup or food below the counter line, naming them', () => {
    const verdict = counterNoPersonalItems.evaluate(input([at('handbag', 0.7, 0.2, 0.8), at('cup', 0.5, 0.6, 0.75), at('person', 0.9, 0.5, 0.4)]));
    expect(verdict.status).toBe('fail');
    expect(verdict.evidence.reason).toBe('on the counter: handbag, cup');
    expect(verdict.evidence.measures).toMatchObject({ itemCount: 2, itemScore: 0.7 });
    expect(verdict.evidence.measures.itemCenterY).toBeCloseTo(0.8, 10);
    expect(verdict.evidence.thresholds).toEqual({ itemScoreMin: 0.4, counterLineY: 0.6 });
    expect(verdict.evidence.confidence).toBeGreaterThan(0.5);
  });

  it('passes on items above the line (held up, on a shelf behind), on weak detections and on other objects', () => {
    const verdict = counterNoPersonalItems.evaluate(
      input([at('cup', 0.8, 0.5, 0.4), at('bottle', 0.3, 0.5, 0.9), at('laptop', 0.9, 0.5, 0.8), at('cell phone', 0.8, 0.3, 0.8)]),
    );
    expect(verdict.status).toBe('pass');
    expect(verdict.evidence.measures).toEqual({ itemCount: 0, itemScore: 0.3 });
    expect(verdict.evidence.confidence).toBeLessThanOrEqual(0.7);
    expect(counterNoPersonalItems.evaluate(input([])).status).toBe('pass');
  });

  it('is unknown when the detector did not run, or without a counter line', () => {
    const notRun = counterNoPersonalItems.evaluate(input(null));
    expect(notRun).toMatchObject({ status: 'unknown', evidence: { reason: 'objects not checked on this frame', confidence: 0 } });
    expect(counterNoPersonalItems.evaluate(input(undefined)).status).toBe('unknown');
    const noLine = counterNoPersonalItems.evaluate(input([at('handbag', 0.9, 0.5, 0.9)], null));
    expect(noLine.status).toBe('unknown');
    expect(noLine.evidence.reason).toMatch(/counter line not set/);
  });

  it('lists the items on the counter best first', () => {
    const items = itemsOnCounter([at('bottle', 0.5, 0.1, 0.7), at('backpack', 0.9, 0.8, 0.9), at('banana', 0.45, 0.5, 0.5)], 0.6);
    expect(items.map((item) => item.label)).toEqual(['backpack', 'bottle']);
  });

  it('is a frame rule: evaluateRules judges it from the objects it is given', () => {
    expect(FRAME_RULES.map((rule) => rule.id)).toContain('counter.no_personal_items');
    const only = new Set(['counter.no_personal_items'] as const);
    const verdicts = evaluateRules(
      { ...EMPTY_OBSERVATIONS, personPresent: true },
      { calibration: calibration(0.5), config: DEFAULT_CONFIG, enabled: only, objects: [at('backpack', 0.8, 0.5, 0.8)] },
    );
    expect(verdicts['counter.no_personal_items'].status).toBe('fail');
    expect(verdicts['posture.upright'].status).toBe('off');
    const offline = evaluateRules(
      { ...EMPTY_OBSERVATIONS, personPresent: true },
      { calibration: calibration(0.5), config: DEFAULT_CONFIG, enabled: only },
    );
    expect(offline['counter.no_personal_items'].status).toBe('unknown');
  });
});
