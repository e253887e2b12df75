/* eslint-disable @typescript-eslint/no-unused-vars, @typescript-eslint/no-meaningless-void-operator,
   @typescript-eslint/no-unnecessary-type-parameters -- type-level tests: values exist to be typed */
/*
 * Type-level tests of typed config: checked by the compiler (`tsc -p packages/core/tsconfig.json`
 * and test/typeTests.spec.ts). Each `@ts-expect-error` must be an error, every other line must not.
 */
import { z } from 'zod';
import { definePlugin, type ConfigOf, type ConfigSchema, type PluginContext } from '../../src/index.js';

/** Compile-time equality. */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const assertType = <T extends true>(): T => true as T;

// A Trellis schema: optional keys may be undefined, required or defaulted keys may not.
definePlugin({
  name: 'audit',
  config: {
    maxEntries: { type: 'integer' },
    retention: { type: 'number', default: 7 },
    target: { type: 'string', required: true },
    mode: { type: 'string', enum: ['fast', 'safe'], default: 'safe' },
    verbose: { type: 'boolean' },
    tags: { type: 'array' },
  },
  initialize(ctx) {
    const maxEntries = ctx.config.get('maxEntries');
    assertType<Equal<typeof maxEntries, number | undefined>>();
    const retention = ctx.config.get('retention');
    assertType<Equal<typeof retention, number>>();
    const target: string = ctx.config.get('target');
    const mode = ctx.config.get('mode');
    assertType<Equal<typeof mode, 'fast' | 'safe'>>();
    const withDefault = ctx.config.get('maxEntries', 100);
    assertType<Equal<typeof withDefault, number>>();
    // @ts-expect-error maxEntries may be undefined: it is neither required nor defaulted
    const notDefined: number = ctx.config.get('maxEntries');
    // @ts-expect-error the value of a boolean key is no string
    const wrongType: string | undefined = ctx.config.get('verbose');
    void [target, notDefined, wrongType];
  },
});

// A Standard Schema (zod): the schema's output type.
definePlugin({
  name: 'zod-audit',
  config: z.object({ maxEntries: z.number().int().default(10), label: z.string().optional() }),
  initialize(ctx) {
    const maxEntries = ctx.config.get('maxEntries');
    assertType<Equal<typeof maxEntries, number>>();
    const label = ctx.config.get('label');
    assertType<Equal<typeof label, string | undefined>>();
  },
});

// For decorated classes: the schema in a constant, the context typed with ConfigOf.
const auditConfig = {
  maxEntries: { type: 'integer', default: 100 },
  sink: { type: 'string' },
} satisfies ConfigSchema;
type AuditConfig = ConfigOf<typeof auditConfig>;
assertType<Equal<AuditConfig, { maxEntries: number; sink?: string }>>();
export function initializeAudit(ctx: PluginContext<AuditConfig>): number {
  // @ts-expect-error sink may be undefined
  const sink: string = ctx.config.get('sink');
  void sink;
  return ctx.config.get('maxEntries');
}

// A typed context still goes where an untyped one is expected.
export function untyped(ctx: PluginContext<AuditConfig>): PluginContext {
  return ctx;
}

// Without a schema, get() is untyped as before.
definePlugin({
  name: 'plain',
  initialize(ctx) {
    const value = ctx.config.get('anything');
    assertType<Equal<typeof value, unknown>>();
    const greeting: string = ctx.config.get('greeting', 'Welcome');
    void greeting;
  },
});
