import { type ConductConfig, DEFAULT_CONDUCT_CONFIG } from './conduct-config';
import type { ConductRuleMeta } from './conduct-rule';
import type { ConductSignals } from './conduct-signals';
import { type HeldSignalDescription, type HeldSignalReading, HeldSignalRule } from './held-signal-rule';

/*
 * Source (RULES.md): 003 不得在工作時間內玩手機 (do not play with a phone during working hours);
 * 002 不准…看视频、网上聊天 (no watching videos or chatting online).
 *
 * A COCO 'cell phone' box near a hand point or over the face region, held longer than a moment
 * (`phone.holdMs`, default 3 s, as grooming; where staff read codes on customers' phones, raise it in the
 * station setup). A phone lying on the counter untouched passes here (counter.no_personal_items covers it).
 */

const META: ConductRuleMeta = {
  id: 'conduct.no_phone',
  title: { zh: '不玩手機', en: 'No phone use' },
  source: {
    zh: '003 不得在工作時間內玩手機; 002 不准…看视频、网上聊天',
    en: '003 Do not play with your phone during working hours; 002 No… watching videos or chatting online',
    refs: ['003', '002'],
  },
};

function read(signals: ConductSignals): HeldSignalReading {
  const measures = { phoneScore: signals.phoneScore };
  if (!signals.personPresent) return { active: null, measures, label: null, unknownReason: 'no person at the counter' };
  if (!signals.objectsChecked) {
    return { active: null, measures, label: null, unknownReason: 'the object detector did not run on this frame' };
  }
  const { phoneInHand, phoneAtFace } = signals;
  if (phoneAtFace === true) return { active: true, measures, label: 'phone at the face', unknownReason: '' };
  if (phoneInHand === true) return { active: true, measures, label: 'phone in hand', unknownReason: '' };
  if (phoneInHand === false || phoneAtFace === false) return { active: false, measures, label: null, unknownReason: '' };
  return { active: null, measures, label: null, unknownReason: 'a phone was seen, but neither hands nor face' };
}

const DESCRIPTION: HeldSignalDescription = {
  behaviour: 'a phone in hand or at the face',
  peakKinds: { phoneScore: 'max' },
  read,
};

/** conduct.no_phone: a phone held in the hands or at the face. */
export class ConductNoPhone extends HeldSignalRule {
  static readonly meta = META;

  constructor(config: ConductConfig = DEFAULT_CONDUCT_CONFIG) {
    super(META, config.phone, config.timing, DESCRIPTION);
  }
}
