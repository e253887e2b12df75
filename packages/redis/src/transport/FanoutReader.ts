import type { Redis } from 'ioredis';
import { lastEntryId, sleep, type StreamReaderSettings } from './StreamReaderSettings.js';
import { parseReadReply } from './StreamEntry.js';

/**
 * A subscriber without a group: reads the stream with `XREAD` from where it stopped, so it gets each
 * event once, in publish order, on every host (the publishing one included). Internal.
 */
export class FanoutReader {
  readonly #settings: StreamReaderSettings;
  #client: Redis | undefined;
  #lastId = '0-0';
  #active = false;
  #loop: Promise<void> | undefined;

  constructor(settings: StreamReaderSettings) {
    this.#settings = settings;
  }

  async start(): Promise<void> {
    this.#lastId = await lastEntryId(this.#settings.connection, this.#settings.stream);
    this.#client = this.#settings.connection.open('fanout');
    this.#active = true;
    this.#loop = this.#run(this.#client);
  }

  async stop(): Promise<void> {
    this.#active = false;
    if (this.#client !== undefined) this.#settings.connection.drop(this.#client);
    await this.#loop;
  }

  async #run(client: Redis): Promise<void> {
    const { stream, batchSize, blockMs, matcher, handler, logger } = this.#settings;
    while (this.#active) {
      let reply: unknown;
      try {
        reply = await client.call(
          'XREAD',
          'COUNT',
          batchSize,
          'BLOCK',
          blockMs,
          'STREAMS',
          stream,
          this.#lastId,
        );
      } catch (error) {
        if (this.#stopped()) return;
        logger?.debug({ err: error }, 'Redis XREAD failed; retrying');
        await sleep(100);
        continue;
      }
      for (const { id, event } of parseReadReply(reply)) {
        this.#lastId = id;
        if (this.#stopped()) return;
        if (event === undefined || !matcher.matches(event.type)) continue;
        try {
          await handler(Object.freeze({ ...event, deliveryCount: 1 }));
        } catch (error) {
          logger?.warn(
            { err: error, event: event.type, id: event.id },
            `handler of '${matcher.pattern}' failed`,
          );
        }
      }
    }
  }

  /** Read after an await: `stop()` may have run meanwhile. */
  #stopped(): boolean {
    return !this.#active;
  }
}
