import type { Token } from './Token.js';

/**
 * Creates a typed service identifier backed by `Symbol.for(id)`, so the same id gives the same
 * token across modules and copies of the package.
 *
 * @example
 * ```ts
 * const Pool = createToken<Pool>('db.pool');
 * @plugin({ name: 'db', provides: [{ token: Pool, useFactory: () => createPool() }] })
 * ```
 */
export function createToken<T>(id: string): Token<T> {
  return Symbol.for(id);
}
