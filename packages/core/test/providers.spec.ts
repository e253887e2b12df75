import {
  PluginManager,
  createToken,
  definePlugin,
  inject,
  plugin,
  postConstruct,
  type PluginContext,
} from '../src/index.js';

/** What a consumer-scoped provider hands each plugin: a facade that knows who it serves. */
interface Facade {
  readonly owner: string;
  readonly provider: string;
}
const FacadeToken = createToken<Facade>('test.providers.facade');

/** A thenable: inversify would await it; Trellis must inject it as it is. */
class Booting {
  booted = false;
  then(resolve: (value: unknown) => void): void {
    this.booted = true;
    resolve('booted');
  }
}
const ServerToken = createToken<Booting>('test.providers.server');

function facadeProvider(built: string[]) {
  return definePlugin({
    name: 'facades',
    provides: [
      {
        token: FacadeToken,
        scope: 'consumer',
        useFactory: (own: PluginContext, consumer: PluginContext): Facade => {
          built.push(consumer.name);
          return { owner: consumer.name, provider: own.name };
        },
      },
    ],
  });
}

describe('Providers', () => {
  let manager: PluginManager;
  afterEach(async () => {
    await manager.close();
  });

  describe('when a provider is consumer-scoped', () => {
    it('should build one value per injecting plugin with its own context', async () => {
      const built: string[] = [];
      @plugin({ name: 'alpha' })
      class Alpha {
        constructor(@inject(FacadeToken) readonly facade: Facade) {}
      }
      @plugin({ name: 'beta' })
      class Beta {
        @inject(FacadeToken) facade!: Facade;
        seen: string | undefined;
        @postConstruct() seenAtPostConstruct(): void {
          this.seen = this.facade.owner;
        }
      }
      manager = new PluginManager({ logger: false });
      manager.register([Alpha, Beta, facadeProvider(built)]);
      const report = await manager.start();
      expect(report.started).toEqual(['facades', 'alpha', 'beta']);
      expect(manager.getPlugin(Alpha)?.facade).toEqual({ owner: 'alpha', provider: 'facades' });
      expect(manager.getPlugin(Beta)?.facade).toEqual({ owner: 'beta', provider: 'facades' });
      expect(manager.getPlugin(Beta)?.seen).toBe('beta');
      expect(built).toEqual(['alpha', 'beta']);
    });

    it('should make the provider a dependency of each injecting plugin', async () => {
      @plugin({ name: 'alpha' })
      class Alpha {
        constructor(@inject(FacadeToken) readonly facade: Facade) {}
      }
      manager = new PluginManager({ logger: false });
      manager.register([Alpha, facadeProvider([])]);
      expect(manager.graph().edges).toContainEqual(
        expect.objectContaining({ from: 'alpha', to: 'facades', kind: 'injected' }),
      );
    });

    it('should give ctx.get() the same value the plugin was injected with', async () => {
      let fromContext: Facade | undefined;
      @plugin({ name: 'alpha' })
      class Alpha {
        constructor(@inject(FacadeToken) readonly facade: Facade) {}
        initialize(ctx: PluginContext): void {
          fromContext = ctx.get(FacadeToken);
        }
      }
      manager = new PluginManager({ logger: false });
      manager.register([Alpha, facadeProvider([])]);
      await manager.start();
      expect(fromContext).toBe(manager.getPlugin(Alpha)?.facade);
    });

    it('should build the value for a plugin that only uses ctx.get()', async () => {
      let fromContext: Facade | undefined;
      manager = new PluginManager({ logger: false });
      manager.register([
        facadeProvider([]),
        definePlugin({
          name: 'gamma',
          dependencies: ['facades'],
          initialize(ctx) {
            fromContext = ctx.get(FacadeToken);
          },
        }),
      ]);
      await manager.start();
      expect(fromContext).toEqual({ owner: 'gamma', provider: 'facades' });
    });

    it('should build a fresh value when the consumer is loaded again', async () => {
      const built: string[] = [];
      @plugin({ name: 'alpha' })
      class Alpha {
        constructor(@inject(FacadeToken) readonly facade: Facade) {}
      }
      manager = new PluginManager({ logger: false });
      manager.register([Alpha, facadeProvider(built)]);
      await manager.start();
      const first = manager.getPlugin(Alpha)?.facade;
      await manager.reload('alpha');
      expect(manager.getPlugin(Alpha)?.facade).not.toBe(first);
      expect(built).toEqual(['alpha', 'alpha']);
    });

    it('should refuse to build a value for the host, which is no plugin', async () => {
      manager = new PluginManager({ logger: false });
      manager.register(facadeProvider([]));
      await manager.start();
      expect(() => manager.get(FacadeToken)).toThrow(/scope: 'consumer'.*inject it into a plugin/);
    });

    it('should reject a consumer scope without useFactory at registration', () => {
      manager = new PluginManager({ logger: false });
      const Bad = definePlugin({
        name: 'bad',
        provides: [{ token: FacadeToken, useValue: {}, scope: 'consumer' } as never],
      });
      expect(() => manager.register(Bad)).toThrow(/scope 'consumer' needs useFactory/);
    });
  });

  describe('when a plugin provides singleton services', () => {
    it('should share a useFactory value, built once with the provider context', async () => {
      const calls: string[] = [];
      const Shared = createToken<{ by: string }>('test.providers.shared');
      manager = new PluginManager({ logger: false });
      manager.register([
        definePlugin({
          name: 'maker',
          provides: [
            {
              token: Shared,
              useFactory: (ctx) => {
                calls.push(ctx.name);
                return { by: ctx.name };
              },
            },
          ],
        }),
        definePlugin({ name: 'x', inject: { shared: Shared } }),
        definePlugin({ name: 'y', inject: { shared: Shared } }),
      ]);
      await manager.start();
      expect(manager.getPlugin<{ shared: unknown }>('x')?.shared).toBe(
        manager.getPlugin<{ shared: unknown }>('y')?.shared,
      );
      expect(calls).toEqual(['maker']);
      expect(manager.get(Shared)).toEqual({ by: 'maker' });
    });
  });

  describe('when a provided value is a thenable', () => {
    it('should inject it as it is, without awaiting it', async () => {
      const server = new Booting();
      @plugin({ name: 'http', provides: [{ token: ServerToken, useValue: server }] })
      class Http {}
      @plugin({ name: 'routes' })
      class Routes {
        @inject(ServerToken) property!: Booting;
        constructor(@inject(ServerToken) readonly parameter: Booting) {}
      }
      manager = new PluginManager({ logger: false });
      manager.register([Routes, Http]);
      const report = await manager.start();
      expect(report.failed).toEqual([]);
      const routes = manager.getPlugin(Routes);
      expect(routes?.parameter).toBe(server);
      expect(routes?.property).toBe(server);
      expect(routes).toBeInstanceOf(Routes);
      expect(routes?.constructor).toBe(Routes);
      expect(manager.get(ServerToken)).toBe(server);
      expect(server.booted).toBe(false);
    });

    it('should keep a thenable a factory returns or ctx.provide() binds as it is', async () => {
      const made = new Booting();
      const late = new Booting();
      const Late = createToken<Booting>('test.providers.late');
      let seen: Booting | undefined;
      manager = new PluginManager({ logger: false });
      manager.register([
        definePlugin({
          name: 'maker',
          provides: [{ token: ServerToken, useFactory: () => made }],
          initialize(ctx) {
            ctx.provide(Late, late);
          },
        }),
        definePlugin({
          name: 'user',
          dependencies: ['maker'],
          inject: { server: ServerToken },
          initialize(ctx) {
            seen = ctx.get(Late);
          },
        }),
      ]);
      await manager.start();
      expect(manager.getPlugin<{ server: Booting }>('user')?.server).toBe(made);
      expect(seen).toBe(late);
      expect([made.booted, late.booted]).toEqual([false, false]);
    });

    it('should inject a consumer-scoped thenable as it is', async () => {
      const Scoped = createToken<Booting>('test.providers.scoped');
      manager = new PluginManager({ logger: false });
      manager.register([
        definePlugin({
          name: 'maker',
          provides: [{ token: Scoped, scope: 'consumer', useFactory: () => new Booting() }],
        }),
        definePlugin({ name: 'user', inject: { scoped: Scoped } }),
      ]);
      await manager.start();
      const scoped = manager.getPlugin<{ scoped: Booting }>('user')?.scoped;
      expect(scoped).toBeInstanceOf(Booting);
      expect(scoped?.booted).toBe(false);
    });
  });
});
