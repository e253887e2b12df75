import { PluginManager, TrellisError, hook, inject, plugin, type PluginClass } from '@trellis/core';
import {
  InMemoryServiceBackend,
  SERVICE_BACKEND,
  SERVICE_PRE_REGISTER,
  SERVICE_REGISTRY,
  ServicesPlugin,
  type ServiceDraft,
  type ServiceRecord,
  type ServiceRegistry,
} from '../src/index.js';

const codeOf = (error: unknown): string | undefined => (TrellisError.is(error) ? error.code : undefined);

@plugin({ name: 'payments' })
class Payments {
  constructor(@inject(SERVICE_REGISTRY) readonly services: ServiceRegistry) {}
}

@plugin({ name: 'billing' })
class Billing {
  constructor(@inject(SERVICE_REGISTRY) readonly services: ServiceRegistry) {}
}

async function host(...extra: PluginClass[]): Promise<PluginManager> {
  const manager = new PluginManager({ logger: false });
  manager.register([ServicesPlugin, Payments, Billing, ...extra]);
  await manager.start();
  return manager;
}

const registryOf = (manager: PluginManager, cls: typeof Payments | typeof Billing): ServiceRegistry => {
  const instance = manager.getPlugin(cls);
  if (instance === undefined) throw new Error('plugin not loaded');
  return instance.services;
};

describe('ServicesPlugin', () => {
  describe('when a plugin registers a service', () => {
    it('should resolve to an id and let any plugin discover it by name or tag', async () => {
      const manager = await host();
      const payments = registryOf(manager, Payments);
      const id = await payments.register({
        name: 'payments',
        url: 'http://127.0.0.1:4000',
        tags: ['v2', 'eu', 'v2'],
        metadata: { weight: 1 },
      });
      await payments.register({ name: 'refunds', tags: ['v2'] });
      const billing = registryOf(manager, Billing);
      expect(payments.plugin).toBe('payments');
      expect(await billing.discover({ name: 'payments' })).toEqual([
        { id, name: 'payments', url: 'http://127.0.0.1:4000', tags: ['v2', 'eu'], metadata: { weight: 1 } },
      ]);
      expect((await billing.discover({ tag: 'v2' })).map((service) => service.name).sort()).toEqual([
        'payments',
        'refunds',
      ]);
      expect(await billing.discover({ name: 'payments', tag: 'eu' })).toHaveLength(1);
      expect(await billing.discover({ name: 'payments', tag: 'us' })).toEqual([]);
      expect(await billing.discover()).toHaveLength(2);
      await manager.close();
    });

    it('should unregister its own services and refuse to unregister another plugin’s', async () => {
      const manager = await host();
      const id = await registryOf(manager, Payments).register({ name: 'payments' });
      const error: unknown = await registryOf(manager, Billing)
        .unregister(id)
        .catch((caught: unknown) => caught);
      expect(codeOf(error)).toBe('TRELLIS_SERVICE_NOT_OWNER');
      expect((error as Error).message).toContain("'billing'");
      expect(await registryOf(manager, Payments).unregister(id)).toBe(true);
      expect(await registryOf(manager, Payments).unregister(id)).toBe(false);
      expect(await registryOf(manager, Billing).discover({ name: 'payments' })).toEqual([]);
      await manager.close();
    });

    it('should remove a plugin’s services when it stops, and only its', async () => {
      const manager = await host();
      await registryOf(manager, Payments).register({ name: 'payments' });
      await registryOf(manager, Billing).register({ name: 'billing' });
      const billing = registryOf(manager, Billing);
      await manager.unload('payments');
      expect((await billing.discover()).map((service) => service.name)).toEqual(['billing']);
      await manager.close();
    });
  });

  describe('when given bad input', () => {
    it('should reject register without a name, naming the plugin', async () => {
      const manager = await host();
      const payments = registryOf(manager, Payments);
      const inputs: [unknown, string][] = [
        [{}, "'name' is missing"],
        [{ name: '' }, "'name' must be"],
        [{ name: 'a b' }, "'name' must be"],
        [{ name: 'x', url: 'not a url' }, "'url' must be"],
        [{ name: 'x', tags: 'v2' }, "'tags' must be"],
        [{ name: 'x', metadata: { at: new Date() } }, 'metadata.at is not a JSON value'],
        [undefined, 'takes an object'],
      ];
      for (const [input, problem] of inputs) {
        const error: unknown = await payments.register(input as never).catch((caught: unknown) => caught);
        expect(codeOf(error)).toBe('TRELLIS_SERVICE_INVALID');
        expect((error as Error).message).toContain("Plugin 'payments'");
        expect((error as Error).message).toContain(problem);
      }
      expect(await payments.discover()).toEqual([]);
      await manager.close();
    });
  });

  describe('when plugins hook service.pre_register and service.post_register', () => {
    it('should store what a pre_register handler amends and notify post_register with the record', async () => {
      const notified: ServiceRecord[] = [];
      @plugin({ name: 'region-stamp' })
      class RegionStamp {
        @hook('service.pre_register')
        stamp(draft: ServiceDraft): ServiceDraft {
          return { ...draft, tags: [...draft.tags, 'eu-west'], owner: 'someone-else' };
        }
        @hook('service.post_register')
        seen(record: ServiceRecord): void {
          notified.push(record);
        }
      }
      const manager = await host(RegionStamp);
      const id = await registryOf(manager, Payments).register({ name: 'payments', tags: ['v2'] });
      expect(await registryOf(manager, Billing).discover({ tag: 'eu-west' })).toEqual([
        { id, name: 'payments', tags: ['v2', 'eu-west'], metadata: {} },
      ]);
      expect(notified).toEqual([
        { id, name: 'payments', tags: ['v2', 'eu-west'], metadata: {}, owner: 'payments' },
      ]);
      await manager.close();
    });

    it('should reject register with the reason of a handler that vetoes, and store nothing', async () => {
      @plugin({ name: 'naming-policy' })
      class NamingPolicy {
        initialize(ctx: { registerHook: PluginManager['registerHook'] }): void {
          ctx.registerHook(SERVICE_PRE_REGISTER, async (draft) => {
            await Promise.resolve();
            if (draft.name.startsWith('tmp-')) throw new Error('temporary services are not allowed');
            return undefined;
          });
        }
      }
      const manager = await host(NamingPolicy);
      const error: unknown = await registryOf(manager, Payments)
        .register({ name: 'tmp-payments' })
        .catch((caught: unknown) => caught);
      expect(codeOf(error)).toBe('TRELLIS_SERVICE_VETOED');
      expect((error as Error).message).toBe(
        "Service 'tmp-payments' of plugin 'payments' was refused by the service.pre_register handler of plugin " +
          "'naming-policy': temporary services are not allowed",
      );
      expect(await registryOf(manager, Billing).discover()).toEqual([]);
      expect(await registryOf(manager, Payments).register({ name: 'payments' })).toEqual(expect.any(String));
      await manager.close();
    });

    it('should reject a registration a handler broke', async () => {
      @plugin({ name: 'breaker' })
      class Breaker {
        @hook('service.pre_register')
        breakIt(draft: ServiceDraft): ServiceDraft {
          return { ...draft, name: '' };
        }
      }
      const manager = await host(Breaker);
      const error: unknown = await registryOf(manager, Payments)
        .register({ name: 'payments' })
        .catch((caught: unknown) => caught);
      expect(codeOf(error)).toBe('TRELLIS_SERVICE_INVALID');
      expect((error as Error).message).toContain('after its service.pre_register handlers');
      await manager.close();
    });
  });

  describe('when another plugin binds SERVICE_BACKEND', () => {
    it('should keep entries there whatever the registration order, and leave it open', async () => {
      const backend = new InMemoryServiceBackend();
      @plugin({ name: 'trellis.redis', provides: [{ token: SERVICE_BACKEND, useValue: backend }] })
      class FakeRedis {}
      const manager = new PluginManager({ logger: false });
      manager.register([ServicesPlugin, Payments, FakeRedis]);
      await manager.start();
      const id = await registryOf(manager, Payments).register({ name: 'payments' });
      expect((await backend.discover({})).map((record) => [record.id, record.owner])).toEqual([
        [id, 'payments'],
      ]);
      await manager.close();
      expect(await backend.discover({})).toEqual([]);
      await backend.close();
    });
  });

  describe('when the services plugin is stopped', () => {
    it('should reject use of the registry', async () => {
      const manager = await host();
      const payments = registryOf(manager, Payments);
      await manager.stop();
      const error: unknown = await payments.discover().catch((caught: unknown) => caught);
      expect(codeOf(error)).toBe('TRELLIS_SERVICES_NOT_READY');
      await manager.close();
    });
  });
});
