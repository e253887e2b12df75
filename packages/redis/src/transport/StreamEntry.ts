import type { CloudEvent } from '@trellis/events';

/** One entry read from a stream: its id and the event, or undefined when unreadable. Internal. */
export interface StreamEntry {
  readonly id: string;
  readonly event: CloudEvent | undefined;
}

/** The field under which an entry holds its event's JSON. Internal. */
export const EVENT_FIELD = 'e';

function decode(fields: unknown): CloudEvent | undefined {
  if (!Array.isArray(fields)) return undefined;
  for (let i = 0; i + 1 < fields.length; i += 2) {
    if (fields[i] === EVENT_FIELD && typeof fields[i + 1] === 'string') {
      try {
        const event = JSON.parse(fields[i + 1] as string) as CloudEvent;
        return typeof event === 'object' && typeof event.type === 'string' ? event : undefined;
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/** Parses `[[id, [field, value, ...]], ...]` (one stream's entries). Internal. */
export function parseEntries(entries: unknown): StreamEntry[] {
  if (!Array.isArray(entries)) return [];
  const parsed: StreamEntry[] = [];
  for (const entry of entries) {
    if (!Array.isArray(entry) || typeof entry[0] !== 'string') continue;
    parsed.push({ id: entry[0], event: decode(entry[1]) });
  }
  return parsed;
}

/**
 * Parses an `XREAD`/`XREADGROUP` reply for a single stream: `[[name, entries]]` (RESP2) or
 * `[name, entries]` (a map reply, flattened). Internal.
 */
export function parseReadReply(reply: unknown): StreamEntry[] {
  if (!Array.isArray(reply) || reply.length === 0) return [];
  const first: unknown = reply[0];
  if (typeof first === 'string') return parseEntries(reply[1]);
  return Array.isArray(first) ? parseEntries(first[1]) : [];
}

/** Compares two stream ids (`<ms>-<seq>`) numerically: negative, zero or positive. Internal. */
export function compareIds(a: string, b: string): number {
  const [aMs = 0n, aSeq = 0n] = a.split('-').map((part) => BigInt(part));
  const [bMs = 0n, bSeq = 0n] = b.split('-').map((part) => BigInt(part));
  if (aMs !== bMs) return aMs < bMs ? -1 : 1;
  return aSeq === bSeq ? 0 : aSeq < bSeq ? -1 : 1;
}
