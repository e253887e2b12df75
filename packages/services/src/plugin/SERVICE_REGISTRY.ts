import { createToken } from '@trellis/core';
import type { ServiceRegistry } from '../registry/ServiceRegistry.js';

/**
 * The service registry, consumer-scoped: each plugin that injects it gets its own
 * {@link ServiceRegistry}, whose registrations it owns and loses when it stops.
 *
 * @example
 * ```ts
 * constructor(@inject(SERVICE_REGISTRY) private readonly services: ServiceRegistry) {}
 * ```
 */
export const SERVICE_REGISTRY = createToken<ServiceRegistry>('trellis.services.registry');
