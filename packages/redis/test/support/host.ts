// A host process for the multi-host tests: a PluginManager with RedisPlugin, the events, services
// and storage plugins and a 'probe' plugin, driven by JSON lines on stdin, answering on stdout.
// Usage: node --conditions=@trellis/source --import ../../../../scripts/ts/register.mjs host.ts <name> <redisUrl> <claimAfterMs>
import { createInterface } from 'node:readline';
import { PluginManager, definePlugin } from '@trellis/core';
import { EVENT_BUS, EventsPlugin, type EventBus } from '@trellis/events';
import { RedisPlugin } from '@trellis/redis';
import { SERVICE_REGISTRY, ServicesPlugin, type ServiceRegistry } from '@trellis/services';
import { STORAGE, StoragePlugin, type PluginStorage } from '@trellis/storage';

const [name = 'host', url = '', claimAfterMs = '30000'] = process.argv.slice(2);

interface Probe {
  bus: EventBus;
  registry: ServiceRegistry;
  storage: PluginStorage;
}

const ProbePlugin = definePlugin({
  name: 'probe',
  inject: { bus: EVENT_BUS, registry: SERVICE_REGISTRY, storage: STORAGE },
});

const say = (message: Record<string, unknown>): void => {
  process.stdout.write(`${JSON.stringify({ host: name, ...message })}\n`);
};

const manager = new PluginManager({
  logger: false,
  config: {
    'trellis.redis': {
      url,
      claimAfterMs: Number(claimAfterMs),
      heartbeatMs: 200,
      ttlMs: 1000,
      operationTimeoutMs: 20_000,
    },
  },
});
manager.register([ProbePlugin, StoragePlugin, ServicesPlugin, EventsPlugin, RedisPlugin]);
const report = await manager.start();
if (report.failed.length > 0) {
  say({ ev: 'failed', errors: report.failed.map((f) => String(f.error)) });
  process.exit(1);
}
const probe = manager.getPlugin('probe') as unknown as Probe;
const redis = manager.getPlugin('trellis.redis') as unknown as RedisPlugin;

type Command = Record<string, unknown> & { cmd: string; seq?: number };

async function run(command: Command): Promise<unknown> {
  switch (command.cmd) {
    case 'subscribe': {
      const mode = command.mode as 'ok' | 'hang' | undefined;
      const options = typeof command.group === 'string' ? { group: command.group } : {};
      await probe.bus.subscribe(
        String(command.pattern),
        async (event) => {
          say({
            ev: 'handled',
            data: event.data,
            deliveryCount: event.deliveryCount,
            group: command.group ?? null,
          });
          if (mode === 'hang') await new Promise(() => undefined);
        },
        options,
      );
      return true;
    }
    case 'publish':
      await probe.bus.publish(String(command.type), command.data);
      return true;
    case 'publishMany': {
      const count = Number(command.count);
      for (let i = 0; i < count; i++) {
        await probe.bus.publish(String(command.type), i);
        say({ ev: 'published', data: i });
        if (typeof command.gapMs === 'number')
          await new Promise((r) => setTimeout(r, command.gapMs as number));
      }
      return count;
    }
    case 'register':
      return probe.registry.register({
        name: String(command.name),
        url: 'http://example/' + name,
        tags: ['t'],
      });
    case 'discover':
      return probe.registry.discover({ name: String(command.name) });
    case 'set':
      await probe.storage.set(String(command.key), command.value);
      return true;
    case 'get':
      return probe.storage.get(String(command.key));
    case 'health':
      return redis.checkHealth();
    case 'close':
      await manager.close();
      return true;
    default:
      throw new Error(`unknown command ${command.cmd}`);
  }
}

createInterface({ input: process.stdin }).on('line', (line) => {
  const command = JSON.parse(line) as Command;
  run(command).then(
    (result) => {
      say({ ev: 'result', seq: command.seq, result });
    },
    (error: unknown) => {
      say({ ev: 'result', seq: command.seq, error: String(error) });
    },
  );
});
say({ ev: 'ready' });
