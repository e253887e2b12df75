import type { StandardSchemaV1 } from '@standard-schema/spec';
import type { ConfigSchema } from './ConfigSchema.js';

/** The value type a field schema (`ConfigFieldSchema`) declares (its `enum` values when it lists them). */
export type ConfigFieldValue<TField> = TField extends { readonly enum: readonly (infer TAllowed)[] }
  ? TAllowed
  : TField extends { readonly type: infer TType }
    ? TType extends 'string'
      ? string
      : TType extends 'number' | 'integer'
        ? number
        : TType extends 'boolean'
          ? boolean
          : TType extends 'array'
            ? unknown[]
            : TType extends 'object'
              ? Record<string, unknown>
              : unknown
    : unknown;

/** Whether a field always has a value once validated: it is required or has a default. */
type AlwaysPresent<TField> = TField extends { readonly required: true }
  ? true
  : TField extends { readonly default: unknown }
    ? true
    : false;

type Flatten<T> = { [K in keyof T]: T[K] } & {};

/**
 * The validated config values a schema describes: for a Trellis schema, each key's type, with
 * `undefined` only for keys neither required nor defaulted; for a Standard Schema, its output type.
 *
 * @example
 * ```ts
 * const schema = { maxEntries: { type: 'integer', default: 10 }, label: { type: 'string' } } satisfies ConfigSchema;
 * type Values = ConfigOf<typeof schema>; // { maxEntries: number; label?: string }
 * ```
 */
export type ConfigOf<TSchema> = TSchema extends StandardSchemaV1
  ? StandardSchemaV1.InferOutput<TSchema> extends object
    ? StandardSchemaV1.InferOutput<TSchema>
    : Record<string, unknown>
  : TSchema extends ConfigSchema
    ? string extends keyof TSchema
      ? Record<string, unknown>
      : Flatten<
          {
            -readonly [
              K in keyof TSchema as AlwaysPresent<TSchema[K]> extends true ? K : never
            ]: ConfigFieldValue<TSchema[K]>;
          } & {
            -readonly [
              K in keyof TSchema as AlwaysPresent<TSchema[K]> extends true ? never : K
            ]?: ConfigFieldValue<TSchema[K]>;
          }
        >
    : Record<string, unknown>;
