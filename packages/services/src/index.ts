// The plugin and its tokens
export { ServicesPlugin } from './plugin/ServicesPlugin.js';
export { SERVICE_REGISTRY } from './plugin/SERVICE_REGISTRY.js';
export { SERVICE_BACKEND } from './plugin/SERVICE_BACKEND.js';

// The registry as plugins see it, and its extension points
export type {
  DiscoverQuery,
  ServiceDescription,
  ServiceRegistration,
  ServiceRegistry,
} from './registry/ServiceRegistry.js';
export type { ServiceDraft } from './registry/ServiceDraft.js';
export { SERVICE_PRE_REGISTER, SERVICE_POST_REGISTER } from './registry/SERVICE_POINTS.js';

// Backends (for backend implementations)
export type { ServiceBackend, ServiceQuery, ServiceRecord } from './backend/ServiceBackend.js';
export { InMemoryServiceBackend } from './backend/InMemoryServiceBackend.js';

// Errors
export { SERVICES_ERROR_CODES, type ServicesErrorCode } from './errors/SERVICES_ERROR_CODES.js';
export { ServiceValidationError } from './errors/ServiceValidationError.js';
export { ServiceVetoedError, type ServiceVetoedErrorOptions } from './errors/ServiceVetoedError.js';
export { ServiceNotOwnerError } from './errors/ServiceNotOwnerError.js';
export { ServicesNotReadyError } from './errors/ServicesNotReadyError.js';
