import { createToken } from '@trellis/core';
import type { ServiceBackend } from '../backend/ServiceBackend.js';

/**
 * Where `ServicesPlugin` looks for a backend. Bind a {@link ServiceBackend} to it (as
 * `@trellis/redis` does) and the registry keeps its entries there instead of in memory; the binder
 * owns it (`ServicesPlugin` never closes it).
 */
export const SERVICE_BACKEND = createToken<ServiceBackend>('trellis.services.backend');
