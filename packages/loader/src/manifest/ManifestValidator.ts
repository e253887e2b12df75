import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import semver from 'semver';
import { toJsonPath } from '../files/toJsonPath.js';
import type { PluginManifest } from './PluginManifest.js';

/** One problem found in a manifest: where (JSON path) and what. */
export interface ManifestProblem {
  readonly jsonPath: string;
  readonly message: string;
}

/** Reads the JSON Schema shipped with the package (`@trellis/loader/schema/plugin.schema.json`). */
export function readManifestSchema(): Record<string, unknown> {
  const url = new URL('../../schema/plugin.schema.json', import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as Record<string, unknown>;
}

/**
 * Checks parsed `plugin.json` content against the package's JSON Schema (with `semver` and
 * `semver-range` formats). Compiles the schema once per instance: reuse one validator for many
 * manifests.
 */
export class ManifestValidator {
  readonly #validate: ValidateFunction;

  constructor() {
    const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
    ajv.addFormat('semver', { type: 'string', validate: (value) => semver.valid(value) !== null });
    ajv.addFormat('semver-range', {
      type: 'string',
      validate: (value) => semver.validRange(value) !== null,
    });
    this.#validate = ajv.compile(readManifestSchema());
  }

  /** The problems of `value` as a manifest; an empty list means it is a valid {@link PluginManifest}. */
  problems(value: unknown): ManifestProblem[] {
    if (this.#validate(value)) return [];
    return dedupe((this.#validate.errors ?? []).map(describe));
  }

  /** Whether `value` is a valid manifest. */
  isValid(value: unknown): value is PluginManifest {
    return this.#validate(value);
  }
}

function describe(error: ErrorObject): ManifestProblem {
  const params = error.params as Record<string, unknown>;
  const at = toJsonPath(error.instancePath);
  switch (error.keyword) {
    case 'required':
      return { jsonPath: at, message: `missing required field '${String(params.missingProperty)}'` };
    case 'additionalProperties':
      return { jsonPath: at, message: `unknown field '${String(params.additionalProperty)}'` };
    case 'format':
      return {
        jsonPath: at,
        message:
          params.format === 'semver'
            ? 'is not a semantic version (e.g. 1.2.0)'
            : 'is not a valid semver range (e.g. ^1.2.0)',
      };
    case 'enum':
      return { jsonPath: at, message: `must be one of ${JSON.stringify(params.allowedValues)}` };
    default:
      return { jsonPath: at, message: error.message ?? error.keyword };
  }
}

function dedupe(problems: ManifestProblem[]): ManifestProblem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.jsonPath} ${problem.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
