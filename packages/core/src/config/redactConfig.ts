import { isStandardSchema } from './isStandardSchema.js';
import type { PluginConfigSchema } from './PluginConfigSchema.js';

/** What a secret value is replaced with wherever config is shown. */
export const REDACTED = '[secret]';

/** A copy of `values` with every secret field's value replaced by `'[secret]'`. */
export function redactConfig(
  schema: PluginConfigSchema | undefined,
  values: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...values };
  if (schema === undefined || isStandardSchema(schema)) return copy;
  for (const [key, field] of Object.entries(schema)) {
    if (field.secret === true && Object.hasOwn(copy, key) && copy[key] !== undefined) copy[key] = REDACTED;
  }
  return copy;
}
