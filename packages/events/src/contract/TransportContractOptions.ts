/** Options of {@link transportContract}. */
export interface TransportContractOptions {
  /** How long a case waits for an expected delivery, ms; default 5 000. */
  readonly timeoutMs?: number;
  /** How long a case waits to be sure an unwanted delivery does not come, ms; default 100. */
  readonly settleMs?: number;
  /**
   * Whether the transport redelivers an event whose handler threw (with `deliveryCount` + 1); default
   * true. Set `redeliveryTimeoutMs` to the transport's claim delay plus a margin.
   */
  readonly redelivery?: boolean;
  /** How long to wait for a redelivery, ms; default `timeoutMs`. */
  readonly redeliveryTimeoutMs?: number;
}
