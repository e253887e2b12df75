/** The value types a config field can declare. */
export type ConfigFieldType = 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'object';

/** Every {@link ConfigFieldType}. */
export const CONFIG_FIELD_TYPES: readonly ConfigFieldType[] = Object.freeze([
  'string',
  'number',
  'integer',
  'boolean',
  'array',
  'object',
]);

/** The schema of one key of a plugin's config section. */
export interface ConfigFieldSchema {
  /** The value's type. */
  readonly type: ConfigFieldType;
  /** The key must be present (unless it has a `default`). */
  readonly required?: boolean;
  /** Used when the key is absent; must itself match the schema. */
  readonly default?: unknown;
  /** Lowest value for numbers, shortest length for strings and arrays. */
  readonly min?: number;
  /** Highest value for numbers, longest length for strings and arrays. */
  readonly max?: number;
  /** The only values allowed. */
  readonly enum?: readonly unknown[];
  /** The value is never shown in logs, errors or `status()` (it appears as `'[secret]'`). */
  readonly secret?: boolean;
  /** What the key is for, for documentation and tooling. */
  readonly description?: string;
}

/** The schema of a plugin's config section: one {@link ConfigFieldSchema} per key. */
export type ConfigSchema = Readonly<Record<string, ConfigFieldSchema>>;
