import type { ConfigProblem } from '../errors/ConfigValidationError.js';
import { checkConfigValue } from './checkConfigValue.js';
import type { StandardSchemaV1 } from '@standard-schema/spec';
import { describeType } from './describeValue.js';
import { isStandardSchema } from './isStandardSchema.js';
import type { PluginConfigSchema } from './PluginConfigSchema.js';

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

const issueKey = (issue: StandardSchemaV1.Issue): string => {
  const path = (issue.path ?? []).map((segment) =>
    typeof segment === 'object' ? String(segment.key) : String(segment),
  );
  return path.length === 0 ? '(section)' : path.join('.');
};

/**
 * Validates a section with a Standard Schema (zod, valibot, arktype…): its output is the effective
 * config, its issues the problems. A missing section is validated as `{}`; an asynchronous schema
 * is a problem (config is validated synchronously, before the plugin is created).
 */
function validateStandard(schema: StandardSchemaV1, section: unknown): ConfigValidation {
  let result: StandardSchemaV1.Result<unknown> | Promise<StandardSchemaV1.Result<unknown>>;
  try {
    result = schema['~standard'].validate(section ?? {});
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { value: {}, problems: [{ key: '(section)', message: `the schema threw: ${reason}` }] };
  }
  if (result instanceof Promise) {
    result.catch(() => undefined);
    return {
      value: {},
      problems: [
        {
          key: '(schema)',
          message:
            'validates asynchronously; a config schema must validate synchronously (no async refinements)',
        },
      ],
    };
  }
  if (result.issues !== undefined) {
    return {
      value: {},
      problems: result.issues.map((issue) => ({ key: issueKey(issue), message: issue.message })),
    };
  }
  const value = result.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {
      value: {},
      problems: [
        { key: '(section)', message: `the schema's output is ${describeType(value)}, not an object` },
      ],
    };
  }
  return { value: value as Readonly<Record<string, unknown>>, problems: [] };
}

/**
 * Validates a plugin's config section against its schema and applies defaults. Keys the schema
 * does not declare are kept as given. Every problem is returned, not only the first.
 */
export function validateConfig(schema: PluginConfigSchema | undefined, section: unknown): ConfigValidation {
  if (schema === undefined && section === undefined) return NO_CONFIG;
  if (isStandardSchema(schema)) return validateStandard(schema, section);
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
    // Own properties only: a field named `toString` or `constructor` is a field like any other.
    const current = Object.hasOwn(given, key) ? given[key] : undefined;
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
