/**
 * The key of the own, non-enumerable static property where `@hook` records declarations on a
 * class. A registered symbol, so two copies of the package share it; no module-level state is
 * needed and other libraries' metadata (inversify's `reflect-metadata` keys) is never touched.
 */
export const HOOKS_KEY: unique symbol = Symbol.for('trellis.hooks');
