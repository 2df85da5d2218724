import { type EnrolledBadge, enrolledBadgeProblem } from '../badge/enrolled-badge';
import { isStationCalibration, type StationCalibration } from '../calibration/station-calibration';
import { CONDUCT_TIME_NAMES, type ConductTimes, conductTimeOverrides, resolveConductConfig } from '../conduct';
import {
  type ConfigOverrides,
  type CounterCheckConfig,
  DEFAULT_CONFIG,
  resolveConfig,
} from '../config';

/**
 * A station's setup as a supervisor copies it from one station to others: which rules are on, the
 * thresholds that differ from the defaults, the calibration, the enrolled badge, the language. Never the
 * station id: each browser keeps its own pseudonym. Pure: validation takes the clock as `nowMs`.
 */

export type SetupLanguage = 'zh' | 'en' | 'both';
export const SETUP_LANGUAGES: readonly SetupLanguage[] = ['zh', 'en', 'both'];
export const DEFAULT_SETUP_LANGUAGE: SetupLanguage = 'both';

/** Threshold overrides by config section, each a plain number (units in the names; see config.ts). */
export type ThresholdOverrides = ConfigOverrides;

/** How often monitoring works (see `MONITOR_RATE_DEFAULTS`), set away from the defaults; absent = the default. */
export type MonitorRates = { readonly [Name in MonitorRateName]?: number };

export interface StationSetup extends MonitorRates {
  readonly language: SetupLanguage;
  /** The rules this station checks; null = every rule. */
  readonly enabledRuleIds: readonly string[] | null;
  readonly thresholds: ThresholdOverrides;
  /** When conduct counts while monitoring (the allowed absence, event holds, longest eye closure), set away from the defaults; absent = none. */
  readonly conductTimes?: ConductTimes;
}

/**
 * How often monitoring works, unless a station or the address sets its own: `monitorFps` frames a second
 * (enough for the time rules, light on the machine) and the object detector (phones, cups, food) on at
 * most one frame every `monitorObjectsEveryMs`. A slower computer wants fewer of both.
 */
export const MONITOR_RATE_DEFAULTS = { monitorFps: 5, monitorObjectsEveryMs: 1000 } as const;
export type MonitorRateName = keyof typeof MONITOR_RATE_DEFAULTS;
export const MONITOR_RATE_NAMES = Object.keys(MONITOR_RATE_DEFAULTS) as MonitorRateName[];
/** What a station may choose: one frame every 5 s (the time rules still see a 3 s event begin) up to a camera's 30; objects up to once a minute. */
export const MONITOR_RATE_RANGES: Readonly<Record<MonitorRateName, readonly [number, number]>> = {
  monitorFps: [0.2, 30],
  monitorObjectsEveryMs: [100, 60_000],
};

/** Null for a monitoring rate within its range, else the problem. */
export function monitorRateProblem(name: MonitorRateName, value: unknown, path: string = name): string | null {
  const [min, max] = MONITOR_RATE_RANGES[name];
  const inRange = typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max;
  return inRange ? null : `${path}: not a number within ${min}..${max}`;
}

/** The problems of the monitoring rates an object (a setup, a settings record) sets. */
export const monitorRatesProblems = (setup: Record<string, unknown>, pathPrefix = ''): string[] =>
  MONITOR_RATE_NAMES.flatMap((name) => {
    const problem = setup[name] === undefined ? null : monitorRateProblem(name, setup[name], `${pathPrefix}${name}`);
    return problem ? [problem] : [];
  });

/** Only the monitoring rates a setup or settings record sets, for copying into another. */
export const monitorRatesOf = (setup: MonitorRates): MonitorRates =>
  Object.fromEntries(MONITOR_RATE_NAMES.flatMap((name) => (setup[name] === undefined ? [] : [[name, setup[name]]])));

export const DEFAULT_STATION_SETUP: StationSetup = { language: DEFAULT_SETUP_LANGUAGE, enabledRuleIds: null, thresholds: {} };

export const SETUP_FILE_FORMAT = 'countercheck-station-setup';
export const SETUP_FILE_VERSION = 1;

/** The exported JSON file. */
export interface StationSetupFile {
  readonly format: typeof SETUP_FILE_FORMAT;
  readonly version: typeof SETUP_FILE_VERSION;
  readonly exportedAtMs: number;
  readonly setup: StationSetup;
  /** The exporting station's calibration; null when it had none (an import then keeps the station's own). */
  readonly calibration: StationCalibration | null;
  /**
   * The exporting station's enrolled badge (numbers only, no picture); absent or null when it had none (an
   * import then keeps the station's own). Optional: files written before badges travelled have no such field.
   */
  readonly enrolledBadge?: EnrolledBadge | null;
}

/** Bounds on what a setup file may hold. */
export const SETUP_LIMITS = Object.freeze({
  /**
   * Largest file read, characters (the file is ASCII JSON: bytes). 256 KB: an enrolled badge at its largest
   * (8 views of 16 x 32 grey levels and 64 colour bins, 5 decimals) is about 89 KB as the app writes it (two-space
   * indent, a number a line) and about 37 KB compact (station-setup.test.ts); the 64 KB this was before badges travelled refused it.
   * Still small enough to turn away other files (a summary export) before parsing them.
   */
  fileMaxBytes: 256 * 1024,
  /** Most problems listed in a report. */
  problemsMax: 20,
  /** Most rule ids listed. */
  rulesMax: 64,
});

const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
const SECTIONS = Object.keys(DEFAULT_CONFIG) as (keyof CounterCheckConfig)[];

const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === null || Object.getPrototypeOf(proto) === null;
};

const quote = (key: string): string => JSON.stringify(key.length > 40 ? `${key.slice(0, 40)}…` : key);

/** Problems with the keys of an object: forbidden, unknown, or missing. */
function shapeProblems(value: Record<string, unknown>, path: string, required: readonly string[], optional: readonly string[] = []): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key)) problems.push(`${path}: forbidden key ${quote(key)}`);
    else if (!required.includes(key) && !optional.includes(key)) problems.push(`${path}: unknown field ${quote(key)}`);
  }
  for (const key of required) if (!Object.hasOwn(value, key)) problems.push(`${path}: missing field "${key}"`);
  return problems;
}

/** Null for a known language, else the problem. */
export function languageProblem(value: unknown, path = 'language'): string | null {
  return SETUP_LANGUAGES.includes(value as SetupLanguage) ? null : `${path}: not one of ${SETUP_LANGUAGES.join(', ')}`;
}

/** Problems with an object of named numbers: known names, each a finite number. */
function numberFieldProblems(value: Record<string, unknown>, path: string, names: readonly string[]): string[] {
  const problems = shapeProblems(value, path, [], names);
  for (const [name, number] of Object.entries(value)) {
    if (typeof number !== 'number' || !Number.isFinite(number)) problems.push(`${path}.${name}: not a finite number`);
  }
  return problems;
}

/** The range check of the config the values resolve into, as a problem list (empty when they resolve). */
function resolveProblems(path: string, resolve: () => unknown): string[] {
  try {
    resolve();
    return [];
  } catch (error) {
    return [`${path}: ${error instanceof Error ? error.message : String(error)}`];
  }
}

/** Problems with threshold overrides: known sections and names, plain numbers, each within its allowed range. */
export function thresholdProblems(value: unknown, path = 'thresholds'): string[] {
  if (!isPlainObject(value)) return [`${path}: not an object`];
  const problems = shapeProblems(value, path, [], SECTIONS);
  for (const section of SECTIONS) {
    const overrides = value[section];
    if (overrides === undefined) continue;
    if (!isPlainObject(overrides)) {
      problems.push(`${path}.${section}: not an object`);
      continue;
    }
    problems.push(...numberFieldProblems(overrides, `${path}.${section}`, Object.keys(DEFAULT_CONFIG[section])));
  }
  if (problems.length) return problems;
  return resolveProblems(path, () => resolveConfig(value as ConfigOverrides));
}

/** Problems with conduct times: known names, plain numbers, each within the conduct config's range. */
export function conductTimesProblems(value: unknown, path = 'conductTimes'): string[] {
  if (!isPlainObject(value)) return [`${path}: not an object`];
  const problems = numberFieldProblems(value, path, CONDUCT_TIME_NAMES);
  if (problems.length) return problems;
  return resolveProblems(path, () => resolveConductConfig(conductTimeOverrides(value as ConductTimes)));
}

/** Problems with a rule list: strings, rules this version knows, none twice. */
export function enabledRuleProblems(value: unknown, knownRuleIds: readonly string[], path = 'enabledRuleIds'): string[] {
  if (value === null) return [];
  if (!Array.isArray(value)) return [`${path}: not a list (or null for every rule)`];
  if (value.length > SETUP_LIMITS.rulesMax) return [`${path}: more than ${SETUP_LIMITS.rulesMax} rules`];
  const problems: string[] = [];
  value.forEach((id: unknown, index) => {
    if (typeof id !== 'string') problems.push(`${path}[${index}]: not a string`);
    else if (!knownRuleIds.includes(id)) problems.push(`${path}[${index}]: unknown rule ${quote(id)} in this version`);
  });
  if (new Set(value).size !== value.length) problems.push(`${path}: a rule is listed twice`);
  return problems;
}

export interface ValidateSetupOptions {
  readonly nowMs: number;
  /** The rule ids this version has. */
  readonly knownRuleIds: readonly string[];
}

export type SetupFileResult =
  | { readonly ok: true; readonly file: StationSetupFile }
  | { readonly ok: false; readonly problems: readonly string[] };

/**
 * Checks a parsed setup file, whole: every problem found is listed (up to `SETUP_LIMITS.problemsMax`),
 * and a file with any problem is refused as a whole, so a station is never left half set up.
 */
export function validateStationSetupFile(value: unknown, options: ValidateSetupOptions): SetupFileResult {
  const refuse = (problems: string[]): SetupFileResult => ({
    ok: false,
    problems:
      problems.length > SETUP_LIMITS.problemsMax
        ? [...problems.slice(0, SETUP_LIMITS.problemsMax), `… and ${problems.length - SETUP_LIMITS.problemsMax} more`]
        : problems,
  });
  if (!isPlainObject(value)) return refuse(['file: not a JSON object']);
  if (value.format !== SETUP_FILE_FORMAT) {
    return refuse([`format: not "${SETUP_FILE_FORMAT}" (is this a station setup file? Summaries are imported in the Supervisor screen)`]);
  }
  if (value.version !== SETUP_FILE_VERSION) return refuse([`version: ${String(value.version)}, this app reads version ${SETUP_FILE_VERSION}`]);
  const problems = shapeProblems(value, 'file', ['format', 'version', 'exportedAtMs', 'setup', 'calibration'], ['enrolledBadge']);
  const exportedAtMs = value.exportedAtMs;
  if (typeof exportedAtMs !== 'number' || !Number.isInteger(exportedAtMs) || exportedAtMs < Date.UTC(2020, 0, 1)) {
    problems.push('exportedAtMs: not a date since 2020');
  } else if (exportedAtMs > options.nowMs + 86_400_000) problems.push('exportedAtMs: a date in the future');
  const setup = value.setup;
  if (!isPlainObject(setup)) problems.push('setup: not an object');
  else {
    problems.push(...shapeProblems(setup, 'setup', ['language', 'enabledRuleIds', 'thresholds'], ['conductTimes', ...MONITOR_RATE_NAMES]));
    if (setup.conductTimes !== undefined) problems.push(...conductTimesProblems(setup.conductTimes, 'setup.conductTimes'));
    problems.push(...monitorRatesProblems(setup, 'setup.'));
    const language = languageProblem(setup.language, 'setup.language');
    if (language) problems.push(language);
    problems.push(...enabledRuleProblems(setup.enabledRuleIds, options.knownRuleIds, 'setup.enabledRuleIds'));
    problems.push(...thresholdProblems(setup.thresholds, 'setup.thresholds'));
  }
  if (value.calibration !== null && (!isPlainObject(value.calibration) || !isStationCalibration(value.calibration))) {
    problems.push('calibration: not a valid station calibration (or null)');
  }
  if (value.enrolledBadge !== undefined && value.enrolledBadge !== null) {
    const badge = enrolledBadgeProblem(value.enrolledBadge, options.nowMs);
    if (badge) problems.push(`${badge} (the enrolled badge is damaged; enrol it again on the exporting station and export again)`);
  }
  if (problems.length) return refuse(problems);
  return { ok: true, file: value as unknown as StationSetupFile };
}

/**
 * The file a station exports. Returns new data: the inputs are copied, never shared. Without an enrolled
 * badge the field is left out, so the file stays as readable by a version from before badges travelled.
 */
export function stationSetupFile(
  setup: StationSetup,
  calibration: StationCalibration | null,
  exportedAtMs: number,
  enrolledBadge: EnrolledBadge | null = null,
): StationSetupFile {
  return structuredClone({
    format: SETUP_FILE_FORMAT,
    version: SETUP_FILE_VERSION,
    exportedAtMs,
    setup: {
      language: setup.language,
      enabledRuleIds: setup.enabledRuleIds,
      thresholds: setup.thresholds,
      // left out when none, so the file stays readable by a version from before conduct times and rates travelled
      ...(setup.conductTimes && Object.keys(setup.conductTimes).length ? { conductTimes: setup.conductTimes } : {}),
      ...monitorRatesOf(setup),
    },
    calibration,
    ...(enrolledBadge ? { enrolledBadge } : {}),
  });
}

/** Parses and validates the text of a setup file; a parse error or an over-large file is a problem too. */
export function parseStationSetupFile(text: string, options: ValidateSetupOptions): SetupFileResult {
  if (text.length > SETUP_LIMITS.fileMaxBytes) {
    return { ok: false, problems: [`file: ${text.length} characters, more than ${SETUP_LIMITS.fileMaxBytes} (not a setup file)`] };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [`file: not valid JSON (${error instanceof Error ? error.message : String(error)})`] };
  }
  return validateStationSetupFile(parsed, options);
}

/** The thresholds in force: the defaults with the overrides applied (valid overrides assumed). */
export const configForSetup = (setup: StationSetup): CounterCheckConfig => resolveConfig(setup.thresholds);

/** How many thresholds a setup sets away from their defaults. */
export function countThresholdOverrides(thresholds: ThresholdOverrides): number {
  return SECTIONS.reduce((sum, section) => sum + Object.keys(thresholds[section] ?? {}).length, 0);
}
