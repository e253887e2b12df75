import type { ConfigProblem } from '../errors/ConfigValidationError.js';
import type { TrellisWarning } from '../logging/TrellisWarning.js';
import { closestName } from './closestName.js';
import { isStandardSchema } from './isStandardSchema.js';
import type { PluginConfigSchema } from './PluginConfigSchema.js';
import { validateConfig, type ConfigValidation } from './validateConfig.js';
import { ISOLATION_KEYS } from '../isolation/IsolationSettings.js';

/** What {@link ConfigSections} reports to. Internal. */
export interface ConfigSectionsOptions {
  /** Unknown keys and sections are errors instead of warnings. */
  readonly strict: boolean;
  /** Where warnings go (the manager's `onWarning` and log). */
  readonly warn: (warning: TrellisWarning) => void;
}

/** Warning code: a config key the plugin's schema does not declare. */
export const CONFIG_UNKNOWN_KEY = 'TRELLIS_CONFIG_UNKNOWN_KEY';
/** Warning code: a config section named after no registered plugin. */
export const CONFIG_UNKNOWN_SECTION = 'TRELLIS_CONFIG_UNKNOWN_SECTION';

const isSection = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const didYouMean = (name: string, known: Iterable<string>): string => {
  const closest = closestName(name, known);
  return closest === undefined ? '' : ` Did you mean '${closest}'?`;
};

/**
 * The host's config sections, keyed by plugin name (a `Map`: a plugin may be named `constructor`),
 * and their validation: schema problems, plus unknown keys and sections reported as warnings (or,
 * under `strict`, as problems). `configure()` replaces a section. Internal.
 */
export class ConfigSections {
  readonly #sections = new Map<string, unknown>();
  readonly #options: ConfigSectionsOptions;
  /** Warnings already given, so a plugin loaded again does not repeat them. */
  readonly #warned = new Set<string>();

  constructor(initial: Readonly<Record<string, unknown>>, options: ConfigSectionsOptions) {
    for (const name of Object.keys(initial)) this.#sections.set(name, initial[name]);
    this.#options = options;
  }

  /** The section given for a plugin, as given. */
  section(name: string): unknown {
    return this.#sections.get(name);
  }

  /** Replaces a plugin's section (validated by the caller, which also gave its warnings). */
  set(name: string, section: unknown): void {
    this.#sections.set(name, section);
  }

  /**
   * Validates a section against a schema: the section kept by name, or `section` when given (to
   * check a replacement before applying it). Unknown keys are warned about once, or under `strict`
   * are problems.
   */
  validate(
    name: string,
    schema: PluginConfigSchema | undefined,
    section = this.#sections.get(name),
  ): ConfigValidation {
    const result = validateConfig(schema, section);
    if (schema === undefined || !isSection(section)) return result;
    // A Standard Schema declares what its output keeps: a given key it dropped is unknown to it.
    const standard = isStandardSchema(schema);
    if (standard && result.problems.length > 0) return result;
    const known = standard ? result.value : schema;
    let extra: ConfigProblem[] | undefined;
    for (const key of Object.keys(section)) {
      // `isolation`, `limits` and `restart` belong to the host (section 9) in every section
      if (Object.hasOwn(known, key) || ISOLATION_KEYS.includes(key)) continue;
      const hint = didYouMean(key, Object.keys(known));
      if (this.#options.strict) {
        (extra ??= []).push({ key, message: `is not declared in the plugin's config schema.${hint}` });
        continue;
      }
      const seen = `${name}\u0000${key}`;
      if (this.#warned.has(seen)) continue;
      this.#warned.add(seen);
      this.#options.warn({
        code: CONFIG_UNKNOWN_KEY,
        plugin: name,
        message:
          `Config key '${key}' of plugin '${name}' is not declared in its config schema and is ignored by it.${hint} ` +
          `Fix the key in the '${name}' section, or remove it.`,
      });
    }
    return extra === undefined ? result : { value: result.value, problems: [...result.problems, ...extra] };
  }

  /**
   * Sections named after no registered plugin: warned about once each; under `strict`, returned as
   * problems (the key is the section's name) for the caller to throw.
   */
  checkSections(registered: ReadonlyMap<string, unknown>): ConfigProblem[] {
    const problems: ConfigProblem[] = [];
    for (const name of this.#sections.keys()) {
      if (registered.has(name)) continue;
      const message =
        `Config section '${name}' matches no registered plugin.${didYouMean(name, registered.keys())} ` +
        `Fix the section name, or register the plugin before starting.`;
      if (this.#options.strict) {
        problems.push({ key: name, message });
        continue;
      }
      const seen = `\u0000section\u0000${name}`;
      if (this.#warned.has(seen)) continue;
      this.#warned.add(seen);
      this.#options.warn({ code: CONFIG_UNKNOWN_SECTION, message });
    }
    return problems;
  }
}
