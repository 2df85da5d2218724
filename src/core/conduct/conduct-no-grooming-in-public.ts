import { type ConductConfig, DEFAULT_CONDUCT_CONFIG } from './conduct-config';
import type { ConductRuleMeta } from './conduct-rule';
import type { ConductSignals } from './conduct-signals';
import { type HeldSignalDescription, type HeldSignalReading, HeldSignalRule } from './held-signal-rule';

/*
 * Source (RULES.md): 001 禁止在服务对象前整理服饰, 整理头发, 掏耳垢, 挖鼻孔, 剔牙齿, 剪指甲 (do not tidy clothes
 * or hair, clean the ears, pick the nose or teeth, or clip nails in front of the people served);
 * 004 抓头发、咬手指、抠鼻孔、掏耳朵 (scratching the hair, biting fingers, picking the nose, picking the ears).
 *
 * A hand point at the hair, an ear, the nose or the mouth for longer than a moment (`grooming.holdMs`,
 * default 3 s). A hand holding a phone or food there belongs to no_phone or no_eating instead, and a hand
 * under the chin or on the cheek (a propped head: posture.no_chin_resting) is nearer those rest points.
 */

const META: ConductRuleMeta = {
  id: 'conduct.no_grooming_in_public',
  title: { zh: '不當眾整理儀容', en: 'No grooming in front of customers' },
  source: {
    zh: '001 禁止在服务对象前整理服饰, 整理头发, 掏耳垢, 挖鼻孔, 剔牙齿, 剪指甲; 004 抓头发、咬手指、抠鼻孔、掏耳朵',
    en: '001 Do not tidy your clothes or hair, clean your ears, pick your nose or teeth, or clip your nails in front of the people you serve; 004 (avoid) scratching the hair, biting fingers, picking the nose, picking the ears',
    refs: ['001', '004'],
  },
};

function read(signals: ConductSignals): HeldSignalReading {
  const measures = { handToFaceFaceHeights: signals.handToFaceFaceHeights };
  if (!signals.personPresent) return { active: null, measures, label: null, unknownReason: 'no person at the counter' };
  if (!signals.faceLocated) return { active: null, measures, label: null, unknownReason: 'face not found' };
  const handIsBusy = signals.phoneInHand === true || signals.phoneAtFace === true || signals.eatingOrDrinking === true;
  const active = signals.handAt !== null && !handIsBusy;
  return { active, measures, label: active ? signals.handAt : null, unknownReason: '' };
}

const DESCRIPTION: HeldSignalDescription = {
  behaviour: 'a hand at the hair, ears, nose or mouth',
  peakKinds: { handToFaceFaceHeights: 'min' },
  read,
};

/** conduct.no_grooming_in_public: a hand held at the hair, an ear, the nose or the mouth. */
export class ConductNoGroomingInPublic extends HeldSignalRule {
  static readonly meta = META;

  constructor(config: ConductConfig = DEFAULT_CONDUCT_CONFIG) {
    super(META, config.grooming, config.timing, DESCRIPTION);
  }
}
