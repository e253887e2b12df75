import { createToken } from '@trellis/core';
import type { StorageDriver } from '../driver/StorageDriver.js';

/**
 * A storage driver offered by another plugin (`@trellis/redis` binds one); when bound, and unless
 * the config names another driver, `StoragePlugin` uses it instead of the embedded default.
 */
export const STORAGE_DRIVER = createToken<StorageDriver>('trellis.storage.driver');
