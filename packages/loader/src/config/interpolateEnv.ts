import { ConfigFileError } from '../errors/ConfigFileError.js';
import { jsonPathChild } from '../files/toJsonPath.js';

const REFERENCE = /\$\$\{|\$\{([^}]*)\}/g;
const INNER = /^([A-Za-z_][A-Za-z0-9_]*)(?::-(.*))?$/s;
const WHOLE = /^\$\{[^}]*\}$/;
const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/;

/**
 * Replaces `${VAR}` and `${VAR:-default}` in every string of a parsed config (keys untouched): plain
 * text substitution, nothing is evaluated. `$${` writes a literal `${`. A value that is exactly one
 * reference and resolves to a number or `true`/`false` becomes that number or boolean. A variable that
 * is unset (or empty, for `:-`) with no default throws `TRELLIS_CONFIG_ENV_MISSING`. Internal.
 */
export function interpolateEnv(
  value: unknown,
  env: Readonly<Record<string, string | undefined>>,
  file: string,
  path = '$',
): unknown {
  if (typeof value === 'string') return interpolateString(value, env, file, path);
  if (Array.isArray(value))
    return value.map((item, index) => interpolateEnv(item, env, file, jsonPathChild(path, index)));
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      Object.defineProperty(out, key, {
        value: interpolateEnv(item, env, file, jsonPathChild(path, key)),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  }
  return value;
}

function interpolateString(
  text: string,
  env: Readonly<Record<string, string | undefined>>,
  file: string,
  path: string,
): unknown {
  if (!text.includes('${')) return text;
  const result = text.replace(REFERENCE, (match: string, inner: string | undefined) => {
    if (inner === undefined) return '${';
    const parts = INNER.exec(inner);
    if (parts === null) {
      throw new ConfigFileError(
        `Config file '${file}' at ${path}: '${match}' is not a valid reference; write \${NAME} or \${NAME:-default} (NAME: letters, digits, _), or $\${ for a literal.`,
        { code: ConfigFileError.INVALID, file, jsonPath: path },
      );
    }
    const name = parts[1] ?? '';
    const fallback = parts[2];
    const current = Object.prototype.hasOwnProperty.call(env, name) ? env[name] : undefined;
    if (current !== undefined && (current !== '' || fallback === undefined)) return current;
    if (fallback !== undefined) return fallback;
    throw new ConfigFileError(
      `Config file '${file}' at ${path}: environment variable ${name} is not set and has no default; set it or write \${${name}:-default}.`,
      { code: ConfigFileError.ENV_MISSING, file, jsonPath: path },
    );
  });
  if (!WHOLE.test(text)) return result;
  if (NUMBER.test(result)) return Number(result);
  if (result === 'true' || result === 'false') return result === 'true';
  return result;
}

/** A plain object of any realm (or with a null prototype, as some parsers make), not a Date or class instance. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value) as object | null;
  return proto === null || Object.getPrototypeOf(proto) === null;
}
