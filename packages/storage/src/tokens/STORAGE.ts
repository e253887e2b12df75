import { createToken } from '@trellis/core';
import type { PluginStorage } from '../facade/PluginStorage.js';

/**
 * The consumer-scoped token of a plugin's own storage: each injecting plugin gets a
 * {@link PluginStorage} bound to its name.
 *
 * @example
 * ```ts
 * constructor(@inject(STORAGE) private readonly storage: PluginStorage) {}
 * ```
 */
export const STORAGE = createToken<PluginStorage>('trellis.storage');
