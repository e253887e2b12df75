import type { StandardSchemaV1 } from '@standard-schema/spec';
import type { ConfigSchema } from './ConfigSchema.js';

/**
 * What a plugin's `config` option accepts: a Trellis {@link ConfigSchema} (one field schema per
 * key), or any Standard Schema (zod, valibot, arktype…) validating the whole section synchronously.
 *
 * @example
 * ```ts
 * config: { maxEntries: { type: 'integer', default: 100 } }
 * config: z.object({ maxEntries: z.number().int().default(100) })
 * ```
 */
export type PluginConfigSchema = ConfigSchema | StandardSchemaV1;
