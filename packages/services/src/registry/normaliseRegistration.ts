import { ServiceValidationError } from '../errors/ServiceValidationError.js';
import type { ServiceDraft } from './ServiceDraft.js';

const NAME = /^\S{1,200}$/;

const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
};

/** The path of the first value in `value` that JSON cannot carry, or `undefined`. Internal. */
function findNonJson(value: unknown, path: string, seen: Set<object>): string | undefined {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : path;
  if (typeof value !== 'object') return path;
  if (seen.has(value)) return `${path} (a cycle)`;
  seen.add(value);
  try {
    if (Array.isArray(value)) {
      for (let index = 0; index < value.length; index++) {
        const found = findNonJson(value[index] as unknown, `${path}[${index}]`, seen);
        if (found !== undefined) return found;
      }
      return undefined;
    }
    if (!isPlainObject(value)) return path;
    for (const [key, child] of Object.entries(value)) {
      if (child === undefined) continue;
      const found = findNonJson(child, `${path}.${key}`, seen);
      if (found !== undefined) return found;
    }
    return undefined;
  } finally {
    seen.delete(value);
  }
}

/**
 * Checks a registration (as given to `register()`, or as returned by a `service.pre_register`
 * handler) and returns it normalised: tags deduplicated, metadata deep-copied. Throws
 * {@link ServiceValidationError} naming the plugin and the field. Internal.
 */
export function normaliseRegistration(plugin: string, input: unknown, stage: string): ServiceDraft {
  const fail = (problem: string): never => {
    throw new ServiceValidationError(
      `Plugin '${plugin}' registered an invalid service ${stage}: ${problem}.`,
      {
        plugin,
      },
    );
  };
  if (!isPlainObject(input)) return fail('register() takes an object { name, url?, tags?, metadata? }');
  const { name, url, tags, metadata } = input;
  if (name === undefined) fail("'name' is missing: give the service a name, e.g. { name: 'payments' }");
  if (typeof name !== 'string' || !NAME.test(name)) {
    fail(
      `'name' must be a non-empty string without whitespace of at most 200 characters, got ${describe(name)}`,
    );
  }
  if (url !== undefined && (typeof url !== 'string' || !URL.canParse(url))) {
    fail(`'url' must be an absolute URL such as 'http://127.0.0.1:4000', got ${describe(url)}`);
  }
  if (
    tags !== undefined &&
    (!Array.isArray(tags) || !tags.every((tag) => typeof tag === 'string' && NAME.test(tag)))
  ) {
    fail(`'tags' must be an array of non-empty strings without whitespace, got ${describe(tags)}`);
  }
  if (metadata !== undefined) {
    if (!isPlainObject(metadata)) fail(`'metadata' must be a plain object, got ${describe(metadata)}`);
    const found = findNonJson(metadata, 'metadata', new Set());
    if (found !== undefined)
      fail(`${found} is not a JSON value (plain objects, arrays, strings, numbers, booleans, null)`);
  }
  const draft: {
    name: string;
    url?: string;
    tags: string[];
    metadata: Record<string, unknown>;
    owner: string;
  } = {
    name: name as string,
    tags: [...new Set((tags as string[] | undefined) ?? [])],
    metadata: metadata === undefined ? {} : (JSON.parse(JSON.stringify(metadata)) as Record<string, unknown>),
    owner: plugin,
  };
  if (url !== undefined) draft.url = url as string;
  return draft;
}

function describe(value: unknown): string {
  try {
    if (typeof value === 'string') return JSON.stringify(value);
    if (value === null || typeof value !== 'object') return String(value);
    return Array.isArray(value) ? 'an array' : 'an object';
  } catch {
    return 'an unprintable value';
  }
}
