import type { Logger } from '@trellis/core';
import type { EventPatternMatcher, TransportHandler } from '@trellis/events';
import type { RedisConnection } from '../connection/RedisConnection.js';

/** What a stream reader needs. Internal. */
export interface StreamReaderSettings {
  readonly connection: RedisConnection;
  readonly stream: string;
  readonly deadLetters: string;
  readonly matcher: EventPatternMatcher;
  readonly handler: TransportHandler;
  readonly logger: Logger | undefined;
  readonly claimAfterMs: number;
  readonly maxDeliveries: number;
  readonly blockMs: number;
  readonly batchSize: number;
}

/** Resolves after `ms`. Internal. */
export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The id of the newest entry of a stream, or `0-0` when it is empty or missing. Internal. */
export async function lastEntryId(connection: RedisConnection, stream: string): Promise<string> {
  const newest = await connection.client.xrevrange(stream, '+', '-', 'COUNT', 1);
  return newest[0]?.[0] ?? '0-0';
}
