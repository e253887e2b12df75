/**
 * Keys of the record fields only the state machine writes (a record exposes them read-only as
 * `state` and `stateBeforeDisable`). Internal.
 */
export const STATE = Symbol('trellis.state');
/** See {@link STATE}. */
export const STATE_BEFORE_DISABLE = Symbol('trellis.stateBeforeDisable');
