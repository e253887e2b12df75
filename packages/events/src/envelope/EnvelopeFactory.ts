import { randomUUID } from 'node:crypto';
import type { CloudEvent } from '../transport/CloudEvent.js';

/**
 * Makes envelopes cheaply: the `id` is a random UUID drawn once per factory followed by a counter
 * (unique across hosts, ordered within one), and the ISO `time` string is reused within the same
 * millisecond. Formatting a date and drawing a UUID per event cost more than the rest of a publish.
 * Internal.
 */
export class EnvelopeFactory {
  readonly #prefix = `${randomUUID()}-`;
  #sequence = 0;
  #lastMs = -1;
  #lastIso = '';

  create<TData>(type: string, data: TData, source: string): CloudEvent<TData> {
    const now = Date.now();
    if (now !== this.#lastMs) {
      this.#lastMs = now;
      this.#lastIso = new Date(now).toISOString();
    }
    return Object.freeze({
      specversion: '1.0',
      id: this.#prefix + String(++this.#sequence),
      source,
      type,
      time: this.#lastIso,
      datacontenttype: 'application/json',
      data,
    });
  }
}
