import type { PluginConfig } from './PluginConfig.js';

const lookup = (values: Readonly<Record<string, unknown>>, key: string): unknown => {
  if (Object.hasOwn(values, key)) return values[key];
  if (!key.includes('.')) return undefined;
  let current: unknown = values;
  for (const segment of key.split('.')) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, segment)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
};

const isEmpty = (values: Readonly<Record<string, unknown>>): boolean => {
  for (const key in values) if (Object.hasOwn(values, key)) return false;
  return true;
};

const NO_VALUES: Readonly<Record<string, unknown>> = Object.freeze({});

/** The accessor of an empty section, shared by every plugin that has one. */
const EMPTY_CONFIG: PluginConfig = Object.freeze({
  get: <T>(_key: string, defaultValue?: T): T | undefined => defaultValue,
  has: () => false,
  all: () => NO_VALUES,
});

/** Creates the {@link PluginConfig} accessor over an effective config section. */
export function createPluginConfig(values: Readonly<Record<string, unknown>>): PluginConfig {
  if (isEmpty(values)) return EMPTY_CONFIG;
  const frozen = Object.freeze({ ...values });
  function get<T>(key: string, defaultValue?: T): T | undefined {
    const value = lookup(frozen, key);
    return value === undefined ? defaultValue : (value as T);
  }
  return Object.freeze({
    get: get,
    has: (key: string) => lookup(frozen, key) !== undefined,
    all: () => frozen,
  });
}
