import { mkdirSync } from 'node:fs';
import { open, type Database, type RootDatabase } from 'lmdb';
import { StorageError } from '../errors/StorageError.js';
import { expiryOf } from './expiryOf.js';
import type { StorageDriver, StorageSetOptions } from './StorageDriver.js';

/** Options of {@link EmbeddedDriver}. */
export interface EmbeddedDriverOptions {
  /** The directory of the database (created when missing). */
  readonly dir: string;
}

/** Stored text: `-<json>` without expiry, `<expiresAt>:<json>` with one. */
function encode(value: string, expiresAt: number | undefined): string {
  return expiresAt === undefined ? `-${value}` : `${String(expiresAt)}:${value}`;
}

function decode(stored: string, now: number): string | undefined {
  if (stored.startsWith('-')) return stored.slice(1);
  const colon = stored.indexOf(':');
  return Number(stored.slice(0, colon)) > now ? stored.slice(colon + 1) : undefined;
}

const toKey = (key: string): Buffer => Buffer.from(key, 'utf8');

/**
 * The default driver: LMDB (through `lmdb`, prebuilt binaries, no server) in one directory. Every
 * write is an LMDB transaction, and `set` resolves only after the commit is flushed to disk, so a
 * process killed at any moment leaves each key at its old or its new value. Several processes may
 * open the same directory.
 */
export class EmbeddedDriver implements StorageDriver {
  readonly #dir: string;
  #db: RootDatabase<string, Buffer> | undefined;

  constructor(options: EmbeddedDriverOptions) {
    this.#dir = options.dir;
  }

  /** Opens the database; called on first use, or early to surface errors at startup. */
  open(): Database<string, Buffer> {
    if (this.#db === undefined) {
      try {
        mkdirSync(this.#dir, { recursive: true });
        this.#db = open<string, Buffer>({ path: this.#dir, encoding: 'string', keyEncoding: 'binary' });
      } catch (error) {
        throw new StorageError(
          `cannot open the embedded storage in ${this.#dir}: ${String(error)}; check that the directory is writable (config 'trellis.storage.dir')`,
          { code: 'TRELLIS_STORAGE_DRIVER', cause: error },
        );
      }
    }
    return this.#db;
  }

  async get(key: string): Promise<string | undefined> {
    const db = this.#live();
    const stored = db.get(toKey(key));
    if (stored === undefined) return undefined;
    const value = decode(stored, Date.now());
    if (value === undefined) await db.remove(toKey(key), stored);
    return value;
  }

  async set(key: string, value: string, options?: StorageSetOptions): Promise<void> {
    const expiresAt = expiryOf(options, Date.now());
    await this.#live().put(toKey(key), encode(value, expiresAt));
  }

  async has(key: string): Promise<boolean> {
    return (await this.get(key)) !== undefined;
  }

  async delete(key: string): Promise<boolean> {
    const db = this.#live();
    const stored = db.get(toKey(key));
    if (stored === undefined) return false;
    await db.remove(toKey(key));
    return decode(stored, Date.now()) !== undefined;
  }

  async keys(prefix: string): Promise<string[]> {
    const db = this.#live();
    const now = Date.now();
    const start = toKey(prefix);
    const found: string[] = [];
    const expired: Buffer[] = [];
    for (const { key, value } of db.getRange({ start })) {
      if (key.length < start.length || !start.equals(key.subarray(0, start.length))) break;
      if (decode(value, now) === undefined) expired.push(key);
      else found.push(key.toString('utf8'));
    }
    if (expired.length > 0) {
      await db.transaction(() => {
        for (const key of expired) db.removeSync(key);
      });
    }
    return found.sort();
  }

  async clear(prefix: string): Promise<void> {
    const db = this.#live();
    const start = toKey(prefix);
    await db.transaction(() => {
      for (const key of db.getKeys({ start })) {
        if (key.length < start.length || !start.equals(key.subarray(0, start.length))) break;
        db.removeSync(key);
      }
    });
  }

  async close(): Promise<void> {
    const db = this.#db;
    this.#db = undefined;
    this.#closed = true;
    if (db !== undefined) await db.close();
  }

  #closed = false;

  #live(): Database<string, Buffer> {
    if (this.#closed) {
      throw new StorageError(`the embedded storage in ${this.#dir} is closed; open a new driver`, {
        code: 'TRELLIS_STORAGE_CLOSED',
      });
    }
    return this.open();
  }
}
