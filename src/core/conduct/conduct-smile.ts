import { type ConductConfig, DEFAULT_CONDUCT_CONFIG } from './conduct-config';
import type { ConductRuleMeta } from './conduct-rule';
import { type ConductSignals, FACE_TOO_DARK } from './conduct-signals';
import { type ShareReading, ShareRule } from './share-rule';

/*
 * Source (RULES.md): 001 面对服务对象时应面带微笑 (smile when facing the people served); 002 微笑服務
 * (serve with a smile); 003 面帶微笑 (keep a smile on the face); 004 面带微笑 (wear a smile).
 *
 * The share of time smiling (mean mouthSmile blendshape at least `smile.smileScoreMin`) over a sliding
 * window (`smile.windowMs`, default 60 s) while a person is at the counter with the face seen. Reported as a
 * share of time, never a per-frame fail: fails when the share is under `smile.smileShareMin` (default 0.3).
 */

const META: ConductRuleMeta = {
  id: 'conduct.smile',
  title: { zh: '面帶微笑', en: 'Smile while serving' },
  source: {
    zh: '001 面对服务对象时应面带微笑; 002 微笑服務; 003 面帶微笑; 004 面带微笑',
    en: '001 Smile when facing the people you serve; 002 Serve with a smile; 003 Keep a smile on your face; 004 Wear a smile',
    refs: ['001', '002', '003', '004'],
  },
};

/** conduct.smile: the share of time smiling over a sliding window. */
export class ConductSmile extends ShareRule {
  static readonly meta = META;

  constructor(config: ConductConfig = DEFAULT_CONDUCT_CONFIG) {
    const { windowMs, smileScoreMin, smileShareMin } = config.smile;
    const read = (signals: ConductSignals): ShareReading => {
      const measures = { smileScore: signals.smileScore };
      if (!signals.personPresent) return { value: null, measures, unknownReason: 'no person at the counter' };
      if (signals.faceTooDark) return { value: null, measures, unknownReason: FACE_TOO_DARK };
      if (signals.smileScore === null) return { value: null, measures, unknownReason: 'face not found' };
      return { value: signals.smileScore >= smileScoreMin, measures, unknownReason: '' };
    };
    super(META, { windowMs, shareMin: smileShareMin }, config.timing, {
      behaviour: 'smiling',
      shareMeasure: 'smileShare',
      shareThreshold: 'smileShareMin',
      thresholds: { smileScoreMin },
      read,
    });
  }
}
