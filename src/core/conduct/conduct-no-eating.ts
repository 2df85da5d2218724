import { type ConductConfig, DEFAULT_CONDUCT_CONFIG } from './conduct-config';
import type { ConductRuleMeta } from './conduct-rule';
import type { ConductSignals } from './conduct-signals';
import { type HeldSignalDescription, type HeldSignalReading, HeldSignalRule } from './held-signal-rule';

/*
 * Source (RULES.md): 003 不得…吃東西 (no eating); 002 不準…在大廳內…吃東西 (no eating in the hall);
 * 004 不在岗位吃东西 (do not eat at the post).
 *
 * Food or a drink (COCO cup, bottle, wine glass, bowl, sandwich, fruit, donut, pizza, cake, hot dog) at the
 * mouth, food in a hand at the mouth, or a hand at the mouth with the jaw open (a bite), held longer than a
 * moment (`eating.holdMs`, default 3 s: a sip or a bite takes 2..5 s). Drinking counts: a cup at the mouth.
 */

const META: ConductRuleMeta = {
  id: 'conduct.no_eating',
  title: { zh: '不在崗位吃東西', en: 'No eating at the post' },
  source: {
    zh: '003 不得…吃東西; 002 不準…在大廳內…吃東西; 004 不在岗位吃东西',
    en: '003 No… eating; 002 No… eating in the hall; 004 Do not eat at your post',
    refs: ['003', '002', '004'],
  },
};

function read(signals: ConductSignals): HeldSignalReading {
  const measures = { jawOpenScore: signals.jawOpenScore };
  if (!signals.personPresent) return { active: null, measures, label: null, unknownReason: 'no person at the counter' };
  const active = signals.eatingOrDrinking;
  if (active === null) {
    const unknownReason = signals.faceLocated ? 'a hand at the mouth, objects not checked on this frame' : 'face not found';
    return { active, measures, label: null, unknownReason };
  }
  return { active, measures, label: active ? (signals.eatingItem ?? 'hand at the mouth') : null, unknownReason: '' };
}

const DESCRIPTION: HeldSignalDescription = {
  behaviour: 'food or a drink at the mouth',
  peakKinds: { jawOpenScore: 'max' },
  read,
};

/** conduct.no_eating: eating or drinking at the post. */
export class ConductNoEating extends HeldSignalRule {
  static readonly meta = META;

  constructor(config: ConductConfig = DEFAULT_CONDUCT_CONFIG) {
    super(META, config.eating, config.timing, DESCRIPTION);
  }
}
