import { describe, expect, it } from 'vitest';
import type { StationCalibration } from '../calibration/station-calibration';
import { DEFAULT_CONFIG } from '../config';
import { RULE_IDS } from '../rules';
import { deepFreeze } from '../summaries/deep-freeze';
import {
  configForSetup,
  countThresholdOverrides,
  parseStationSetupFile,
  SETUP_LIMITS,
  type StationSetup,
  stationSetupFile,
  validateStationSetupFile,
} from './station-setup';

const NOW_MS = Date.UTC(2026, 2, 15, 12);
const OPTIONS = { nowMs: NOW_MS, knownRuleIds: RULE_IDS };
const SETUP: StationSetup = deepFreeze({
  language: 'zh',
  enabledRuleIds: ['posture.upright', 'posture.no_lying_on_counter', 'dress.no_sunglasses'],
  thresholds: { rules: { headFromVerticalMaxDeg: 40, shoulderTiltMaxDeg: 10 }, observations: { landmarkVisibilityMin: 0.6 } },
});
const CALIBRATION: StationCalibration = deepFreeze({
  version: 1,
  capturedAtMs: NOW_MS - 3_600_000,
  sampleCount: 42,
  baseline: {
    earAboveShoulderRatio: 0.58,
    noseAboveShoulderRatio: 0.5,
    headFromVerticalDeg: 17,
    headForwardLeanDeg: 12,
    shoulderTiltDeg: 1.5,
    trunkLeanForwardDeg: null,
    headPitchDeg: -4,
    headImageY: 0.41,
  },
  counterLineY: 0.82,
});
const problemsOf = (value: unknown): readonly string[] => {
  const result = validateStationSetupFile(value, OPTIONS);
  return result.ok ? [] : result.problems;
};

describe('station setup files', () => {
  it('round-trips through JSON, without a station id, and applies its thresholds over the defaults', () => {
    const file = stationSetupFile(SETUP, CALIBRATION, NOW_MS);
    const text = JSON.stringify(file);
    expect(text).not.toContain('stationId');
    const parsed = parseStationSetupFile(text, OPTIONS);
    expect(parsed).toEqual({ ok: true, file });
    const config = configForSetup(file.setup);
    expect(config.rules.headFromVerticalMaxDeg).toBe(40);
    expect(config.rules.trunkReclineMaxDeg).toBe(DEFAULT_CONFIG.rules.trunkReclineMaxDeg);
    expect(config.observations.landmarkVisibilityMin).toBe(0.6);
    expect(countThresholdOverrides(file.setup.thresholds)).toBe(3);
  });

  it('accepts every rule on (null) and no calibration', () => {
    const file = stationSetupFile({ language: 'both', enabledRuleIds: null, thresholds: {} }, null, NOW_MS);
    expect(problemsOf(JSON.parse(JSON.stringify(file)))).toEqual([]);
  });

  it('lists every problem of a bad file, naming the field, and refuses it whole', () => {
    const file = JSON.parse(JSON.stringify(stationSetupFile(SETUP, CALIBRATION, NOW_MS)));
    file.setup.language = 'fr';
    file.setup.enabledRuleIds = ['posture.upright', 'posture.upright', 'conduct.teleport', 7];
    file.setup.thresholds.rules.shoulderTiltMaxDeg = 500;
    file.setup.thresholds.rules.headFromVerticalMaxDeg = '40';
    file.setup.thresholds.rules.noSuchThresholdDeg = 3;
    file.calibration.baseline.headFromVerticalDeg = 'upright';
    const problems = problemsOf(file);
    expect(problems).toEqual(
      expect.arrayContaining([
        'setup.language: not one of zh, en, both',
        'setup.enabledRuleIds[2]: unknown rule "conduct.teleport" in this version',
        'setup.enabledRuleIds[3]: not a string',
        'setup.enabledRuleIds: a rule is listed twice',
        'setup.thresholds.rules: unknown field "noSuchThresholdDeg"',
        'setup.thresholds.rules.headFromVerticalMaxDeg: not a finite number',
        'calibration: not a valid station calibration (or null)',
      ]),
    );
    // Out of its allowed range: caught by the config's own range check once the shape is right.
    const outOfRange = JSON.parse(JSON.stringify(stationSetupFile(SETUP, null, NOW_MS)));
    outOfRange.setup.thresholds.rules.shoulderTiltMaxDeg = 500;
    expect(problemsOf(outOfRange)).toEqual(['setup.thresholds: rules.shoulderTiltMaxDeg must be within 0..90, got 500']);
  });

  it('refuses other files, hostile keys, station ids, future dates, and over-large or broken text', () => {
    expect(problemsOf([])).toEqual(['file: not a JSON object']);
    expect(problemsOf({ format: 'countercheck-export', version: 1 })[0]).toMatch(/^format: not "countercheck-station-setup"/);
    expect(problemsOf({ ...stationSetupFile(SETUP, null, NOW_MS), version: 2 })).toEqual(['version: 2, this app reads version 1']);
    const withId = { ...stationSetupFile(SETUP, null, NOW_MS), stationId: 'station-abcdef' };
    expect(problemsOf(withId)).toEqual(['file: unknown field "stationId"']);
    const hostile = JSON.parse(`{"format":"countercheck-station-setup","version":1,"exportedAtMs":${NOW_MS},"calibration":null,
      "setup":{"language":"en","enabledRuleIds":null,"thresholds":{"__proto__":{"polluted":1}}}}`);
    expect(problemsOf(hostile)).toEqual(['setup.thresholds: forbidden key "__proto__"']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(problemsOf({ ...stationSetupFile(SETUP, null, NOW_MS), exportedAtMs: NOW_MS + 3 * 86_400_000 })).toEqual([
      'exportedAtMs: a date in the future',
    ]);
    expect(parseStationSetupFile('{"format":', OPTIONS)).toMatchObject({ ok: false, problems: [expect.stringMatching(/^file: not valid JSON/)] });
    expect(parseStationSetupFile(' '.repeat(SETUP_LIMITS.fileMaxBytes + 1), OPTIONS)).toMatchObject({ ok: false });
  });

  it('caps a long report', () => {
    const file = JSON.parse(JSON.stringify(stationSetupFile(SETUP, null, NOW_MS)));
    file.setup.enabledRuleIds = Array.from({ length: 30 }, (_, i) => `made.up_${i}`);
    const problems = problemsOf(file);
    expect(problems).toHaveLength(SETUP_LIMITS.problemsMax + 1);
    expect(problems.at(-1)).toBe('… and 10 more');
  });
});
