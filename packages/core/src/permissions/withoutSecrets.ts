import { isStandardSchema } from '../config/isStandardSchema.js';
import type { PluginConfigSchema } from '../config/PluginConfigSchema.js';

/**
 * A copy of a plugin's config values without its secret fields (schema fields marked `secret`):
 * what a plugin whose permissions are enforced sees unless it may read `config.secrets`.
 */
export function withoutSecrets(
  schema: PluginConfigSchema | undefined,
  values: Readonly<Record<string, unknown>>,
): Readonly<Record<string, unknown>> {
  if (schema === undefined || isStandardSchema(schema)) return values;
  const secret = new Set(
    Object.entries(schema)
      .filter(([, field]) => field.secret === true)
      .map(([key]) => key),
  );
  return Object.fromEntries(Object.entries(values).filter(([key]) => !secret.has(key)));
}
