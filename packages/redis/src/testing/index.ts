export { startRedisServer, type RedisServer, type StartRedisServerOptions } from './startRedisServer.js';
