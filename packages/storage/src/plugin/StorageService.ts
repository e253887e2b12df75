import type { PermissionChecker } from '@trellis/core';
import type { PluginStorage } from '../facade/PluginStorage.js';

/** The kind of driver a host's storage uses. */
export type StorageDriverKind = 'embedded' | 'memory' | 'redis';

/** What `StoragePlugin` offers the host (token `STORAGE_SERVICE`). */
export interface StorageService {
  /** The driver in use. */
  readonly driver: StorageDriverKind;
  /** The store of the named plugin (for hosts, admin tools and tests). */
  forPlugin(name: string, permissions?: PermissionChecker): PluginStorage;
}
