/** Options of `manager.enableShutdownHooks()`. */
export interface ShutdownHooksOptions {
  /**
   * After `close()`, re-raise the signal so the process ends as it would have without the hook
   * (only when no other listener handles it); default true.
   */
  readonly exit?: boolean;
}
