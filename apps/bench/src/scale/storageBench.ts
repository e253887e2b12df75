import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { open } from 'lmdb';
import { EmbeddedDriver, MemoryDriver, createPluginStorage, type PluginStorage } from '@trellis/storage';

/** Operations per second of one store. */
export interface StorageRun {
  /** `set` with 100 in flight (what a busy plugin does; the engine batches commits). */
  readonly setPerSecond: number;
  /** `set`, each awaited before the next (one durable commit each). */
  readonly sequentialSetPerSecond: number;
  readonly getPerSecond: number;
}

interface Store {
  set(key: string, value: unknown): Promise<unknown>;
  get(key: string): unknown;
  close(): Promise<void>;
}

const VALUE = { name: 'Ada Lovelace', email: 'ada@example.com', roles: ['admin', 'user'], logins: 42 };

async function measure(store: Store, count: number, sequential: number): Promise<StorageRun> {
  let start = performance.now();
  for (let i = 0; i < sequential; i++) await store.set(`s${String(i)}`, VALUE);
  const sequentialSetPerSecond = Math.round((sequential / (performance.now() - start)) * 1000);
  start = performance.now();
  for (let i = 0; i < count; i += 100) {
    const batch: Promise<unknown>[] = [];
    for (let j = i; j < i + 100 && j < count; j++) batch.push(store.set(`k${String(j)}`, VALUE));
    await Promise.all(batch);
  }
  const setPerSecond = Math.round((count / (performance.now() - start)) * 1000);
  start = performance.now();
  for (let round = 0; round < 3; round++) {
    for (let i = 0; i < count; i++) await store.get(`k${String(i)}`);
  }
  const getPerSecond = Math.round(((3 * count) / (performance.now() - start)) * 1000);
  await store.close();
  return { setPerSecond, sequentialSetPerSecond, getPerSecond };
}

const facade = (storage: PluginStorage, close: () => Promise<void>): Store => ({
  set: (key, value) => storage.set(key, value),
  get: (key) => storage.get(key),
  close,
});

/** Runs one contender: `embedded` (the facade on LMDB), `lmdb` (raw), or `memory` (the facade on a Map). */
export async function runStorage(kind: 'embedded' | 'lmdb' | 'memory', count: number): Promise<StorageRun> {
  const dir = mkdtempSync(join(tmpdir(), 'trellis-bench-storage-'));
  try {
    if (kind === 'lmdb') {
      // The engine used raw: JSON strings under string keys, the same durability (default sync).
      const db = open<string, string>({ path: dir, encoding: 'string' });
      return await measure(
        {
          set: (key, value) => db.put(key, JSON.stringify(value)),
          get: (key) => {
            const text = db.get(key);
            return text === undefined ? undefined : (JSON.parse(text) as unknown);
          },
          close: () => db.close(),
        },
        count,
        200,
      );
    }
    const driver = kind === 'embedded' ? new EmbeddedDriver({ dir }) : new MemoryDriver();
    return await measure(
      facade(
        createPluginStorage('bench', () => driver),
        () => driver.close(),
      ),
      count,
      200,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
