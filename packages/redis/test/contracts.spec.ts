import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { transportContract } from '@trellis/events/contract';
import { RedisConnection, RedisServiceBackend, RedisTransport } from '@trellis/redis';
import { startRedisServer, type RedisServer } from '@trellis/redis/testing';
import { serviceBackendContract } from '@trellis/services/contract';

let redis: RedisServer;
const connections: RedisConnection[] = [];

beforeAll(async () => {
  redis = await startRedisServer();
});

afterAll(async () => {
  for (const connection of connections.splice(0)) await connection.close();
  await redis.stop();
});

async function connect(): Promise<RedisConnection> {
  const connection = new RedisConnection({ url: redis.url });
  connections.push(connection);
  await connection.ready(5000);
  return connection;
}

describe('RedisTransport', () => {
  describe('when run through the transport contract of @trellis/events', () => {
    const cases = transportContract(
      async () =>
        new RedisTransport({
          connection: await connect(),
          prefix: 'contract',
          claimAfterMs: 100,
          blockMs: 200,
        }),
      { redeliveryTimeoutMs: 3000 },
    );
    for (const c of cases) it(`should hold: ${c.name}`, c.run, 10_000);
  });
});

describe('RedisServiceBackend', () => {
  describe('when run through the backend contract of @trellis/services', () => {
    const cases = serviceBackendContract(
      async () => new RedisServiceBackend({ client: (await connect()).client, prefix: 'contract' }),
    );
    for (const c of cases) it(`should hold: ${c.name}`, c.run);
  });
});
