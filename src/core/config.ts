/**
 * Thresholds and tunables, in one typed place. Every field carries its unit in its name.
 * Stations override parts of it; `resolveConfig` merges and range-checks once.
 */
export interface ObservationConfig {
  /** A pose landmark counts only when the model's visibility is at least this (0..1). Default 0.5. */
  readonly landmarkVisibilityMin: number;
}

export interface CounterCheckConfig {
  readonly observations: ObservationConfig;
}

export type ConfigOverrides = { readonly [K in keyof CounterCheckConfig]?: Partial<CounterCheckConfig[K]> };

export const DEFAULT_OBSERVATION_CONFIG: ObservationConfig = {
  landmarkVisibilityMin: 0.5,
};

export const DEFAULT_CONFIG: CounterCheckConfig = {
  observations: DEFAULT_OBSERVATION_CONFIG,
};

function checkUnitInterval(name: string, value: number): void {
  if (!(value >= 0 && value <= 1)) throw new RangeError(`${name} must be within 0..1, got ${value}`);
}

/** Merges overrides onto the defaults and throws early on out-of-range values. */
export function resolveConfig(overrides: ConfigOverrides = {}): CounterCheckConfig {
  const config: CounterCheckConfig = {
    observations: { ...DEFAULT_OBSERVATION_CONFIG, ...overrides.observations },
  };
  checkUnitInterval('observations.landmarkVisibilityMin', config.observations.landmarkVisibilityMin);
  return config;
}
