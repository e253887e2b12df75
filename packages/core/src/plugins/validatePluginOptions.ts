import semver from 'semver';
import { ValidationError } from '@trellis/extensions';
import { CONFIG_FIELD_TYPES, type ConfigSchema } from '../config/ConfigSchema.js';
import { checkConfigValue } from '../config/checkConfigValue.js';
import { describeValue } from '../config/describeValue.js';
import { isStandardSchema } from '../config/isStandardSchema.js';
import type { PluginConfigSchema } from '../config/PluginConfigSchema.js';
import { PLUGIN_NAME_PATTERN } from './PLUGIN_NAME_PATTERN.js';
import type { DependencySpec, PluginMetadata, PluginOptions, ProviderDefinition } from './PluginOptions.js';

/** Options of {@link validatePluginOptions}. */
export interface ValidatePluginOptionsOptions {
  /** When false only the name is checked (the manager's `validateMetadata: false`). */
  readonly strict?: boolean;
}

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function normaliseDependencies(
  label: string,
  spec: DependencySpec | undefined,
  problems: string[],
  strict: boolean,
): Record<string, string> {
  const result: Record<string, string> = {};
  if (spec === undefined) return result;
  if (Array.isArray(spec)) {
    for (const name of spec as readonly unknown[]) {
      if (typeof name !== 'string' || !PLUGIN_NAME_PATTERN.test(name)) {
        problems.push(`${label}: ${describeValue(name)} is not a valid plugin name`);
      } else result[name] = '*';
    }
    return result;
  }
  if (!isRecord(spec)) {
    problems.push(`${label} must be an object of name → semver range or an array of names`);
    return result;
  }
  for (const [name, range] of Object.entries(spec)) {
    if (!PLUGIN_NAME_PATTERN.test(name)) problems.push(`${label}: '${name}' is not a valid plugin name`);
    else if (typeof range !== 'string' || (strict && semver.validRange(range) === null)) {
      problems.push(`${label}.${name}: ${describeValue(range)} is not a valid semver range`);
    } else result[name] = range;
  }
  return result;
}

function checkSchema(schema: unknown, problems: string[]): PluginConfigSchema | undefined {
  if (schema === undefined) return undefined;
  if (isStandardSchema(schema)) return schema;
  if (!isRecord(schema)) {
    problems.push('config must be an object of key → field schema, or a Standard Schema (zod, valibot…)');
    return undefined;
  }
  for (const [key, field] of Object.entries(schema)) {
    if (!isRecord(field)) {
      problems.push(`config.${key} must be a field schema object`);
      continue;
    }
    if (!(CONFIG_FIELD_TYPES as readonly unknown[]).includes(field.type)) {
      problems.push(
        `config.${key}.type ${describeValue(field.type)} is not one of ${CONFIG_FIELD_TYPES.join(', ')}`,
      );
      continue;
    }
    for (const bound of ['min', 'max'] as const) {
      const limit = field[bound];
      if (limit !== undefined && (typeof limit !== 'number' || Number.isNaN(limit))) {
        problems.push(`config.${key}.${bound} must be a number, got ${describeValue(limit)}`);
      }
    }
    if (typeof field.min === 'number' && typeof field.max === 'number' && field.min > field.max) {
      problems.push(`config.${key}: min (${field.min}) is greater than max (${field.max})`);
    }
    for (const flag of ['required', 'secret'] as const) {
      const set = field[flag];
      if (set !== undefined && typeof set !== 'boolean') {
        problems.push(`config.${key}.${flag} must be true or false, got ${describeValue(set)}`);
      }
    }
    if (field.description !== undefined && typeof field.description !== 'string') {
      problems.push(`config.${key}.description must be a string`);
    }
    if (field.enum !== undefined && !Array.isArray(field.enum))
      problems.push(`config.${key}.enum must be an array`);
    if (field.default !== undefined) {
      const wrong = checkConfigValue(field as unknown as ConfigSchema[string], field.default);
      for (const message of wrong) problems.push(`config.${key}.default ${message}`);
    }
  }
  return schema as ConfigSchema;
}

function checkProviders(provides: unknown, problems: string[]): ProviderDefinition[] {
  if (provides === undefined) return [];
  if (!Array.isArray(provides)) {
    problems.push('provides must be an array');
    return [];
  }
  const valid: ProviderDefinition[] = [];
  (provides as readonly unknown[]).forEach((entry, index) => {
    if (!isRecord(entry)) {
      problems.push(`provides[${index}] must be an object`);
      return;
    }
    const token = entry.token;
    if (typeof token !== 'symbol' && typeof token !== 'string' && typeof token !== 'function') {
      problems.push(`provides[${index}].token must be a token, string or class`);
      return;
    }
    const kinds = ['useClass', 'useValue', 'useFactory'].filter((kind) => kind in entry);
    if (kinds.length !== 1) {
      problems.push(`provides[${index}] needs exactly one of useClass, useValue, useFactory`);
      return;
    }
    if ('useClass' in entry && typeof entry.useClass !== 'function') {
      problems.push(`provides[${index}].useClass must be a class`);
      return;
    }
    if ('useFactory' in entry && typeof entry.useFactory !== 'function') {
      problems.push(`provides[${index}].useFactory must be a function`);
      return;
    }
    if ('scope' in entry && entry.scope !== 'singleton' && entry.scope !== 'consumer') {
      problems.push(
        `provides[${index}].scope must be 'singleton' or 'consumer', got ${describeValue(entry.scope)}`,
      );
      return;
    }
    if (entry.scope === 'consumer' && !('useFactory' in entry)) {
      problems.push(
        `provides[${index}]: scope 'consumer' needs useFactory: (providerCtx, consumerCtx) => value`,
      );
      return;
    }
    valid.push(entry as unknown as ProviderDefinition);
  });
  return valid;
}

/**
 * Checks a plugin's declared options and returns them normalised (defaults applied, dependency
 * lists turned into `name → '*'`). Every problem is reported in one `ValidationError`.
 */
export function validatePluginOptions(
  options: PluginOptions,
  settings: ValidatePluginOptionsOptions = {},
): PluginMetadata {
  const strict = settings.strict ?? true;
  const { name } = options as { name?: unknown };
  if (typeof name !== 'string' || !PLUGIN_NAME_PATTERN.test(name)) {
    throw new ValidationError(
      `Invalid plugin name ${describeValue(name)}: a name must match ${String(PLUGIN_NAME_PATTERN)} ` +
        `(letters, digits, '.', '_', '-', not starting with a symbol). Fix the name in @plugin().`,
    );
  }
  const problems: string[] = [];
  const version = options.version ?? '0.0.0';
  if (strict && (typeof version !== 'string' || semver.valid(version) === null)) {
    problems.push(`version ${describeValue(version)} is not a valid semver version (e.g. '1.2.3')`);
  }
  const dependencies = normaliseDependencies('dependencies', options.dependencies, problems, strict);
  const optionalDependencies = normaliseDependencies(
    'optionalDependencies',
    options.optionalDependencies,
    problems,
    strict,
  );
  if (Object.hasOwn(dependencies, name) || Object.hasOwn(optionalDependencies, name))
    problems.push(`it cannot depend on itself`);
  const engines = options.engines ?? {};
  if (
    strict &&
    engines.trellis !== undefined &&
    (typeof engines.trellis !== 'string' || semver.validRange(engines.trellis) === null)
  ) {
    problems.push(`engines.trellis ${describeValue(engines.trellis)} is not a valid semver range`);
  }
  const permissions = options.permissions ?? [];
  if (
    strict &&
    (!Array.isArray(permissions) ||
      !(permissions as readonly unknown[]).every((entry) => typeof entry === 'string'))
  ) {
    problems.push('permissions must be an array of strings');
  }
  const config = strict ? checkSchema(options.config, problems) : options.config;
  const provides = strict ? checkProviders(options.provides, problems) : [...(options.provides ?? [])];
  if (problems.length > 0) {
    throw new ValidationError(
      `Invalid metadata for plugin '${name}': ${problems.join('; ')}. Fix its @plugin() options.`,
    );
  }
  return Object.freeze({
    name,
    version,
    description: options.description,
    author: options.author,
    dependencies: Object.freeze(dependencies),
    optionalDependencies: Object.freeze(optionalDependencies),
    engines: Object.freeze({ ...engines }),
    permissions: Object.freeze([...permissions]),
    config,
    provides: Object.freeze(provides),
  });
}
