import type { CloudEvent } from '../transport/CloudEvent.js';
import type {
  EventBus,
  EventSubscriptionHandler,
  PublishOptions,
  SubscribeOptions,
  Unsubscribe,
} from './EventBus.js';
import type { BusCaller, EventHub } from './EventHub.js';
import type { PermissionChecker } from '@trellis/core';

/**
 * One plugin's facade of the bus: every call goes to the shared hub as this plugin. Permission
 * checks (section 9 of the design) belong here. Internal; plugins see it as {@link EventBus}.
 */
export class PluginEventBus implements EventBus {
  readonly #hub: EventHub;
  readonly #caller: BusCaller;
  readonly #permissions: PermissionChecker | undefined;

  /** `permissions`: the plugin's checker (`events.publish:<type>`, `events.subscribe:<pattern>`). */
  constructor(hub: EventHub, caller: BusCaller, permissions?: PermissionChecker) {
    this.#hub = hub;
    this.#caller = caller;
    this.#permissions = permissions;
  }

  get plugin(): string {
    return this.#caller.name;
  }

  publish<TData>(type: string, data: TData, options?: PublishOptions): Promise<CloudEvent<TData>> {
    const denied = this.#permissions?.denial(`events.publish:${type}`);
    if (denied !== undefined) return Promise.reject(denied);
    return this.#hub.publish(this.#caller, type, data, options);
  }

  subscribe<TData = unknown>(
    pattern: string,
    handler: EventSubscriptionHandler<TData>,
    options?: SubscribeOptions,
  ): Promise<Unsubscribe> {
    const denied = this.#permissions?.denial(`events.subscribe:${pattern}`);
    if (denied !== undefined) return Promise.reject(denied);
    return this.#hub.subscribe(this.#caller, pattern, handler, options);
  }
}
