/** Conduct rules judged over a shift (RULES.md, "Conduct while serving"): the public API of this folder. */
import type { ConductRuleMeta } from './conduct-rule';
import { ConductAtPost } from './conduct-at-post';
import { ConductAwake } from './conduct-awake';
import { ConductFaceCustomer } from './conduct-face-customer';
import { ConductNoEating } from './conduct-no-eating';
import { ConductNoGroomingInPublic } from './conduct-no-grooming-in-public';
import { ConductNoPhone } from './conduct-no-phone';
import { ConductSmile } from './conduct-smile';

export {
  type AtPostConfig,
  type AwakeConfig,
  type ConductConfig,
  type ConductConfigOverrides,
  type ConductSignalConfig,
  CONDUCT_TIME_NAMES,
  type ConductTimes,
  conductTimeOverrides,
  conductTimesOf,
  type ConductTimingConfig,
  DEFAULT_CONDUCT_CONFIG,
  type FaceCustomerConfig,
  type HeldEventConfig,
  resolveConductConfig,
  type SmileConfig,
} from './conduct-config';
export {
  CONDUCT_RULE_IDS,
  type ConductEvent,
  type ConductRuleId,
  type ConductRuleMeta,
  type ConductStatus,
  type ConductTimeRule,
  type ConductVerdict,
} from './conduct-rule';
export { type ConductSignals, type ConductSignalsInput, conductSignals } from './conduct-signals';
export type { HandTarget } from './face-targets';
export { ConductAtPost } from './conduct-at-post';
export { ConductAwake } from './conduct-awake';
export { ConductFaceCustomer } from './conduct-face-customer';
export { ConductNoEating } from './conduct-no-eating';
export { ConductNoGroomingInPublic } from './conduct-no-grooming-in-public';
export { ConductNoPhone } from './conduct-no-phone';
export { ConductSmile } from './conduct-smile';
export {
  type ConductEventCounts,
  DEFAULT_EVENTS_KEPT,
  MINUTE_MS,
  type MinuteAggregate,
  type MinuteRuleCounts,
  ShiftMonitor,
  type ShiftMonitorOptions,
} from './shift-monitor';
export { minuteRecordFromAggregate } from './minute-record-from-aggregate';

/** Every conduct rule's id, title and source sentences, in RULES.md order. */
export const CONDUCT_RULES: readonly ConductRuleMeta[] = Object.freeze([
  ConductSmile.meta,
  ConductFaceCustomer.meta,
  ConductNoGroomingInPublic.meta,
  ConductNoPhone.meta,
  ConductNoEating.meta,
  ConductAwake.meta,
  ConductAtPost.meta,
]);
