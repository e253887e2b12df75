import { spy } from './spy.js';
import {
  PluginBase,
  PluginManager,
  TOKENS,
  defineFilter,
  definePlugin,
  hook,
  inject,
  plugin,
  type HookError,
  type Logger,
} from '../src/index.js';

interface Login {
  username: string;
  greeted?: boolean;
  tags?: string[];
}
const UserLogin = defineFilter<Login>('user.login');

@plugin({ name: 'welcome', version: '1.0.0', config: { greeting: { type: 'string', default: 'Welcome' } } })
class WelcomePlugin {
  constructor(@inject(TOKENS.Logger) private readonly log: Logger) {}

  @hook('user.login', { priority: 100 })
  greet(data: Login) {
    this.log.debug(`Welcome, ${data.username}!`);
    return { ...data, greeted: true };
  }
}

describe('PluginManager hooks', () => {
  let manager: PluginManager;
  afterEach(async () => {
    await manager.close();
  });

  describe('when a plugin declares @hook methods', () => {
    it('should register them bound to the instance on load and remove them on unload', async () => {
      manager = new PluginManager({ logger: false });
      manager.register(WelcomePlugin);
      await manager.start();
      expect(manager.trigger('user.login', { username: 'Alice' })).toEqual({
        username: 'Alice',
        greeted: true,
      });
      expect(manager.trigger(UserLogin, { username: 'Bob' }).greeted).toBe(true);
      await manager.unload('welcome');
      expect(manager.trigger('user.login', { username: 'Alice' })).toEqual({ username: 'Alice' });
    });
  });

  describe('when definePlugin declares hooks, injections and lifecycle functions', () => {
    it('should call them with the instance as this', async () => {
      const seen: unknown[] = [];
      const Tagger = definePlugin({
        name: 'tagger',
        inject: { log: TOKENS.Logger },
        initialize() {
          seen.push(typeof this.log.info);
        },
        hooks: [
          {
            on: 'user.*',
            priority: 'low',
            handler(value) {
              seen.push(this.log.bindings());
              return { ...(value as Login), tags: ['seen'] };
            },
          },
        ],
      });
      manager = new PluginManager({ logger: false });
      manager.register([Tagger, WelcomePlugin]);
      await manager.start();
      expect(await manager.triggerAsync('user.login', { username: 'Ada' })).toEqual({
        username: 'Ada',
        greeted: true,
        tags: ['seen'],
      });
      expect(seen).toEqual(['function', { plugin: 'tagger' }]);
      expect(Tagger.name).toBe('TaggerPlugin');
    });
  });

  describe('when a @hook method is declared async', () => {
    it('should be skipped by trigger() and run by triggerAsync()', async () => {
      @plugin({ name: 'enricher' })
      class Enricher {
        @hook('user.login')
        async enrich(data: Login): Promise<Login> {
          await Promise.resolve();
          return { ...data, tags: ['enriched'] };
        }
      }
      manager = new PluginManager({ logger: false });
      manager.register(Enricher);
      await manager.start();
      expect(manager.trigger('user.login', { username: 'Ada' })).toEqual({ username: 'Ada' });
      expect(await manager.triggerAsync('user.login', { username: 'Ada' })).toEqual({
        username: 'Ada',
        tags: ['enriched'],
      });
    });
  });

  describe('when a plugin extends PluginBase', () => {
    it('should get ctx, logger, config and hook helpers', async () => {
      @plugin({ name: 'based', config: { suffix: { type: 'string', default: '!' } } })
      class Based extends PluginBase {
        readonly #handler = (value: Login) => ({
          ...value,
          username: value.username + this.getConfig('suffix', '?'),
        });
        initialize() {
          this.logger.debug('initialized');
          this.registerHook('user.login', this.#handler);
        }
        shout(value: Login) {
          return this.trigger(UserLogin, value);
        }
        quiet() {
          return this.unregisterHook('user.login', this.#handler);
        }
      }
      manager = new PluginManager({ logger: false });
      manager.register(Based);
      await manager.start();
      const based = manager.getPlugin(Based);
      expect(based?.shout({ username: 'Ada' })).toEqual({ username: 'Ada!' });
      expect(based?.ctx.name).toBe('based');
      expect(based?.quiet()).toBe(true);
      expect(manager.trigger('user.login', { username: 'Ada' })).toEqual({ username: 'Ada' });
    });

    it('should explain that ctx is not available in the constructor', () => {
      class Early extends PluginBase {}
      expect(() => new Early().ctx).toThrow(/initialize/);
    });
  });

  describe('when a hook of a plugin fails', () => {
    it("should call the plugin's onError before dispatch continues", async () => {
      const order: string[] = [];
      @plugin({ name: 'fragile' })
      class Fragile {
        @hook('job.run', { priority: 'high' })
        run(): never {
          order.push('run');
          throw new Error('bad job');
        }
        onError(error: HookError) {
          order.push(`onError:${error.plugin ?? ''}:${error.event}`);
        }
      }
      manager = new PluginManager({ logger: false });
      manager.register(Fragile);
      manager.registerHook('job.run', () => {
        order.push('next');
        return undefined;
      });
      await manager.start();
      manager.trigger('job.run', {});
      expect(order).toEqual(['run', 'onError:fragile:job.run', 'next']);
    });

    it.each([
      [
        'throws',
        () => {
          throw new Error('bad job');
        },
      ],
      ['rejects', () => Promise.reject(new Error('bad job'))],
    ] as const)(
      'should keep the plugin started and show the hook error in status() when a hook %s',
      async (_how, handler) => {
        const Fragile = definePlugin({ name: 'fragile', hooks: [{ on: 'job.run', handler }] });
        const Steady = definePlugin({
          name: 'steady',
          hooks: [
            {
              on: 'job.run',
              priority: 'low',
              handler: (job: { done?: boolean }) => ({ ...job, done: true }),
            },
          ],
        });
        manager = new PluginManager({ logger: false });
        manager.register([Fragile, Steady]);
        await manager.start();
        expect(await manager.triggerAsync('job.run', {})).toEqual({ done: true });
        const rows = manager.status();
        expect(rows.find((row) => row.name === 'fragile')).toMatchObject({
          state: 'started',
          lastError: { code: 'TRELLIS_HOOK', message: expect.stringContaining('bad job') },
        });
        expect(rows.find((row) => row.name === 'steady')).toMatchObject({
          state: 'started',
          lastError: null,
        });
      },
    );

    it('should throw with the fail-fast strategy set at run time', async () => {
      manager = new PluginManager({ logger: false });
      manager.registerHook('x', () => {
        throw new Error('x');
      });
      manager.setErrorStrategy('fail-fast');
      expect(() => manager.trigger('x', 1)).toThrow(expect.objectContaining({ code: 'TRELLIS_HOOK' }));
    });
  });

  describe('when a plugin is disabled and enabled', () => {
    it('should skip its hooks while disabled and keep it loaded', async () => {
      manager = new PluginManager({ logger: false });
      manager.register(WelcomePlugin);
      await manager.start();
      manager.disablePlugin('welcome');
      expect(manager.trigger('user.login', { username: 'A' })).toEqual({ username: 'A' });
      expect(manager.getState('welcome')).toBe('started');
      expect(manager.status()[0]?.enabled).toBe(false);
      manager.enablePlugin('welcome');
      expect(manager.trigger(UserLogin, { username: 'A' }).greeted).toBe(true);
    });

    it('should skip a disabled plugin in loadAll and fail what requires it', async () => {
      manager = new PluginManager({ logger: false });
      manager.register([WelcomePlugin, definePlugin({ name: 'fan', dependencies: ['welcome'] })]);
      manager.disablePlugin('welcome');
      expect(manager.getState('welcome')).toBe('disabled');
      const report = await manager.start();
      expect(report.skipped).toEqual(['welcome']);
      expect(report.failed.map((failure) => failure.error.code)).toEqual(['TRELLIS_DEPENDENCY_DISABLED']);
      manager.enablePlugin('welcome');
      expect(manager.getState('welcome')).toBe('registered');
    });
  });

  describe('when hooks are registered manually', () => {
    it('should pass every option through and remove them again', () => {
      manager = new PluginManager({ logger: false });
      const handler = spy();
      manager.registerHook('tick', handler, { once: true, priority: 'high', plugin: 'host' });
      manager.trigger('tick', 1);
      manager.trigger('tick', 2);
      expect(handler.calls).toHaveLength(1);
      const other = (value: number) => value + 1;
      manager.registerHook('tick', other);
      expect(manager.getEvents()).toEqual(['tick']);
      expect(manager.unregisterHook('tick', other)).toBe(true);
      expect(manager.trigger('tick', 1)).toBe(1);
    });

    it('should trace hook runs when tracing is on', () => {
      manager = new PluginManager({ logger: false });
      manager.registerHook('tick', (value: number) => value + 1, { plugin: 'host' });
      manager.enableHookTracing(true);
      manager.trigger('tick', 1);
      expect(manager.extensions.stats()[0]).toMatchObject({ event: 'tick', plugin: 'host', calls: 1 });
      manager.enableHookTracing(false);
      expect(manager.extensions.tracing).toBe(false);
    });
  });
});
