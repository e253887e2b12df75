import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import { toJsonPath } from '../files/toJsonPath.js';

/** Reads the config-file JSON Schema shipped with the package. */
export function readConfigSchema(): Record<string, unknown> {
  const url = new URL('../../schema/trellis.config.schema.json', import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as Record<string, unknown>;
}

/** Checks the shape of a parsed config file; returns its problems (JSON path and message). Internal. */
export class ConfigValidator {
  readonly #validate: ValidateFunction;
  /** The top-level keys the schema knows. */
  readonly knownKeys: readonly string[];

  constructor() {
    const schema = readConfigSchema();
    this.#validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    this.knownKeys = Object.keys(schema.properties as object).filter((key) => key !== '$schema');
  }

  problems(value: unknown): { jsonPath: string; message: string }[] {
    if (this.#validate(value)) return [];
    const seen = new Set<string>();
    const problems: { jsonPath: string; message: string }[] = [];
    for (const error of this.#validate.errors ?? []) {
      // A failed oneOf repeats the failures of each branch; keep the summary and the simplest ones.
      if (error.keyword === 'oneOf' || error.schemaPath.includes('/oneOf/1/')) continue;
      const params = error.params as Record<string, unknown>;
      const message =
        error.keyword === 'additionalProperties'
          ? `unknown key '${String(params.additionalProperty)}'`
          : error.keyword === 'enum'
            ? `must be one of ${JSON.stringify(params.allowedValues)}`
            : (error.message ?? error.keyword);
      const problem = { jsonPath: toJsonPath(error.instancePath), message };
      const key = `${problem.jsonPath} ${problem.message}`;
      if (!seen.has(key)) {
        seen.add(key);
        problems.push(problem);
      }
    }
    return problems;
  }
}
