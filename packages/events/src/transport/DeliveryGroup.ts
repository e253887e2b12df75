import type { CloudEvent } from './CloudEvent.js';
import type { TransportHandler } from './EventTransport.js';
import type { SubscriptionInfo } from './InMemoryTransportOptions.js';
import { RingQueue } from './RingQueue.js';

/** One subscriber of a group (or the only one of an ungrouped subscription). Internal. */
export interface GroupMember {
  readonly handler: TransportHandler;
  busy: boolean;
  removed: boolean;
  /** The delivery in flight when the handler returned a promise. */
  current: Promise<void> | undefined;
}

/** What a {@link DeliveryGroup} needs from its transport. Internal. */
export interface DeliverySettings {
  readonly queueLimit: number;
  readonly maxDeliveries: number;
  readonly onOverflow: ((event: CloudEvent, info: SubscriptionInfo) => void) | undefined;
  readonly onDeadLetter: ((event: CloudEvent, info: SubscriptionInfo, error: unknown) => void) | undefined;
  /** Asks the transport to call {@link DeliveryGroup.pump} soon (one microtask serves every group). */
  readonly schedule: (group: DeliveryGroup) => void;
}

const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  value !== null &&
  (typeof value === 'object' || typeof value === 'function') &&
  typeof (value as { then?: unknown }).then === 'function';

/**
 * The bounded queue of one subscription (or of one group: its members take events from one shared
 * queue, so each event is handled once by the group). Each member handles one event at a time, so
 * an ungrouped subscriber sees its events in publish order. A handler that throws or rejects gets
 * the event again at once (`deliveryCount` + 1) until `maxDeliveries`, then it is dead-lettered.
 * When the queue is full the oldest waiting event is dropped and reported. Internal.
 */
export class DeliveryGroup {
  readonly pattern: string;
  readonly group: string | undefined;
  readonly #settings: DeliverySettings;
  readonly #queue = new RingQueue<CloudEvent>();
  readonly #members: GroupMember[] = [];
  #scheduled = false;

  constructor(pattern: string, group: string | undefined, settings: DeliverySettings) {
    this.pattern = pattern;
    this.group = group;
    this.#settings = settings;
  }

  get empty(): boolean {
    return this.#members.length === 0;
  }

  add(handler: TransportHandler): GroupMember {
    const member: GroupMember = { handler, busy: false, removed: false, current: undefined };
    this.#members.push(member);
    this.#schedule();
    return member;
  }

  /** Removes a member; later events are not given to it. Resolves once its delivery in flight settled. */
  remove(member: GroupMember): Promise<void> {
    member.removed = true;
    const index = this.#members.indexOf(member);
    if (index >= 0) this.#members.splice(index, 1);
    if (this.#members.length === 0) this.#queue.clear();
    else this.#schedule();
    return member.current ?? Promise.resolve();
  }

  /** Drops every waiting event and member; resolves once deliveries in flight settled. */
  close(): Promise<void> {
    const inFlight: Promise<void>[] = [];
    for (const member of this.#members.splice(0)) {
      member.removed = true;
      if (member.current !== undefined) inFlight.push(member.current);
    }
    this.#queue.clear();
    return Promise.all(inFlight).then(() => undefined);
  }

  enqueue(event: CloudEvent): void {
    const queue = this.#queue;
    if (queue.size >= this.#settings.queueLimit) {
      const dropped = queue.shift();
      if (dropped !== undefined) this.#report(this.#settings.onOverflow, dropped);
    }
    queue.push(event);
    if (!this.#scheduled) {
      this.#scheduled = true;
      this.#settings.schedule(this);
    }
  }

  #schedule(): void {
    if (this.#scheduled || this.#queue.size === 0) return;
    this.#scheduled = true;
    this.#settings.schedule(this);
  }

  /** Gives waiting events to idle members; called by the transport's scheduled flush. */
  pump(): void {
    this.#scheduled = false;
    const members = this.#members;
    for (let index = 0; index < members.length && this.#queue.size > 0; index++) {
      const member = members[index];
      if (member !== undefined && !member.busy) this.#work(member);
    }
  }

  #work(member: GroupMember): void {
    member.busy = true;
    const queue = this.#queue;
    while (!member.removed) {
      const event = queue.shift();
      if (event === undefined) break;
      let result: unknown;
      try {
        result = member.handler(event);
      } catch (error) {
        this.#failed(event, error, member);
        continue;
      }
      if (isThenable(result)) {
        member.current = Promise.resolve(result).then(
          () => {
            member.current = undefined;
            this.#work(member);
          },
          (error: unknown) => {
            member.current = undefined;
            this.#failed(event, error, member);
            this.#work(member);
          },
        );
        return;
      }
    }
    member.busy = false;
  }

  #failed(event: CloudEvent, error: unknown, member: GroupMember): void {
    const count = event.deliveryCount ?? 1;
    if (count >= this.#settings.maxDeliveries) {
      this.#report(this.#settings.onDeadLetter, event, member.handler, error);
      return;
    }
    // A group whose last member left drops its events; otherwise the event goes first again.
    if (this.#members.length === 0) return;
    this.#queue.unshift(Object.freeze({ ...event, deliveryCount: count + 1 }));
    if (member.removed) this.#schedule();
  }

  #report(
    callback: ((event: CloudEvent, info: SubscriptionInfo, error: unknown) => void) | undefined,
    event: CloudEvent,
    handler?: TransportHandler,
    error?: unknown,
  ): void {
    if (callback === undefined) return;
    try {
      const owner = handler ?? (this.group === undefined ? this.#members[0]?.handler : undefined);
      callback(event, { pattern: this.pattern, group: this.group, handler: owner }, error);
    } catch {
      // A reporting callback must not break delivery.
    }
  }
}
