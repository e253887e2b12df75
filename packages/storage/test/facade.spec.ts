import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  EmbeddedDriver,
  MemoryDriver,
  StorageError,
  createPluginStorage,
  type StorageDriver,
} from '@trellis/storage';

const root = mkdtempSync(join(tmpdir(), 'trellis-storage-facade-'));
let count = 0;

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

const pluginName = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,12}$/);
const hostileKey = fc.oneof(
  fc.string({ minLength: 1, maxLength: 40, unit: 'grapheme' }),
  fc.constantFrom(
    '../x',
    '/',
    '//',
    'a/../../b',
    '\u0000',
    '*',
    '?',
    '[',
    '\\',
    'constructor',
    '__proto__',
    ' ',
  ),
  fc.tuple(pluginName, fc.string({ maxLength: 10 })).map(([p, k]) => `${p}/${k || 'x'}`),
);

describe('createPluginStorage', () => {
  for (const [label, make] of [
    ['memory', () => new MemoryDriver()],
    ['embedded', () => new EmbeddedDriver({ dir: join(root, String(++count)) })],
  ] as const) {
    describe(`when two plugins use hostile key names on one ${label} driver`, () => {
      it('should never let one plugin read, list, delete or clear the keys of the other', async () => {
        const driver: StorageDriver = make();
        try {
          await fc.assert(
            fc.asyncProperty(
              fc.tuple(pluginName, pluginName).filter(([a, b]) => a !== b),
              fc.uniqueArray(hostileKey, { minLength: 1, maxLength: 6 }),
              fc.uniqueArray(hostileKey, { minLength: 1, maxLength: 6 }),
              async ([a, b], keysA, keysB) => {
                const sa = createPluginStorage(a, () => driver);
                const sb = createPluginStorage(b, () => driver);
                await sa.clear();
                await sb.clear();
                for (const key of keysA) await sa.set(key, { owner: a, key });
                for (const key of keysB) await sb.set(key, { owner: b, key });
                expect(await sa.keys()).toEqual([...keysA].sort());
                expect(await sb.keys()).toEqual([...keysB].sort());
                for (const key of keysB) {
                  const seen = await sa.get<{ owner: string }>(key);
                  if (seen !== undefined) expect(seen.owner).toBe(a);
                  if (!keysA.includes(key)) expect(await sa.delete(key)).toBe(false);
                }
                await sa.clear();
                expect(await sa.keys()).toEqual([]);
                for (const key of keysB) expect(await sb.get(key)).toEqual({ owner: b, key });
              },
            ),
            { numRuns: label === 'memory' ? 100 : 30 },
          );
        } finally {
          await driver.close();
        }
      });
    });
  }

  describe('when a plugin stores and reads JSON values', () => {
    it('should return an equal value, undefined for a missing key, and list keys without namespace', async () => {
      const storage = createPluginStorage('app', () => new MemoryDriver());
      const shared = new MemoryDriver();
      const store = createPluginStorage('app', () => shared);
      const value = { a: [1, 'two', null, true, { b: -0.5 }], c: '' };
      await store.set('user:1', value);
      await store.set('user:2', 0);
      await store.set('other', null);
      expect(await store.get('user:1')).toEqual(value);
      expect(await store.get('user:2')).toBe(0);
      expect(await store.get('other')).toBeNull();
      expect(await store.has('other')).toBe(true);
      expect(await store.get('nope')).toBeUndefined();
      expect(await store.keys()).toEqual(['other', 'user:1', 'user:2']);
      expect(await store.keys('user:')).toEqual(['user:1', 'user:2']);
      expect(await storage.keys()).toEqual([]);
    });
  });

  describe('when a plugin stores a value that is not JSON', () => {
    it.each([
      ['a function', () => 1],
      ['undefined', undefined],
      ['a bigint', 1n],
      ['a symbol', Symbol('s')],
      ['NaN', Number.NaN],
      ['a Date', new Date(0)],
      ['a Map', new Map()],
      ['a nested function', { a: [{ f: () => 1 }] }],
    ])('should reject %s with TRELLIS_STORAGE_VALUE naming the plugin', async (_label, value) => {
      const store = createPluginStorage('billing', () => new MemoryDriver());
      const error = await store.set('k', value).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(StorageError);
      expect(error).toMatchObject({ code: 'TRELLIS_STORAGE_VALUE', plugin: 'billing' });
      expect((error as Error).message).toContain('"billing"');
    });

    it('should reject a circular value', async () => {
      const store = createPluginStorage('billing', () => new MemoryDriver());
      const value: Record<string, unknown> = {};
      value.self = value;
      await expect(store.set('k', value)).rejects.toMatchObject({ code: 'TRELLIS_STORAGE_VALUE' });
    });
  });

  describe('when a plugin uses an invalid key', () => {
    it.each([
      ['an empty key', ''],
      ['a lone surrogate', 'a\uD800b'],
      ['a key over 1000 bytes', 'é'.repeat(501)],
      ['a number', 5 as unknown as string],
    ])('should reject %s with TRELLIS_STORAGE_KEY', async (_label, key) => {
      const store = createPluginStorage('app', () => new MemoryDriver());
      await expect(store.set(key, 1)).rejects.toMatchObject({ code: 'TRELLIS_STORAGE_KEY', plugin: 'app' });
      await expect(store.get(key)).rejects.toMatchObject({ code: 'TRELLIS_STORAGE_KEY' });
    });
  });

  describe('when a key is set with a ttl', () => {
    it('should reject a ttl that is not a positive number', async () => {
      const store = createPluginStorage('app', () => new MemoryDriver());
      await expect(store.set('k', 1, { ttl: 0 })).rejects.toMatchObject({
        code: 'TRELLIS_STORAGE_VALUE',
        plugin: 'app',
      });
      await expect(store.set('k', 1, { ttl: Number.NaN })).rejects.toMatchObject({
        code: 'TRELLIS_STORAGE_VALUE',
      });
    });
  });
});
