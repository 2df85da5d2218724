import { describe, expect, it } from 'vitest';
import { calibrateFromObservations } from '../calibration/station-calibration';
import { DEFAULT_CONFIG } from '../config';
import { ARMS_FOLDED, makeFace, makeSeatedPose, rolledFaceMatrix } from '../observations/test-poses';
import { headPoseFromMatrix } from '../observations/head-pose';
import { degrees } from '../units';
import { postureUpright } from './posture-upright';
import { expectWellFormed, input, observe, observed } from './test-helpers';

const config = DEFAULT_CONFIG.rules;
const evaluate = (...args: Parameters<typeof input>) => {
  const verdict = postureUpright.evaluate(input(...args));
  expectWellFormed(verdict);
  return verdict;
};

describe('posture.upright on landmark sets', () => {
  it('passes a person sitting up', () => {
    const verdict = evaluate(observe(makeSeatedPose()));
    expect(verdict.status).toBe('pass');
    expect(verdict.evidence.measures.headFromVerticalDeg).toBeCloseTo(15, 6);
    expect(verdict.evidence.thresholds.headFromVerticalMaxDeg).toBe(45);
    expect(verdict.evidence.confidence).toBeGreaterThan(0.9);
  });

  it('passes a slight forward lean toward the customer (000: 微微前傾), seen from the side', () => {
    const pose = makeSeatedPose({ trunkLeanDeg: 20, headLeanDeg: 25, hipsInFrame: true, bodyYawDeg: 70 });
    expect(evaluate(observe(pose)).status).toBe('pass');
  });

  it('fails a slump: head dropped forward and sunk toward the shoulders', () => {
    const verdict = evaluate(
      observe(makeSeatedPose({ headLeanDeg: 55, earAboveShoulderRatio: 0.25, noseAboveShoulderRatio: 0.1 })),
    );
    expect(verdict.status).toBe('fail');
    expect(verdict.evidence.reason).toMatch(/head/);
  });

  it('fails a head on the arms on the counter, face hidden', () => {
    const pose = makeSeatedPose({
      headLeanDeg: 80,
      earAboveShoulderRatio: -0.05,
      image: { nose: { x: 0.5, y: 0.8, z: 0, visibility: 0.1 } },
    });
    expect(evaluate(observe(pose)).status).toBe('fail');
  });

  it('fails reclining: head back, or the trunk far back when seen from the side', () => {
    expect(evaluate(observe(makeSeatedPose({ headLeanDeg: -25 }))).evidence.reason).toMatch(/head leaning back/);
    const reclined = makeSeatedPose({ trunkLeanDeg: -35, headLeanDeg: 0, hipsInFrame: true, bodyYawDeg: -80 });
    expect(evaluate(observe(reclined)).evidence.reason).toMatch(/reclining/);
  });

  it('does not judge a trunk lean seen only from the front (a depth guess)', () => {
    const verdict = evaluate(observe(makeSeatedPose({ trunkLeanDeg: 55, hipsInFrame: true, bodyYawDeg: 5 })));
    expect(verdict.status).toBe('pass');
    expect(verdict.evidence.measures).not.toHaveProperty('trunkLeanForwardDeg');
  });

  it('passes folded arms: they are another rule', () => {
    expect(evaluate(observe(makeSeatedPose({ image: ARMS_FOLDED }))).status).toBe('pass');
  });

  it('is unknown with a reason when the shoulders are out of frame or there is no body', () => {
    const offFrame = makeSeatedPose({
      image: {
        leftShoulder: { x: 0.65, y: 1.1, z: 0, visibility: 0.2 },
        rightShoulder: { x: 0.35, y: 1.1, z: 0, visibility: 0.2 },
      },
    });
    const verdict = evaluate(observe(offFrame));
    expect(verdict.status).toBe('unknown');
    expect(verdict.evidence.reason).toBe('shoulders not visible or out of frame');
    expect(verdict.evidence.confidence).toBe(0);
    expect(evaluate(observe(null, makeFace({}, rolledFaceMatrix(5)))).evidence.reason).toBe(
      'no body landmarks (face only)',
    );
  });

  it('fails a head lying on its side from the face alone', () => {
    const verdict = evaluate(observe(null, makeFace({}, rolledFaceMatrix(70))));
    expect(verdict.status).toBe('fail');
    expect(verdict.evidence.reason).toMatch(/on its side/);
  });
});

describe('posture.upright threshold edges', () => {
  it('head from vertical: at the limit passes, just past fails', () => {
    expect(evaluate(observed({ headFromVerticalDeg: degrees(45) })).status).toBe('pass');
    expect(evaluate(observed({ headFromVerticalDeg: degrees(45.1) })).status).toBe('fail');
  });

  it('ears above the shoulders: at the limit passes, just below fails', () => {
    expect(evaluate(observed({ earAboveShoulderRatio: 0.3 })).status).toBe('pass');
    expect(evaluate(observed({ earAboveShoulderRatio: 0.29 })).status).toBe('fail');
  });

  it('head back lean: at -10 passes, past it fails', () => {
    expect(evaluate(observed({ headFromVerticalDeg: degrees(10), headForwardLeanDeg: degrees(-10) })).status).toBe(
      'pass',
    );
    expect(evaluate(observed({ headFromVerticalDeg: degrees(11), headForwardLeanDeg: degrees(-11) })).status).toBe(
      'fail',
    );
  });

  it('trunk lean in a side view: 45 forward and 20 back pass, beyond fails', () => {
    const side = { headFromVerticalDeg: degrees(15), bodyYawDeg: degrees(60) };
    expect(evaluate(observed({ ...side, trunkLeanForwardDeg: degrees(45) })).status).toBe('pass');
    expect(evaluate(observed({ ...side, trunkLeanForwardDeg: degrees(45.5) })).status).toBe('fail');
    expect(evaluate(observed({ ...side, trunkLeanForwardDeg: degrees(-20) })).status).toBe('pass');
    expect(evaluate(observed({ ...side, trunkLeanForwardDeg: degrees(-20.5) })).status).toBe('fail');
  });

  it('needs the head placed: a trunk alone is unknown', () => {
    expect(evaluate(observed({ bodyYawDeg: degrees(60), trunkLeanForwardDeg: degrees(0) })).status).toBe('unknown');
  });

  it('confidence grows with the margin and the visibility', () => {
    const near = evaluate(observed({ headFromVerticalDeg: degrees(44) })).evidence.confidence;
    const far = evaluate(observed({ headFromVerticalDeg: degrees(15) })).evidence.confidence;
    expect(far).toBeGreaterThan(near);
    const dim = evaluate(
      observed({
        headFromVerticalDeg: degrees(15),
        poseVisibility: { nose: 1, ears: 0.6, shoulders: 0.6, elbows: 0, wrists: 0, hips: 0 },
      }),
    ).evidence.confidence;
    expect(dim).toBeCloseTo(0.6, 9);
  });
});

describe('posture.upright against a calibrated baseline', () => {
  const upright = observe(makeSeatedPose({ earAboveShoulderRatio: 0.6, headLeanDeg: 15 }));
  const calibration = calibrateFromObservations([upright], 0);
  // A mild slump: ears 0.48 above the shoulders (20% lower), head 8 degrees further forward.
  const mildSlump = observe(makeSeatedPose({ earAboveShoulderRatio: 0.48, headLeanDeg: 23 }));

  it('passes the mild slump without a baseline (within the absolute limits)', () => {
    expect(evaluate(mildSlump).status).toBe('pass');
  });

  it('fails it against the baseline, reporting the slump index and the baseline', () => {
    const verdict = evaluate(mildSlump, { calibration });
    expect(verdict.status).toBe('fail');
    expect(verdict.evidence.reason).toMatch(/slumped from the upright baseline/);
    expect(verdict.evidence.measures.earHeightDropFraction).toBeCloseTo(0.2, 6);
    expect(verdict.evidence.measures.headFromVerticalIncreaseDeg).toBeCloseTo(8, 6);
    expect(verdict.evidence.thresholds.baselineEarAboveShoulderRatio).toBeCloseTo(0.6, 9);
  });

  it('passes the baseline posture itself, and a raised head', () => {
    expect(evaluate(upright, { calibration }).status).toBe('pass');
    expect(
      evaluate(observe(makeSeatedPose({ earAboveShoulderRatio: 0.66, headLeanDeg: 10 })), { calibration }).status,
    ).toBe('pass');
  });

  it('slump index edges: one deviation at its limit passes, just past fails', () => {
    const base = calibrateFromObservations(
      [observed({ earAboveShoulderRatio: 0.6, headFromVerticalDeg: degrees(15) })],
      0,
    );
    const drop = (fraction: number) =>
      observed({ earAboveShoulderRatio: 0.6 * (1 - fraction), headFromVerticalDeg: degrees(15) });
    expect(evaluate(drop(config.baselineEarHeightDropMaxFraction - 0.001), { calibration: base }).status).toBe('pass');
    expect(evaluate(drop(config.baselineEarHeightDropMaxFraction + 0.001), { calibration: base }).status).toBe('fail');
    const lean = (deg: number) => observed({ earAboveShoulderRatio: 0.6, headFromVerticalDeg: degrees(15 + deg) });
    expect(evaluate(lean(config.baselineHeadFromVerticalMarginDeg), { calibration: base }).status).toBe('pass');
    expect(evaluate(lean(config.baselineHeadFromVerticalMarginDeg + 0.1), { calibration: base }).status).toBe('fail');
    // Both halfway: hypot(0.5, 0.5) = 0.71, within; both at 0.75: 1.06, past.
    const both = (share: number) =>
      observed({
        earAboveShoulderRatio: 0.6 * (1 - share * config.baselineEarHeightDropMaxFraction),
        headFromVerticalDeg: degrees(15 + share * config.baselineHeadFromVerticalMarginDeg),
      });
    expect(evaluate(both(0.5), { calibration: base }).status).toBe('pass');
    expect(evaluate(both(0.75), { calibration: base }).status).toBe('fail');
  });

  describe('the head sunk lower in the frame (sinking down in the chair, neck still straight)', () => {
    const seated = { earAboveShoulderRatio: 0.6, headFromVerticalDeg: degrees(15) };
    const base = calibrateFromObservations([observed({ ...seated, headImageY: 0.3, shoulderWidthFrameHeights: 0.5 })], 0);
    // Sunk by `sink` baseline shoulder widths, the person looking `scale` times as big as in the baseline.
    const sunk = (sink: number, scale = 1) =>
      observed({ ...seated, headImageY: 0.3 + sink * 0.5, shoulderWidthFrameHeights: 0.5 * scale });
    const limit = config.baselineHeadSinkMaxShoulderWidths;

    it('fails past its limit with the sink as evidence, and passes at it', () => {
      expect(evaluate(sunk(limit - 0.001), { calibration: base }).status).toBe('pass');
      const verdict = evaluate(sunk(limit + 0.01), { calibration: base });
      expect(verdict.status).toBe('fail');
      expect(verdict.evidence.reason).toMatch(/slumped from the upright baseline/);
      expect(verdict.evidence.measures.headSinkShoulderWidths).toBeCloseTo(limit + 0.01, 9);
      expect(verdict.evidence.thresholds.headSinkMaxShoulderWidths).toBe(limit);
    });

    it('passes a head that rose, and ignores the sink of a person who came nearer the camera', () => {
      expect(evaluate(sunk(-0.3), { calibration: base }).status).toBe('pass');
      expect(evaluate(sunk(0.3, config.baselineHeadSinkScaleMax + 0.05), { calibration: base }).status).toBe('pass');
      expect(evaluate(sunk(0.3, config.baselineHeadSinkScaleMax - 0.05), { calibration: base }).status).toBe('fail');
    });

    it('is not measured against a calibration made before it was recorded', () => {
      const old = { ...base!, baseline: { ...base!.baseline, shoulderWidthFrameHeights: undefined } };
      const verdict = evaluate(sunk(0.5), { calibration: old });
      expect(verdict.status).toBe('pass');
      expect(verdict.evidence.measures.headSinkShoulderWidths).toBeUndefined();
    });
  });
});

describe('posture.upright definition', () => {
  it('quotes its sources in Chinese and English', () => {
    expect(postureUpright.source.zh).toContain('上身自然挺直');
    expect(postureUpright.source.refs).toEqual(['000', '001', '002', '003', '004']);
    expect(postureUpright.title.en).toBeTruthy();
  });

  it('reads head pose roll as a sideways tilt in either direction', () => {
    expect(headPoseFromMatrix(rolledFaceMatrix(-70))?.roll).toBeCloseTo(-70, 6);
    expect(evaluate(observe(null, makeFace({}, rolledFaceMatrix(-70)))).status).toBe('fail');
  });
});
