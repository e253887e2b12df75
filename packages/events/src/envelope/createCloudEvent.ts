import { randomUUID } from 'node:crypto';
import type { CloudEvent } from '../transport/CloudEvent.js';

/**
 * Builds a frozen CloudEvents 1.0 envelope with a fresh `id` (UUID) and the current `time`. The
 * caller has validated `type` and `data`.
 */
export function createCloudEvent<TData>(type: string, data: TData, source: string): CloudEvent<TData> {
  return Object.freeze({
    specversion: '1.0',
    id: randomUUID(),
    source,
    type,
    time: new Date().toISOString(),
    datacontenttype: 'application/json',
    data,
  });
}
