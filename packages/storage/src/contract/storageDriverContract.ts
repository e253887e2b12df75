import assert from 'node:assert/strict';
import type { StorageDriver } from '../driver/StorageDriver.js';

/** One case of a contract suite: run it with any test framework. */
export interface StorageContractCase {
  readonly name: string;
  readonly run: () => Promise<void>;
}

/** Options of {@link storageDriverContract}. */
export interface StorageContractOptions {
  /** Waits this long (ms) for a ttl to lapse; default 60. Raise it for a remote driver. */
  readonly ttlMs?: number;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The behaviour every {@link StorageDriver} must have, as framework-agnostic cases. `make` returns
 * a fresh, empty driver for each case (the case closes it).
 *
 * @example
 * ```ts
 * for (const c of storageDriverContract(() => new MemoryDriver())) it(c.name, c.run);
 * ```
 */
export function storageDriverContract(
  make: () => StorageDriver | Promise<StorageDriver>,
  options: StorageContractOptions = {},
): StorageContractCase[] {
  const ttl = options.ttlMs ?? 60;
  const withDriver =
    (body: (driver: StorageDriver) => Promise<void>): (() => Promise<void>) =>
    async () => {
      const driver = await make();
      try {
        await body(driver);
      } finally {
        await driver.close();
      }
    };
  const cases: [string, (driver: StorageDriver) => Promise<void>][] = [
    [
      'get of a missing key resolves to undefined',
      async (d) => {
        assert.equal(await d.get('p/missing'), undefined);
        assert.equal(await d.has('p/missing'), false);
      },
    ],
    [
      'set then get returns the same text, and set replaces it',
      async (d) => {
        await d.set('p/a', '{"x":1}');
        assert.equal(await d.get('p/a'), '{"x":1}');
        assert.equal(await d.has('p/a'), true);
        await d.set('p/a', '"two"');
        assert.equal(await d.get('p/a'), '"two"');
      },
    ],
    [
      'delete removes a key and tells whether it existed',
      async (d) => {
        await d.set('p/a', '1');
        assert.equal(await d.delete('p/a'), true);
        assert.equal(await d.get('p/a'), undefined);
        assert.equal(await d.delete('p/a'), false);
      },
    ],
    [
      'keys lists the live keys under a prefix, sorted',
      async (d) => {
        for (const key of ['p/b', 'p/a', 'p/ab', 'q/a', 'pz/a']) await d.set(key, '0');
        assert.deepEqual(await d.keys('p/'), ['p/a', 'p/ab', 'p/b']);
        assert.deepEqual(await d.keys('p/a'), ['p/a', 'p/ab']);
        assert.deepEqual(await d.keys('none/'), []);
      },
    ],
    [
      'clear removes every key under a prefix and nothing else',
      async (d) => {
        for (const key of ['p/a', 'p/b', 'q/a', 'pz/a']) await d.set(key, '0');
        await d.clear('p/');
        assert.deepEqual(await d.keys('p/'), []);
        assert.equal(await d.get('q/a'), '0');
        assert.equal(await d.get('pz/a'), '0');
      },
    ],
    [
      'a key with a ttl reads as missing once it lapsed, and everywhere',
      async (d) => {
        await d.set('p/short', '1', { ttl });
        await d.set('p/long', '2', { ttl: 60_000 });
        assert.equal(await d.get('p/short'), '1');
        await sleep(ttl * 2 + 20);
        assert.equal(await d.get('p/short'), undefined);
        assert.equal(await d.has('p/short'), false);
        assert.deepEqual(await d.keys('p/'), ['p/long']);
        assert.equal(await d.delete('p/short'), false);
      },
    ],
    [
      'a set without ttl removes an earlier ttl',
      async (d) => {
        await d.set('p/a', '1', { ttl });
        await d.set('p/a', '2');
        await sleep(ttl * 2 + 20);
        assert.equal(await d.get('p/a'), '2');
      },
    ],
    [
      'keys and values with unusual characters round-trip exactly',
      async (d) => {
        const keys = [
          'p/*',
          'p/?',
          'p/[a]',
          'p/\\',
          'p/ spaced ',
          'p/\u0000nul',
          'p/é',
          'p/😀',
          'p/a:b',
          'p/%',
        ];
        for (const key of keys) await d.set(key, JSON.stringify(key));
        for (const key of keys) assert.equal(await d.get(key), JSON.stringify(key));
        assert.deepEqual(await d.keys('p/'), [...keys].sort());
        assert.deepEqual(await d.keys('p/['), ['p/[a]']);
        assert.deepEqual(await d.keys('p/*'), ['p/*']);
      },
    ],
    [
      'a large value round-trips',
      async (d) => {
        const big = JSON.stringify('x'.repeat(1 << 20));
        await d.set('p/big', big);
        assert.equal(await d.get('p/big'), big);
      },
    ],
    [
      'concurrent sets of distinct keys all land',
      async (d) => {
        await Promise.all(Array.from({ length: 200 }, (_, i) => d.set(`p/k${String(i)}`, String(i))));
        const keys = await d.keys('p/');
        assert.equal(keys.length, 200);
        assert.equal(await d.get('p/k199'), '199');
      },
    ],
    [
      'a closed driver rejects further use',
      async (d) => {
        await d.close();
        await assert.rejects(() => d.get('p/a'));
        await d.close();
      },
    ],
  ];
  return cases.map(([name, body]) => ({ name, run: withDriver(body) }));
}
