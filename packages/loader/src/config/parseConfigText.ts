import { parse as parseToml, TomlError } from 'smol-toml';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { ConfigFileError } from '../errors/ConfigFileError.js';
import { parseJson } from '../files/parseJson.js';

/** A config file format. */
export type ConfigFormat = 'json' | 'yaml' | 'toml' | 'module';

/**
 * Parses a data config file with its format's library (no code evaluated: YAML core schema, no custom
 * tags). Throws `TRELLIS_CONFIG_PARSE` with line and column. Internal.
 */
export function parseConfigText(
  text: string,
  format: Exclude<ConfigFormat, 'module'>,
  file: string,
): unknown {
  const fail = (
    message: string,
    line: number | undefined,
    column: number | undefined,
    cause?: unknown,
  ): ConfigFileError =>
    new ConfigFileError(
      `Config file '${file}${line === undefined ? '' : `:${String(line)}:${String(column)}`}' is not valid ${format.toUpperCase()}: ${message}`,
      { code: ConfigFileError.PARSE, file, line, column, cause },
    );
  if (format === 'json') {
    const parsed = parseJson(text);
    if ('problem' in parsed) throw fail(parsed.problem.message, parsed.problem.line, parsed.problem.column);
    return parsed.value;
  }
  if (format === 'yaml') {
    try {
      return parseYaml(text, { schema: 'core', uniqueKeys: true, maxAliasCount: 100 }) as unknown;
    } catch (error) {
      if (error instanceof YAMLParseError) {
        const at = error.linePos?.[0];
        throw fail(firstLine(error.message), at?.line, at?.col, error);
      }
      throw fail(String(error), undefined, undefined, error);
    }
  }
  try {
    return parseToml(text);
  } catch (error) {
    if (error instanceof TomlError) throw fail(firstLine(error.message), error.line, error.column, error);
    throw fail(String(error), undefined, undefined, error);
  }
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
