import { defineFilter, defineNotify, ExtensionRegistry } from '@trellis/extensions';
import { recordingLogger } from './support/recordingLogger.js';

describe('ExtensionRegistry tracing and introspection', () => {
  describe('when tracing is on', () => {
    it('should log each handler run at debug with event, plugin, handler, duration and outcome', async () => {
      const logger = recordingLogger();
      const registry = new ExtensionRegistry({ logger, tracing: true });
      registry.on(
        'traced.event',
        function greet(value: number) {
          return value + 1;
        },
        { plugin: 'welcome' },
      );
      registry.on(
        'traced.event',
        () => {
          throw new Error('bad');
        },
        { plugin: 'broken', name: 'explode' },
      );
      registry.filter('traced.event', 1);
      await registry.filterAsync('traced.event', 1);
      const traces = logger.at('debug').map((entry) => entry.obj);
      expect(traces).toEqual([
        expect.objectContaining({
          event: 'traced.event',
          plugin: 'welcome',
          handler: 'greet',
          outcome: 'ok',
        }),
        expect.objectContaining({
          event: 'traced.event',
          plugin: 'broken',
          handler: 'explode',
          outcome: 'error',
        }),
        expect.objectContaining({ handler: 'greet', outcome: 'ok' }),
        expect.objectContaining({ handler: 'explode', outcome: 'error' }),
      ]);
      expect(traces.every((trace) => typeof trace.durationMs === 'number')).toBe(true);
    });

    it('should count calls, errors and durations per handler in stats()', () => {
      const registry = new ExtensionRegistry();
      registry.setTracing(true);
      expect(registry.tracing).toBe(true);
      registry.on(
        'counted.event',
        function ok() {
          return undefined;
        },
        { plugin: 'p' },
      );
      registry.on('counted.*', function fails() {
        throw new Error('x');
      });
      for (let index = 0; index < 3; index++) registry.notify('counted.event');
      const stats = registry.stats();
      expect(stats).toEqual([
        expect.objectContaining({ event: 'counted.event', plugin: 'p', handler: 'ok', calls: 3, errors: 0 }),
        expect.objectContaining({
          event: 'counted.*',
          plugin: undefined,
          handler: 'fails',
          calls: 3,
          errors: 3,
        }),
      ]);
      expect(stats.every((entry) => entry.totalMs >= entry.maxMs && entry.maxMs >= 0)).toBe(true);
      registry.resetStats();
      expect(registry.stats().map((entry) => entry.calls)).toEqual([0, 0]);
    });

    it('should stop logging and counting when switched off', () => {
      const logger = recordingLogger();
      const registry = new ExtensionRegistry({ logger, tracing: true });
      registry.on('toggled.event', () => undefined);
      registry.notify('toggled.event');
      registry.setTracing(false);
      registry.notify('toggled.event');
      expect(logger.at('debug')).toHaveLength(1);
      expect(registry.stats()[0]?.calls).toBe(1);
    });
  });

  describe('when describing the registry', () => {
    it('should list points with kind, description and handlers in dispatch order, then wildcard patterns', () => {
      const registry = new ExtensionRegistry();
      const BeforeSave = defineFilter<object>('db.before_save', { description: 'Validate a user' });
      const Login = defineNotify<object>('user.login');
      registry.on(
        BeforeSave,
        function validate() {
          return undefined;
        },
        { plugin: 'validation', priority: 'high' },
      );
      registry.on(
        'db.*',
        function audit() {
          return undefined;
        },
        { plugin: 'audit' },
      );
      registry.notify(Login, {});
      registry.disableOwner('audit');
      expect(registry.describe()).toEqual([
        {
          name: 'db.before_save',
          kind: 'filter',
          description: 'Validate a user',
          wildcard: false,
          handlers: [
            {
              plugin: 'validation',
              priority: 75,
              name: 'validate',
              pattern: 'db.before_save',
              enabled: true,
            },
            { plugin: 'audit', priority: 50, name: 'audit', pattern: 'db.*', enabled: false },
          ],
        },
        { name: 'user.login', kind: 'notify', description: undefined, wildcard: false, handlers: [] },
        {
          name: 'db.*',
          kind: undefined,
          description: undefined,
          wildcard: true,
          handlers: [{ plugin: 'audit', priority: 50, name: 'audit', pattern: 'db.*', enabled: false }],
        },
      ]);
    });

    it('should list names and patterns with handlers in events()', () => {
      const registry = new ExtensionRegistry();
      registry.on('b.event', () => undefined);
      registry.on('a.*', () => undefined);
      registry.on('b.event', () => undefined);
      expect(registry.events()).toEqual(['b.event', 'a.*']);
    });

    it('should tell whether a dispatch would run any handler', () => {
      const registry = new ExtensionRegistry();
      const Login = defineNotify<object>('user.login');
      expect(registry.hasHandlers(Login)).toBe(false);
      registry.on('user.*', () => undefined);
      expect(registry.hasHandlers(Login)).toBe(true);
      expect(registry.hasHandlers('user.profile.update')).toBe(false);
    });
  });
});
