import type { PluginManager } from '@trellis/core';

/**
 * `GET /admin/api/plugins` serialised once and reused until something changes: a lifecycle event,
 * an enable/disable/reload through the API, or `maxAgeMs` passing (for what changes without an
 * event, such as timings). With 1,000 plugins the list is ~270 KB of JSON; building it per request
 * costs milliseconds a dashboard polling under load should not pay.
 */
export class StatusCache {
  readonly #manager: PluginManager;
  readonly #maxAgeMs: number;
  #json: string | undefined;
  #builtAt = 0;

  constructor(manager: PluginManager, options: { readonly maxAgeMs?: number } = {}) {
    this.#manager = manager;
    this.#maxAgeMs = options.maxAgeMs ?? 500;
  }

  /** The JSON text of `manager.status()`, fresh or at most `maxAgeMs` old with no change since. */
  json(): string {
    const now = performance.now();
    if (this.#json === undefined || now - this.#builtAt > this.#maxAgeMs) {
      this.#json = JSON.stringify(this.#manager.status());
      this.#builtAt = now;
    }
    return this.#json;
  }

  /** Drops the cached text (something changed). */
  invalidate(): void {
    this.#json = undefined;
  }
}
