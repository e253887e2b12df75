import type { PointKind } from '../points/ExtensionPoint.js';

/**
 * What a handler gets besides the value: which event is dispatched, its own owner, an abort signal
 * and a way to stop propagation.
 */
export interface HookContext {
  /** The concrete event name being dispatched (never the wildcard pattern). */
  readonly event: string;
  /** The kind of dispatch running the handler (a wildcard handler may join several kinds). */
  readonly kind: PointKind;
  /** The owner given at registration, or `undefined`. */
  readonly plugin: string | undefined;
  /** Aborted when the handler times out (or its dispatch is abandoned); never aborted otherwise. */
  readonly signal: AbortSignal;
  /**
   * Ends the dispatch after this handler: later handlers do not run. With a value (other than
   * `undefined`) the dispatch result is that value; without one, this handler's return value is
   * still applied. Call it before the handler returns (or its promise settles).
   */
  stop(value?: unknown): void;
}
