export { RedisPlugin } from './plugin/RedisPlugin.js';
export type { DeadLetter } from './plugin/DeadLetter.js';
export { RedisConnection, type RedisConnectionOptions } from './connection/RedisConnection.js';
export { RedisTransport, type RedisTransportOptions } from './transport/RedisTransport.js';
export { RedisStorageDriver, type RedisStorageDriverOptions } from './storage/RedisStorageDriver.js';
export { RedisServiceBackend, type RedisServiceBackendOptions } from './services/RedisServiceBackend.js';
export { RedisError } from './errors/RedisError.js';
export { REDIS_ERROR_CODES, type RedisErrorCode } from './errors/REDIS_ERROR_CODES.js';
