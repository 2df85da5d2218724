import { describe, expect, it } from 'vitest';
import { torsoImage, withBadge } from '../badge/badge-test-images';
import { enrolBadge, type EnrolledBadge } from '../badge/enrolled-badge';
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
/** A real descriptor, enrolled from drawn pictures of a card badge: `views` views of a box `aspect` tall over wide. */
function enrolledBadge(views: number, aspect: number): EnrolledBadge {
  const [W, H] = [320, 240];
  const card = { x: 140, y: 30, width: 50, height: 50 * aspect };
  const frames = Array.from({ length: views }, (_, i) => withBadge(torsoImage(W, H, i + 1), card));
  const box = { x: (card.x - 5) / W, y: (card.y - 5 * aspect) / H, width: (card.width + 10) / W, height: (card.height + 10 * aspect) / H };
  const result = enrolBadge(frames, box, NOW_MS - 86_400_000);
  if (!result.ok) throw new Error(result.problem);
  return deepFreeze(result.badge);
}
const BADGE = enrolledBadge(5, 1.5);
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

  it('carries conduct times, and refuses unknown ones, text and values out of the conduct config\'s range', () => {
    const file = JSON.parse(JSON.stringify(stationSetupFile({ ...SETUP, conductTimes: { phoneHoldMs: 8000, eyesClosedMaxMs: 5000 } }, null, NOW_MS)));
    expect(problemsOf(file)).toEqual([]);
    expect(file.setup.conductTimes).toEqual({ phoneHoldMs: 8000, eyesClosedMaxMs: 5000 });
    file.setup.conductTimes = { phoneHoldMs: '8 s', napAllowedMs: 60_000 };
    expect(problemsOf(file)).toEqual(['setup.conductTimes: unknown field "napAllowedMs"', 'setup.conductTimes.phoneHoldMs: not a finite number']);
    file.setup.conductTimes = { phoneHoldMs: -1 };
    expect(problemsOf(file)).toEqual([expect.stringMatching(/^setup\.conductTimes: .*phone\.holdMs/)]);
  });

  it('carries monitoring rates, leaves them out when the defaults, and refuses them out of range or as text', () => {
    const file = JSON.parse(JSON.stringify(stationSetupFile({ ...SETUP, monitorFps: 2, monitorObjectsEveryMs: 3000 }, null, NOW_MS)));
    expect(problemsOf(file)).toEqual([]);
    expect(file.setup).toMatchObject({ monitorFps: 2, monitorObjectsEveryMs: 3000 });
    expect(Object.keys(stationSetupFile(SETUP, null, NOW_MS).setup)).not.toContain('monitorFps');
    file.setup.monitorFps = 60;
    file.setup.monitorObjectsEveryMs = '3 s';
    expect(problemsOf(file)).toEqual([
      'setup.monitorFps: not a number within 0.2..30',
      'setup.monitorObjectsEveryMs: not a number within 100..60000',
    ]);
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

  describe('with the enrolled badge', () => {
    it('round-trips the badge through the file as the app writes it (indented JSON)', () => {
      const file = stationSetupFile(SETUP, CALIBRATION, NOW_MS, BADGE);
      expect(file.enrolledBadge).toEqual(BADGE);
      expect(file.enrolledBadge).not.toBe(BADGE); // copied, not shared
      const parsed = parseStationSetupFile(JSON.stringify(file, null, 2), OPTIONS);
      expect(parsed).toEqual({ ok: true, file });
      if (parsed.ok) expect(parsed.file.enrolledBadge).toEqual(BADGE);
    });

    it('leaves the field out without a badge, and reads null or absent as no badge', () => {
      const file = stationSetupFile(SETUP, null, NOW_MS, null);
      expect(file).not.toHaveProperty('enrolledBadge');
      expect(problemsOf({ ...file, enrolledBadge: null })).toEqual([]);
    });

    it('still reads a file written before badges travelled (no enrolledBadge field)', () => {
      // as an earlier version exported it: exactly these five fields, indented
      const old = `{
  "format": "countercheck-station-setup",
  "version": 1,
  "exportedAtMs": ${NOW_MS - 86_400_000},
  "setup": { "language": "en", "enabledRuleIds": null, "thresholds": { "rules": { "shoulderTiltMaxDeg": 6 } } },
  "calibration": null
}`;
      const parsed = parseStationSetupFile(old, OPTIONS);
      expect(parsed.ok).toBe(true);
      if (parsed.ok) {
        expect(parsed.file.enrolledBadge ?? null).toBeNull();
        expect(parsed.file.setup.thresholds).toEqual({ rules: { shoulderTiltMaxDeg: 6 } });
      }
    });

    it('refuses the whole file when its badge is damaged, naming the problem', () => {
      const file = JSON.parse(JSON.stringify(stationSetupFile(SETUP, CALIBRATION, NOW_MS, BADGE)));
      file.enrolledBadge.views[1].grey = file.enrolledBadge.views[1].grey.slice(0, -2);
      expect(problemsOf(file)).toEqual([
        `enrolledBadge.views[1].grey: not ${BADGE.columns * BADGE.rows} numbers in -1..1 (the enrolled badge is damaged; enrol it again on the exporting station and export again)`,
      ]);
      const notZeroMean = JSON.parse(JSON.stringify(stationSetupFile(SETUP, null, NOW_MS, BADGE)));
      notZeroMean.enrolledBadge.views[0].grey[0] += 0.5;
      expect(problemsOf(notZeroMean)[0]).toMatch(/^enrolledBadge\.views\[0\]\.grey: not zero-mean and unit-norm/);
      expect(problemsOf({ ...stationSetupFile(SETUP, null, NOW_MS), enrolledBadge: 'badge' })[0]).toMatch(/^enrolledBadge: not an object/);
      const extra = { ...stationSetupFile(SETUP, null, NOW_MS), enrolledBadge: { ...BADGE, picture: 'data:image/png;base64,' } };
      expect(problemsOf(extra)[0]).toMatch(/^enrolledBadge: unknown field "picture"/);
      // with other problems, every one is listed
      const both = JSON.parse(JSON.stringify(file));
      both.setup.language = 'fr';
      expect(problemsOf(both)).toHaveLength(2);
    });

    it('fits the largest badge an enrolment can keep (8 views, 32 rows) within the file size limit, as the app writes it', () => {
      const largest = enrolledBadge(8, 2.2);
      expect(largest.views).toHaveLength(8);
      expect(largest.rows).toBe(32);
      const text = `${JSON.stringify(stationSetupFile(SETUP, CALIBRATION, NOW_MS, largest), null, 2)}\n`;
      expect(text.length).toBeGreaterThan(64 * 1024); // what the limit was before badges travelled
      expect(text.length).toBeLessThan(SETUP_LIMITS.fileMaxBytes * 0.5); // room to spare
      expect(parseStationSetupFile(text, OPTIONS).ok).toBe(true);
    });
  });
});
