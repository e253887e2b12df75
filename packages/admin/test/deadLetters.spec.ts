import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import { plugin, PluginManager } from '@trellis/core';
import { EventStream } from '../src/routes/EventStream.js';
import { StatusCache } from '../src/model/StatusCache.js';
import { mountAdmin } from '../src/routes/mountAdmin.js';
import { staticDir } from '../src/staticDir.js';

const letter = { letterId: '2-0', id: '1-0', group: 'billing', pattern: 'order.*', deliveries: 5 };

@plugin({ name: 'broker' })
class BrokerPlugin {
  deadLetters(): unknown[] {
    return [letter];
  }
}

@plugin({ name: 'down' })
class DownPlugin {
  deadLetters(): Promise<unknown[]> {
    return Promise.reject(new Error('Redis at redis://127.0.0.1:1 is unreachable'));
  }
}

@plugin({ name: 'odd' })
class OddPlugin {
  deadLetters(): unknown {
    return 'not a list';
  }
}

@plugin({ name: 'plain' })
class PlainPlugin {}

const TOKEN = 'dead-letter-token';

describe('GET /admin/api/dead-letters', () => {
  let app: FastifyInstance;
  let manager: PluginManager;
  let base: string;
  let events: EventStream;

  beforeEach(async () => {
    manager = new PluginManager({ logger: false });
    manager.register([BrokerPlugin, DownPlugin, OddPlugin, PlainPlugin]);
    await manager.start();
    app = Fastify();
    events = new EventStream();
    await mountAdmin(
      app,
      {
        manager,
        health: () => undefined,
        metrics: () => undefined,
        stopping: () => false,
        statusCache: new StatusCache(manager, { maxAgeMs: 0 }),
        protectedPlugins: () => [],
      },
      {
        prefix: '/admin',
        token: TOKEN,
        publicRead: false,
        bodyLimit: 1024,
        staticDir: staticDir(),
        probes: false,
        events,
      },
    );
    base = await app.listen({ host: '127.0.0.1', port: 0 });
  });

  afterEach(async () => {
    events.closeAll();
    await app.close();
    await manager.close();
  });

  describe('when plugins keep dead letters', () => {
    it('should list them by plugin, and the error of a plugin that cannot read its own', async () => {
      const response = await fetch(`${base}/admin/api/dead-letters`, {
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({
        broker: [letter],
        down: {
          error: {
            code: 'TRELLIS_ADMIN_DEAD_LETTERS',
            message: 'Redis at redis://127.0.0.1:1 is unreachable',
          },
        },
        odd: {
          error: {
            code: 'TRELLIS_ADMIN_DEAD_LETTERS',
            message: "deadLetters() of 'odd' did not answer an array",
          },
        },
      });
    });
  });

  describe('when asked without the token', () => {
    it('should answer 401', async () => {
      const response = await fetch(`${base}/admin/api/dead-letters`);
      expect(response.status).toBe(401);
    });
  });
});
