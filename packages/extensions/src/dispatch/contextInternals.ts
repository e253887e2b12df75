/**
 * The keys of the dispatch-only members of a handler context. Symbols, so that a handler sees only
 * the documented `HookContext` members (`event`, `kind`, `plugin`, `signal`, `stop`) by name, in
 * `Object.keys`, in JSON and in its logs.
 */
export const STOP_MARK: unique symbol = Symbol('trellis.stopMark');
/** See {@link STOP_MARK}: the latest stop value not rewound. */
export const STOP_VALUE: unique symbol = Symbol('trellis.stopValue');
/** See {@link STOP_MARK}: ends a stopped run and rewinds. */
export const TAKE_STOP: unique symbol = Symbol('trellis.takeStop');
/** See {@link STOP_MARK}: undoes the stops made since a mark. */
export const REWIND: unique symbol = Symbol('trellis.rewind');
/** See {@link STOP_MARK}: aborts the context's signal. */
export const ABORT: unique symbol = Symbol('trellis.abort');
