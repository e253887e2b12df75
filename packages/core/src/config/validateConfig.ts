import type { ConfigProblem } from '../errors/ConfigValidationError.js';
import { checkConfigValue } from './checkConfigValue.js';
import type { ConfigSchema } from './ConfigSchema.js';
import { describeType } from './describeValue.js';

/** The outcome of {@link validateConfig}. */
export interface ConfigValidation {
  /** The effective config: the section with defaults applied. */
  readonly value: Readonly<Record<string, unknown>>;
  /** Every problem found (empty when valid). */
  readonly problems: readonly ConfigProblem[];
}

const copyDefault = (value: unknown): unknown => {
  if (typeof value !== 'object' || value === null) return value;
  try {
    return structuredClone(value);
  } catch {
    return value;
  }
};

/** The outcome for a plugin without a schema or a section: shared, frozen. */
const NO_CONFIG: ConfigValidation = Object.freeze({
  value: Object.freeze({}),
  problems: Object.freeze([]),
});

/**
 * Validates a plugin's config section against its schema and applies defaults. Keys the schema
 * does not declare are kept as given. Every problem is returned, not only the first.
 */
export function validateConfig(schema: ConfigSchema | undefined, section: unknown): ConfigValidation {
  if (schema === undefined && section === undefined) return NO_CONFIG;
  if (section !== undefined && (typeof section !== 'object' || section === null || Array.isArray(section))) {
    return {
      value: {},
      problems: [{ key: '(section)', message: `expected an object, got ${describeType(section)}` }],
    };
  }
  const given = (section ?? {}) as Readonly<Record<string, unknown>>;
  if (schema === undefined) return { value: { ...given }, problems: [] };
  const value: Record<string, unknown> = { ...given };
  const problems: ConfigProblem[] = [];
  for (const [key, field] of Object.entries(schema)) {
    const current = given[key];
    if (current === undefined) {
      if (field.default !== undefined) value[key] = copyDefault(field.default);
      else if (field.required === true) {
        problems.push({ key, message: `is required (${field.type}) but missing` });
      }
      continue;
    }
    for (const message of checkConfigValue(field, current)) problems.push({ key, message });
  }
  return { value, problems };
}
