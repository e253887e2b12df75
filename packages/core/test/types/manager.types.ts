/* eslint-disable @typescript-eslint/no-unused-vars, @typescript-eslint/no-meaningless-void-operator,
   @typescript-eslint/no-unnecessary-type-parameters -- type-level tests: values exist to be typed */
/*
 * Type-level tests of the manager's typed lookups: checked by the compiler (see config.types.ts).
 */
import { PluginManager, createToken, plugin, type Logger, TOKENS } from '../../src/index.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const assertType = <T extends true>(): T => true as T;

interface Pool {
  query(sql: string): number;
}
const PoolToken = createToken<Pool>('types.pool');

@plugin({ name: 'notes' })
class NotesPlugin {
  save(text: string): number {
    return text.length;
  }
}

export function lookups(manager: PluginManager): void {
  const pool = manager.get(PoolToken);
  assertType<Equal<typeof pool, Pool>>();
  const logger = manager.get(TOKENS.Logger);
  assertType<Equal<typeof logger, Logger>>();
  // @ts-expect-error a Token<Pool> resolves to a Pool, not a string
  const wrong: string = manager.get(PoolToken);

  const notes = manager.getPlugin(NotesPlugin);
  assertType<Equal<typeof notes, NotesPlugin | undefined>>();
  notes?.save('hello');
  // @ts-expect-error save takes a string
  notes?.save(42);
  const byName = manager.getPlugin('notes');
  assertType<Equal<typeof byName, object | undefined>>();
  void wrong;
}
