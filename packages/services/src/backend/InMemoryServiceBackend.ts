import { TransportError } from '@trellis/core';
import type { ServiceBackend, ServiceQuery, ServiceRecord } from './ServiceBackend.js';

// Records are JSON (the registry checks it), so a JSON round trip is a complete deep copy.
const copy = (record: ServiceRecord): ServiceRecord => JSON.parse(JSON.stringify(record)) as ServiceRecord;

/**
 * The default {@link ServiceBackend}: the registry lives in this process, in registration order.
 * Records are copied in and out, so callers never share objects with the backend.
 */
export class InMemoryServiceBackend implements ServiceBackend {
  readonly #records = new Map<string, ServiceRecord>();
  #closed = false;

  register(record: ServiceRecord): Promise<void> {
    if (this.#closed) return Promise.reject(this.#closedError('register'));
    this.#records.set(record.id, copy(record));
    return Promise.resolve();
  }

  unregister(id: string): Promise<boolean> {
    if (this.#closed) return Promise.reject(this.#closedError('unregister'));
    return Promise.resolve(this.#records.delete(id));
  }

  discover(query: ServiceQuery): Promise<ServiceRecord[]> {
    if (this.#closed) return Promise.reject(this.#closedError('discover'));
    const found: ServiceRecord[] = [];
    for (const record of this.#records.values()) {
      if (query.name !== undefined && record.name !== query.name) continue;
      if (query.tag !== undefined && !record.tags.includes(query.tag)) continue;
      found.push(copy(record));
    }
    return Promise.resolve(found);
  }

  close(): Promise<void> {
    this.#closed = true;
    this.#records.clear();
    return Promise.resolve();
  }

  #closedError(operation: string): TransportError {
    return new TransportError({
      transport: 'memory',
      operation,
      reason: 'the service backend is closed (the services plugin stopped). Use the registry while it runs.',
    });
  }
}
