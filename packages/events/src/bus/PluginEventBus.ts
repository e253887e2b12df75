import type { CloudEvent } from '../transport/CloudEvent.js';
import type {
  EventBus,
  EventSubscriptionHandler,
  PublishOptions,
  SubscribeOptions,
  Unsubscribe,
} from './EventBus.js';
import type { BusCaller, EventHub } from './EventHub.js';

/**
 * One plugin's facade of the bus: every call goes to the shared hub as this plugin. Permission
 * checks (section 9 of the design) belong here. Internal; plugins see it as {@link EventBus}.
 */
export class PluginEventBus implements EventBus {
  readonly #hub: EventHub;
  readonly #caller: BusCaller;

  constructor(hub: EventHub, caller: BusCaller) {
    this.#hub = hub;
    this.#caller = caller;
  }

  get plugin(): string {
    return this.#caller.name;
  }

  publish<TData>(type: string, data: TData, options?: PublishOptions): Promise<CloudEvent<TData>> {
    return this.#hub.publish(this.#caller, type, data, options);
  }

  subscribe<TData = unknown>(
    pattern: string,
    handler: EventSubscriptionHandler<TData>,
    options?: SubscribeOptions,
  ): Promise<Unsubscribe> {
    return this.#hub.subscribe(this.#caller, pattern, handler, options);
  }
}
