import { createToken } from '@trellis/core';
import type { StorageService } from '../plugin/StorageService.js';

/** The host-side view of storage: any plugin's store by name, and the driver in use. */
export const STORAGE_SERVICE = createToken<StorageService>('trellis.storage.service');
