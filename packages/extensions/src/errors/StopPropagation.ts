import { TrellisError } from './TrellisError.js';

/**
 * Thrown by a handler to end a dispatch early: later handlers do not run and the dispatch returns
 * the value so far, or `value` when one is given. It is a control-flow signal, not a failure: no
 * error strategy applies to it and it is never retried. Code `TRELLIS_STOP_PROPAGATION`.
 *
 * @example
 * ```ts
 * registry.on(BeforeSave, (user) => {
 *   if (user.banned) throw new StopPropagation('banned', { ...user, saved: false });
 * });
 * ```
 */
export class StopPropagation extends TrellisError {
  /** The code of every `StopPropagation`. */
  static readonly CODE = 'TRELLIS_STOP_PROPAGATION';

  /** Why propagation stopped, for logs. */
  readonly reason: string | undefined;
  /** The value the dispatch returns, when {@link StopPropagation.hasValue} is true. */
  readonly value: unknown;
  /** Whether a value was given (a given `undefined` counts, but keeps the current filter value). */
  readonly hasValue: boolean;

  constructor(reason?: string, ...value: [] | [unknown]) {
    super(
      `Propagation stopped${reason === undefined ? '' : `: ${reason}`}. ` +
        `This is a control-flow signal; throw it only from inside a handler.`,
      { code: StopPropagation.CODE },
    );
    this.reason = reason;
    this.hasValue = value.length > 0;
    this.value = value[0];
  }
}
