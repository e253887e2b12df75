import { join } from 'node:path';
import {
  plugin,
  preDestroy,
  TOKENS,
  type PermissionChecker,
  type PluginContext,
  type PluginManager,
} from '@trellis/core';
import { EmbeddedDriver } from '../driver/EmbeddedDriver.js';
import { MemoryDriver } from '../driver/MemoryDriver.js';
import type { StorageDriver } from '../driver/StorageDriver.js';
import { StorageError } from '../errors/StorageError.js';
import { createPluginStorage } from '../facade/createPluginStorage.js';
import type { PluginStorage } from '../facade/PluginStorage.js';
import { STORAGE } from '../tokens/STORAGE.js';
import { STORAGE_DRIVER } from '../tokens/STORAGE_DRIVER.js';
import { STORAGE_SERVICE } from '../tokens/STORAGE_SERVICE.js';
import type { StorageDriverKind, StorageService } from './StorageService.js';

/**
 * The storage system plugin (`trellis.storage`). Each plugin that injects `STORAGE` gets its own
 * namespace. Config section `trellis.storage`: `driver` (`'embedded'` default, `'memory'`, or
 * `'redis'` — the default when `RedisPlugin` is registered) and `dir` (the embedded database's
 * directory, default `<cwd>/.trellis/data`).
 *
 * @example
 * ```ts
 * manager.register([StoragePlugin, MyPlugin]);   // MyPlugin injects STORAGE
 * ```
 */
@plugin({
  name: 'trellis.storage',
  version: '1.0.0',
  description: 'Per-plugin key-value storage (embedded LMDB by default, memory, or Redis)',
  optionalDependencies: { 'trellis.redis': '*' },
  config: {
    driver: { type: 'string', enum: ['embedded', 'memory', 'redis'], description: 'Storage driver' },
    dir: { type: 'string', description: 'Directory of the embedded database (default <cwd>/.trellis/data)' },
  },
  provides: [
    {
      token: STORAGE,
      scope: 'consumer',
      useFactory: (own: PluginContext, consumer: PluginContext): PluginStorage =>
        own
          .get(STORAGE_SERVICE)
          .forPlugin(consumer.name, own.get(TOKENS.Manager).permissionsOf(consumer.name)),
    },
  ],
})
export class StoragePlugin implements StorageService {
  #kind: StorageDriverKind = 'embedded';
  #dir = '';
  #shared: StorageDriver | undefined;
  #owned: StorageDriver | undefined;

  /** The driver in use (known after `initialize`). */
  get driver(): StorageDriverKind {
    return this.#kind;
  }

  /** Chooses and opens the driver, and offers `STORAGE_SERVICE`. */
  initialize(ctx: PluginContext): void {
    const configured = ctx.config.get('driver') as StorageDriverKind | undefined;
    this.#dir = ctx.config.get('dir', join(process.cwd(), '.trellis', 'data'));
    this.#shared = this.#boundDriver(ctx);
    if (configured === 'redis' && this.#shared === undefined) {
      throw new StorageError(
        "trellis.storage is configured with driver 'redis' but no Redis driver is bound; register RedisPlugin from @trellis/redis",
        { code: 'TRELLIS_STORAGE_DRIVER', plugin: 'trellis.storage' },
      );
    }
    this.#kind = configured ?? (this.#shared === undefined ? 'embedded' : 'redis');
    this.#current();
    ctx.provide(STORAGE_SERVICE, this);
  }

  /** Closes a driver this plugin opened; the next use after a restart opens it again. */
  async stop(): Promise<void> {
    const owned = this.#owned;
    this.#owned = undefined;
    await owned?.close();
  }

  /** On unload (also when the plugin was loaded but never started): the same as {@link stop}. */
  @preDestroy()
  async release(): Promise<void> {
    await this.stop();
  }

  forPlugin(name: string, permissions?: PermissionChecker): PluginStorage {
    return createPluginStorage(name, () => this.#current(), permissions);
  }

  #current(): StorageDriver {
    if (this.#kind === 'redis' && this.#shared !== undefined) return this.#shared;
    if (this.#owned === undefined) {
      if (this.#kind === 'memory') this.#owned = new MemoryDriver();
      else {
        const embedded = new EmbeddedDriver({ dir: this.#dir });
        embedded.open();
        this.#owned = embedded;
      }
    }
    return this.#owned;
  }

  #boundDriver(ctx: PluginContext): StorageDriver | undefined {
    const manager: PluginManager = ctx.get(TOKENS.Manager);
    return manager.container.isBound(STORAGE_DRIVER) ? ctx.get(STORAGE_DRIVER) : undefined;
  }
}
