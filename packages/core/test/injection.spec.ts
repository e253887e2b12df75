import { Container } from 'inversify';
import {
  PluginManager,
  TOKENS,
  createToken,
  definePlugin,
  inject,
  injectable,
  plugin,
  type ExtensionRegistry,
  type Logger,
  type PluginConfig,
  type PluginContext,
} from '../src/index.js';

interface Clock {
  now(): number;
}
const ClockToken = createToken<Clock>('test.clock');
const GreeterToken = createToken<{ greet(name: string): string; owner: string }>('test.greeter');
const CounterToken = createToken<{ count: number }>('test.counter');

@plugin({ name: 'clock', provides: [{ token: ClockToken, useValue: { now: () => 42 } }] })
class ClockPlugin {}

@plugin({ name: 'core-tokens' })
class CoreTokens {
  constructor(
    @inject(TOKENS.Logger) readonly logger: Logger,
    @inject(TOKENS.Config) readonly config: PluginConfig,
    @inject(TOKENS.Context) readonly context: PluginContext,
    @inject(TOKENS.Manager) readonly manager: PluginManager,
    @inject(TOKENS.Extensions) readonly extensions: ExtensionRegistry,
  ) {}
}

describe('PluginManager dependency injection', () => {
  let manager: PluginManager;
  afterEach(async () => {
    await manager.close();
  });

  describe('when a plugin injects the core tokens', () => {
    it('should get its own logger, config, context, the manager and the registry', async () => {
      manager = new PluginManager({ logger: false, config: { 'core-tokens': { level: 3 } } });
      manager.register(CoreTokens);
      const instance = await manager.load<CoreTokens>('core-tokens');
      expect(instance.logger.bindings()).toEqual({ plugin: 'core-tokens' });
      expect(instance.config.get('level')).toBe(3);
      expect(instance.config).toBe(instance.context.config);
      expect(instance.context.name).toBe('core-tokens');
      expect(instance.manager).toBe(manager);
      expect(instance.extensions).toBe(manager.extensions);
    });
  });

  describe('when a plugin injects a token another plugin provides', () => {
    it('should make the provider a dependency and inject its service', async () => {
      @plugin({ name: 'consumer' })
      class Consumer {
        @inject(ClockToken) clock!: Clock;
      }
      manager = new PluginManager({ logger: false });
      manager.register([Consumer, ClockPlugin]);
      const report = await manager.start();
      expect(report.started).toEqual(['clock', 'consumer']);
      expect(manager.getPlugin(Consumer)?.clock.now()).toBe(42);
      expect(manager.status().find((row) => row.name === 'consumer')?.dependencies).toEqual(['clock']);
      expect(manager.graph().edges).toContainEqual({
        from: 'consumer',
        to: 'clock',
        kind: 'injected',
        range: '*',
        missing: false,
      });
    });

    it('should fail the consumer with DependencyError when the provider fails', async () => {
      @plugin({ name: 'failing-clock', provides: [{ token: ClockToken, useValue: { now: () => 0 } }] })
      class FailingClock {
        initialize() {
          throw new Error('no time');
        }
      }
      @plugin({ name: 'consumer' })
      class Consumer {
        constructor(@inject(ClockToken) readonly clock: Clock) {}
      }
      manager = new PluginManager({ logger: false });
      manager.register([Consumer, FailingClock]);
      const report = await manager.start();
      expect(report.failed.map((failure) => [failure.name, failure.error.code])).toEqual([
        ['failing-clock', 'TRELLIS_PLUGIN_LOAD'],
        ['consumer', 'TRELLIS_DEPENDENCY_FAILED'],
      ]);
    });
  });

  describe('when a plugin injects another plugin class', () => {
    it('should get its live instance and depend on it', async () => {
      @plugin({ name: 'store' })
      class Store {
        readonly items: string[] = [];
      }
      @plugin({ name: 'writer' })
      class Writer {
        constructor(@inject(Store) readonly store: Store) {}
      }
      manager = new PluginManager({ logger: false });
      manager.register([Writer, Store]);
      expect((await manager.start()).started).toEqual(['store', 'writer']);
      expect(manager.getPlugin(Writer)?.store).toBe(manager.getPlugin(Store));
    });

    it('should report a plugin class that is not registered as a missing dependency', async () => {
      @plugin({ name: 'absent' })
      class Absent {}
      @plugin({ name: 'needs-absent' })
      class NeedsAbsent {
        constructor(@inject(Absent) readonly absent: Absent) {}
      }
      manager = new PluginManager({ logger: false });
      manager.register(NeedsAbsent);
      const report = await manager.start();
      expect(report.failed[0]?.error.code).toBe('TRELLIS_DEPENDENCY_MISSING');
      expect(report.failed[0]?.error.message).toContain('Absent');
    });
  });

  describe('when a plugin provides services', () => {
    it('should build a useClass service as the providing plugin and share it', async () => {
      @injectable()
      class Greeter {
        constructor(@inject(TOKENS.Logger) private readonly logger: Logger) {}
        get owner() {
          return String(this.logger.bindings().plugin);
        }
        greet(name: string) {
          return `Hello, ${name}`;
        }
      }
      @plugin({ name: 'greeting', provides: [{ token: GreeterToken, useClass: Greeter }] })
      class Greeting {}
      @plugin({ name: 'a' })
      class A {
        constructor(@inject(GreeterToken) readonly greeter: Greeter) {}
      }
      @plugin({ name: 'b' })
      class B {
        @inject(GreeterToken) greeter!: Greeter;
      }
      manager = new PluginManager({ logger: false });
      manager.register([A, B, Greeting]);
      await manager.start();
      const a = manager.getPlugin(A);
      expect(a?.greeter.greet('Ada')).toBe('Hello, Ada');
      expect(a?.greeter.owner).toBe('greeting');
      expect(manager.getPlugin(B)?.greeter).toBe(a?.greeter);
    });

    it('should call a useFactory once with the provider context', async () => {
      const contexts: string[] = [];
      manager = new PluginManager({ logger: false });
      manager.register([
        definePlugin({
          name: 'counter',
          provides: [
            {
              token: CounterToken,
              useFactory: (ctx) => {
                contexts.push(ctx.name);
                return { count: 1 };
              },
            },
          ],
        }),
        definePlugin({ name: 'x', inject: { counter: CounterToken } }),
        definePlugin({ name: 'y', inject: { counter: CounterToken } }),
      ]);
      await manager.start();
      expect(manager.getPlugin<{ counter: { count: number } }>('x')?.counter.count).toBe(1);
      expect(contexts).toEqual(['counter']);
    });

    it('should remove the services when the provider unloads', async () => {
      manager = new PluginManager({ logger: false });
      manager.register(ClockPlugin);
      await manager.load('clock');
      expect(manager.container.isBound(ClockToken)).toBe(true);
      await manager.unload('clock');
      expect(manager.container.isBound(ClockToken)).toBe(false);
    });

    it('should let a plugin provide a value at run time through its context', async () => {
      const Late = createToken<string>('test.late');
      manager = new PluginManager({ logger: false });
      manager.register(
        definePlugin({
          name: 'late',
          initialize(ctx) {
            ctx.provide(Late, 'value');
          },
        }),
      );
      await manager.load('late');
      expect(manager.container.get(Late)).toBe('value');
      await manager.unload('late');
      expect(manager.container.isBound(Late)).toBe(false);
    });
  });

  describe('when the host passes its own container', () => {
    it('should let plugins inject what the host bound, including async values', async () => {
      const Database = createToken<string>('test.database');
      const Remote = createToken<string>('test.remote');
      const host = new Container();
      host.bind(Database).toConstantValue('db');
      host.bind(Remote).toDynamicValue(async () => 'remote');
      @plugin({ name: 'uses-host' })
      class UsesHost {
        constructor(
          @inject(Database) readonly database: string,
          @inject(Remote) readonly remote: string,
          @inject(TOKENS.Logger) readonly logger: Logger,
        ) {}
      }
      manager = new PluginManager({ logger: false, container: host });
      manager.register(UsesHost);
      const instance = await manager.load<UsesHost>('uses-host');
      expect([instance.database, instance.remote]).toEqual(['db', 'remote']);
      expect(instance.logger.bindings()).toEqual({ plugin: 'uses-host' });
    });
  });

  describe('when an injected service is not bound anywhere', () => {
    it('should fail the plugin with DependencyError naming the token', async () => {
      const Nowhere = createToken<string>('test.nowhere');
      @plugin({ name: 'lost' })
      class Lost {
        constructor(@inject(Nowhere) readonly value: string) {}
      }
      manager = new PluginManager({ logger: false });
      manager.register(Lost);
      const report = await manager.start();
      expect(report.failed[0]?.error.code).toBe('TRELLIS_DEPENDENCY_MISSING');
      expect(report.failed[0]?.error.message).toContain("injects 'test.nowhere'");
    });
  });

  describe('when a plugin resolves through ctx.get()', () => {
    it('should resolve as if injected', async () => {
      let logger: Logger | undefined;
      manager = new PluginManager({ logger: false });
      manager.register([
        ClockPlugin,
        definePlugin({
          name: 'getter',
          dependencies: ['clock'],
          initialize(ctx) {
            logger = ctx.get(TOKENS.Logger);
            expect(ctx.get(ClockToken).now()).toBe(42);
          },
        }),
      ]);
      await manager.start();
      expect(logger?.bindings()).toEqual({ plugin: 'getter' });
    });
  });
});
