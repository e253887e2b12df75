import type { Redis } from 'ioredis';
import { lastEntryId, sleep, type StreamReaderSettings } from './StreamReaderSettings.js';
import { EVENT_FIELD, compareIds, parseEntries, parseReadReply, type StreamEntry } from './StreamEntry.js';

/** Options of one group reader beyond the shared settings. Internal. */
export interface GroupReaderOptions {
  /** The Redis consumer group: one per (group, pattern). */
  readonly groupKey: string;
  /** The subscriber's group name, as given. */
  readonly group: string;
  /** This reader's consumer name, unique per host and subscription. */
  readonly consumer: string;
}

/**
 * A subscriber of a group: reads with `XREADGROUP`, acknowledges after its handler succeeded, and
 * every so often claims (`XPENDING` + `XCLAIM`) the entries any consumer of the group left
 * unacknowledged for `claimAfterMs` — a dead host's, or its own failed ones — and handles them with
 * `deliveryCount` + 1; an entry already delivered `maxDeliveries` times goes to the dead-letter
 * stream instead. Internal.
 */
export class GroupReader {
  readonly #settings: StreamReaderSettings;
  readonly #options: GroupReaderOptions;
  #client: Redis | undefined;
  #lastId = '0-0';
  #active = false;
  #loop: Promise<void> | undefined;

  constructor(settings: StreamReaderSettings, options: GroupReaderOptions) {
    this.#settings = settings;
    this.#options = options;
  }

  async start(): Promise<void> {
    this.#lastId = await lastEntryId(this.#settings.connection, this.#settings.stream);
    await this.#createGroup(this.#lastId);
    this.#client = this.#settings.connection.open(`group:${this.#options.group}`);
    this.#active = true;
    this.#loop = this.#run(this.#client);
  }

  async stop(): Promise<void> {
    this.#active = false;
    if (this.#client !== undefined) this.#settings.connection.drop(this.#client);
    await this.#loop;
    // A consumer holding nothing leaves the group; one holding entries stays so others claim them.
    const { stream } = this.#settings;
    const { groupKey, consumer } = this.#options;
    const command = this.#settings.connection.client;
    if (command.status !== 'ready') return;
    try {
      const held = (await command.call('XPENDING', stream, groupKey, '-', '+', 1, consumer)) as unknown[];
      if (held.length === 0) await command.call('XGROUP', 'DELCONSUMER', stream, groupKey, consumer);
    } catch {
      // Leaving the consumer in the group is harmless.
    }
  }

  async #createGroup(at: string): Promise<void> {
    const { stream } = this.#settings;
    try {
      await this.#settings.connection.client.call(
        'XGROUP',
        'CREATE',
        stream,
        this.#options.groupKey,
        at,
        'MKSTREAM',
      );
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith('BUSYGROUP')) throw error;
    }
  }

  async #run(client: Redis): Promise<void> {
    const { stream, batchSize, blockMs, claimAfterMs, logger } = this.#settings;
    const { groupKey, consumer } = this.#options;
    const claimEvery = Math.max(20, Math.min(1000, Math.floor(claimAfterMs / 4)));
    let nextClaim = 0;
    while (this.#active) {
      try {
        if (Date.now() >= nextClaim) {
          await this.#claim();
          nextClaim = Date.now() + claimEvery;
        }
        const reply = await client.call(
          'XREADGROUP',
          'GROUP',
          groupKey,
          consumer,
          'COUNT',
          batchSize,
          'BLOCK',
          Math.min(blockMs, claimEvery),
          'STREAMS',
          stream,
          '>',
        );
        await this.#handle(parseReadReply(reply), () => 1);
      } catch (error) {
        if (this.#stopped()) return;
        if (error instanceof Error && error.message.startsWith('NOGROUP')) {
          // The broker lost the group (a restart without persistence): resume after the last entry seen.
          await this.#createGroup(this.#lastId).catch(() => undefined);
          continue;
        }
        logger?.debug({ err: error }, 'Redis XREADGROUP failed; retrying');
        await sleep(100);
      }
    }
  }

  /** Handles entries in order; acknowledges those handled (or not for this pattern) in one XACK. */
  async #handle(entries: readonly StreamEntry[], deliveryCount: (id: string) => number): Promise<void> {
    const { stream, matcher, handler, logger } = this.#settings;
    const acks: string[] = [];
    for (const { id, event } of entries) {
      if (this.#stopped()) break;
      if (compareIds(id, this.#lastId) > 0) this.#lastId = id;
      if (event === undefined || !matcher.matches(event.type)) {
        acks.push(id);
        continue;
      }
      try {
        await handler(Object.freeze({ ...event, deliveryCount: deliveryCount(id) }));
        acks.push(id);
      } catch (error) {
        logger?.warn(
          { err: error, event: event.type, id: event.id, group: this.#options.group },
          `handler of '${matcher.pattern}' failed; the event stays unacknowledged and is redelivered after claimAfterMs`,
        );
      }
    }
    if (acks.length > 0) await this.#settings.connection.client.xack(stream, this.#options.groupKey, ...acks);
  }

  async #claim(): Promise<void> {
    const { stream, deadLetters, claimAfterMs, maxDeliveries, batchSize, connection } = this.#settings;
    const { groupKey, consumer, group } = this.#options;
    const command = connection.client;
    const pending = (await command.call(
      'XPENDING',
      stream,
      groupKey,
      'IDLE',
      claimAfterMs,
      '-',
      '+',
      batchSize,
    )) as [string, string, number, number][];
    if (pending.length === 0) return;
    const deliveries = new Map(pending.map(([id, , , count]) => [id, count]));
    const exhausted = pending.filter(([, , , count]) => count >= maxDeliveries).map(([id]) => id);
    const retry = pending.filter(([, , , count]) => count < maxDeliveries).map(([id]) => id);
    if (exhausted.length > 0) {
      // Claiming first makes one host win the entry; it then dead-letters and acknowledges it.
      const won = parseEntries(
        await command.call('XCLAIM', stream, groupKey, consumer, claimAfterMs, ...exhausted),
      );
      if (won.length > 0) {
        const batch = command.multi();
        for (const { id, event } of won) {
          const letter = {
            id,
            group,
            pattern: this.#settings.matcher.pattern,
            deliveries: deliveries.get(id) ?? 0,
            deadAt: new Date().toISOString(),
            event,
          };
          batch.xadd(deadLetters, '*', EVENT_FIELD, JSON.stringify(letter));
        }
        batch.xack(stream, groupKey, ...won.map(({ id }) => id));
        await batch.exec();
      }
    }
    if (retry.length > 0) {
      const claimed = parseEntries(
        await command.call('XCLAIM', stream, groupKey, consumer, claimAfterMs, ...retry),
      );
      await this.#handle(claimed, (id) => (deliveries.get(id) ?? 0) + 1);
    }
  }

  /** Read after an await: `stop()` may have run meanwhile. */
  #stopped(): boolean {
    return !this.#active;
  }
}
