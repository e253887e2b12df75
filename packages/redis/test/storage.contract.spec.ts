import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { RedisConnection, RedisStorageDriver } from '@trellis/redis';
import { startRedisServer, type RedisServer } from '@trellis/redis/testing';
import { storageDriverContract } from '@trellis/storage/contract';

let redis: RedisServer;
let connection: RedisConnection;
let count = 0;

beforeAll(async () => {
  redis = await startRedisServer();
  connection = new RedisConnection({ url: redis.url });
  await connection.ready(5000);
});

afterAll(async () => {
  await connection.close();
  await redis.stop();
});

describe('RedisStorageDriver', () => {
  describe('when run through the storage driver contract', () => {
    const cases = storageDriverContract(
      () => new RedisStorageDriver({ client: connection.client, prefix: `contract${String(++count)}` }),
    );
    for (const c of cases) it(`should hold: ${c.name}`, c.run);
  });
});
