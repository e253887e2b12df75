import { TrellisError, type PermissionChecker } from '@trellis/core';
import type { StorageDriver, StorageSetOptions } from '../driver/StorageDriver.js';
import { StorageError } from '../errors/StorageError.js';
import type { PluginStorage } from './PluginStorage.js';
import { toJsonText } from './toJsonText.js';

/** The longest key a plugin may use, in UTF-8 bytes (LMDB's limit, less room for the namespace). */
const MAX_KEY_BYTES = 1000;

/** A UTF-16 surrogate without its pair: such keys would not survive UTF-8. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The namespace of a plugin's keys in a driver: its name and a `/`, a character plugin names cannot
 * hold, so no key of one plugin is a key of another. Internal.
 */
export const namespaceOf = (plugin: string): string => `${plugin}/`;

function checkKey(key: unknown, plugin: string, what: string): string {
  if (typeof key !== 'string') {
    throw new StorageError(`plugin "${plugin}" used a ${typeof key} as a storage ${what}; use a string`, {
      code: 'TRELLIS_STORAGE_KEY',
      plugin,
    });
  }
  const tooLong = Buffer.byteLength(key, 'utf8') > MAX_KEY_BYTES;
  if ((what === 'key' && key === '') || tooLong || LONE_SURROGATE.test(key)) {
    const problem =
      key === ''
        ? 'is empty'
        : tooLong
          ? `is longer than ${String(MAX_KEY_BYTES)} UTF-8 bytes`
          : 'holds a lone surrogate';
    throw new StorageError(
      `plugin "${plugin}" used a storage ${what} that ${problem}; use a non-empty, well-formed string of at most ${String(MAX_KEY_BYTES)} bytes`,
      {
        code: 'TRELLIS_STORAGE_KEY',
        plugin,
      },
    );
  }
  return key;
}

/**
 * Builds the storage facade of one plugin over a driver: keys are checked and namespaced, values
 * checked and serialised as JSON. `driver` is a function so the facade follows a driver reopened
 * after a restart.
 */
export function createPluginStorage(
  plugin: string,
  driver: () => StorageDriver,
  permissions?: PermissionChecker,
): PluginStorage {
  const ns = namespaceOf(plugin);
  const wrap = async <T>(operation: () => Promise<T>): Promise<T> => {
    const denied = permissions?.denial('storage'); // section 9: a plugin enforced needs `storage`
    if (denied !== undefined) throw denied;
    try {
      return await operation();
    } catch (error) {
      // Trellis errors (a StorageError, a driver's TransportError during an outage) keep their code.
      if (TrellisError.is(error)) throw error;
      throw new StorageError(
        `storage of plugin "${plugin}" failed: ${error instanceof Error ? error.message : String(error)}`,
        {
          code: 'TRELLIS_STORAGE_DRIVER',
          plugin,
          cause: error,
        },
      );
    }
  };
  return Object.freeze({
    plugin,
    get<T = unknown>(key: string): Promise<T | undefined> {
      return wrap(async () => {
        const text = await driver().get(ns + checkKey(key, plugin, 'key'));
        return text === undefined ? undefined : (JSON.parse(text) as T);
      });
    },
    set(key: string, value: unknown, options?: StorageSetOptions): Promise<void> {
      const ttl = options?.ttl;
      if (ttl !== undefined && (typeof ttl !== 'number' || !Number.isFinite(ttl) || ttl <= 0)) {
        return Promise.reject(
          new StorageError(
            `plugin "${plugin}" gave key ${JSON.stringify(key)} a ttl of ${String(ttl)}; a ttl is a positive number of milliseconds`,
            { code: 'TRELLIS_STORAGE_VALUE', plugin },
          ),
        );
      }
      return wrap(() =>
        driver().set(ns + checkKey(key, plugin, 'key'), toJsonText(value, plugin, key), options),
      );
    },
    has(key: string): Promise<boolean> {
      return wrap(() => driver().has(ns + checkKey(key, plugin, 'key')));
    },
    delete(key: string): Promise<boolean> {
      return wrap(() => driver().delete(ns + checkKey(key, plugin, 'key')));
    },
    keys(prefix = ''): Promise<string[]> {
      return wrap(async () => {
        const found = await driver().keys(ns + checkKey(prefix, plugin, 'prefix'));
        return found.map((key) => key.slice(ns.length));
      });
    },
    clear(): Promise<void> {
      return wrap(() => driver().clear(ns));
    },
  });
}
