import { type ConductConfig, DEFAULT_CONDUCT_CONFIG } from './conduct-config';
import type { ConductRuleMeta } from './conduct-rule';
import type { ConductSignals } from './conduct-signals';
import { type ShareReading, ShareRule } from './share-rule';

/*
 * Source (RULES.md): 000 直視受檢者 (look straight at the person being served); 003 保持目光平視 (keep a level
 * gaze); 004 双目平视, 眼睛应正视对方 (both eyes level, look directly at the other person).
 *
 * The camera sits where the customer is. The share of time facing it (|head yaw| and |head pitch| within
 * limits, and the eyes not turned away when the face model gives gaze) over a sliding window
 * (`faceCustomer.windowMs`, default 60 s); fails under `faceCustomer.facingShareMin` (default 0.5).
 */

const META: ConductRuleMeta = {
  id: 'conduct.face_customer',
  title: { zh: '目光平視客戶', en: 'Face the customer' },
  source: {
    zh: '000 直視受檢者; 003 保持目光平視; 004 双目平视, 眼睛应正视对方',
    en: '000 Look straight at the person you serve; 003 Keep a level gaze; 004 Both eyes level, look directly at the other person',
    refs: ['000', '003', '004'],
  },
};

/** conduct.face_customer: the share of time facing the customer over a sliding window. */
export class ConductFaceCustomer extends ShareRule {
  static readonly meta = META;

  constructor(config: ConductConfig = DEFAULT_CONDUCT_CONFIG) {
    const { windowMs, facingShareMin } = config.faceCustomer;
    const { facingYawMaxDeg, facingPitchMaxDeg, facingPitchCentreDeg, gazeAwayScoreMax } = config.signals;
    const read = (signals: ConductSignals): ShareReading => {
      const measures = {
        headYawDeg: signals.headYawDeg,
        headPitchDeg: signals.headPitchDeg,
        gazeAwayScore: signals.gazeAwayScore,
      };
      if (!signals.personPresent) return { value: null, measures, unknownReason: 'no person at the counter' };
      if (signals.facingCustomer === null) return { value: null, measures, unknownReason: 'head direction not measured (no face)' };
      return { value: signals.facingCustomer, measures, unknownReason: '' };
    };
    super(META, { windowMs, shareMin: facingShareMin }, config.timing, {
      behaviour: 'facing the customer',
      shareMeasure: 'facingShare',
      shareThreshold: 'facingShareMin',
      thresholds: { facingYawMaxDeg, facingPitchMaxDeg, facingPitchCentreDeg, gazeAwayScoreMax },
      read,
    });
  }
}
