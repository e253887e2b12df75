import { definePlugin, PluginManager, type PluginClass } from '@trellis/core';
import { HEALTH, HealthPlugin, type HealthResult, type HealthService } from '../src/index.js';

/** A health-check plugin built from a check function and optional settings. */
function checkPlugin(
  name: string,
  checkHealth: (signal: AbortSignal) => unknown,
  settings: { healthCheckTimeout?: unknown; healthCheckInterval?: unknown } = {},
): PluginClass {
  const Defined = definePlugin({ name });
  Object.assign(Defined.prototype as object, { checkHealth, ...settings });
  return Defined;
}

const never = (): Promise<HealthResult> => new Promise(() => undefined);

describe('HealthPlugin', () => {
  let manager: PluginManager;
  let health: HealthService;

  async function startWith(...plugins: PluginClass[]): Promise<void> {
    manager = new PluginManager({ logger: false });
    const Probe = definePlugin({
      name: 'probe',
      inject: { health: HEALTH },
    });
    manager.register([HealthPlugin, ...plugins, Probe]);
    await manager.start();
    const probe = manager.getPlugin<{ health: HealthService }>('probe');
    if (probe === undefined) throw new Error('the probe plugin did not load');
    health = probe.health;
  }

  afterEach(async () => {
    await manager.close();
  });

  describe('when every check answers', () => {
    it('should report each plugin by name and the worst status overall', async () => {
      await startWith(
        checkPlugin('db', () => ({ status: 'healthy', details: { connections: 5 } })),
        checkPlugin('cache', () => Promise.resolve({ status: 'degraded', message: 'slow' })),
      );
      const report = await health.check();
      expect(report.status).toBe('degraded');
      expect(report.checks.db).toMatchObject({ status: 'healthy', details: { connections: 5 } });
      expect(report.checks.cache).toMatchObject({ status: 'degraded', message: 'slow' });
      expect(typeof report.checks.db?.durationMs).toBe('number');
      expect(Object.keys(report.checks).sort()).toEqual(['cache', 'db']);
    });

    it('should be healthy with no checks at all', async () => {
      await startWith();
      expect(await health.check()).toMatchObject({ status: 'healthy', checks: {} });
    });
  });

  describe('when a check misbehaves', () => {
    it('should make a throwing check unhealthy with its reason', async () => {
      await startWith(
        checkPlugin('boom', () => {
          throw new Error('disk on fire');
        }),
        checkPlugin('ok', () => ({ status: 'healthy' })),
      );
      const report = await health.check();
      expect(report.status).toBe('unhealthy');
      expect(report.checks.boom).toMatchObject({
        status: 'unhealthy',
        code: 'TRELLIS_HEALTH_CHECK_FAILED',
      });
      expect(report.checks.boom?.message).toContain("plugin 'boom'");
      expect(report.checks.boom?.message).toContain('disk on fire');
      expect(report.checks.ok).toMatchObject({ status: 'healthy' });
    });

    it('should make a rejecting check unhealthy with its reason', async () => {
      await startWith(checkPlugin('db', () => Promise.reject(new Error('connection refused'))));
      const { checks } = await health.check();
      expect(checks.db).toMatchObject({ status: 'unhealthy', code: 'TRELLIS_HEALTH_CHECK_FAILED' });
      expect(checks.db?.message).toContain('connection refused');
    });

    it('should make a hanging check unhealthy after its timeout and abort its signal', async () => {
      let seen: AbortSignal | undefined;
      await startWith(
        checkPlugin(
          'stuck',
          (signal) => {
            seen = signal;
            return never();
          },
          { healthCheckTimeout: 30 },
        ),
        checkPlugin('ok', () => ({ status: 'healthy' })),
      );
      const report = await health.check();
      expect(report.checks.stuck).toMatchObject({
        status: 'unhealthy',
        code: 'TRELLIS_HEALTH_CHECK_TIMEOUT',
      });
      expect(report.checks.stuck?.message).toContain("plugin 'stuck'");
      expect(report.checks.stuck?.message).toContain('30 ms');
      expect(report.checks.ok).toMatchObject({ status: 'healthy' });
      expect(seen?.aborted).toBe(true);
    });

    it.each([
      ['a number', 42, 'returned 42'],
      ['a string', 'ok', 'returned "ok"'],
      ['undefined', undefined, 'returned undefined'],
      ['null', null, 'returned null'],
      ['an unknown status', { status: 'fine' }, 'returned status "fine"'],
    ])('should make a check returning %s unhealthy, naming the plugin', async (_label, value, text) => {
      await startWith(checkPlugin('weird', () => value));
      const { checks } = await health.check();
      expect(checks.weird).toMatchObject({ status: 'unhealthy', code: 'TRELLIS_HEALTH_CHECK_INVALID' });
      expect(checks.weird?.message).toContain("plugin 'weird'");
      expect(checks.weird?.message).toContain(text);
    });

    it('should fall back to the default timeout when a check sets an invalid one', async () => {
      await startWith(checkPlugin('odd', () => ({ status: 'healthy' }), { healthCheckTimeout: 'soon' }));
      expect((await health.check()).checks.odd).toMatchObject({ status: 'healthy' });
    });
  });

  describe('when a check sets healthCheckInterval', () => {
    it('should reuse its result for that long', async () => {
      let calls = 0;
      await startWith(
        checkPlugin(
          'cached',
          () => {
            calls += 1;
            return { status: 'healthy', details: { calls } };
          },
          { healthCheckInterval: 60_000 },
        ),
      );
      await health.check();
      const second = await health.check();
      expect(calls).toBe(1);
      expect(second.checks.cached?.details).toEqual({ calls: 1 });
    });

    it('should run it every time without an interval, one run for concurrent callers', async () => {
      let calls = 0;
      await startWith(
        checkPlugin('fresh', async () => {
          calls += 1;
          await new Promise((resolve) => setTimeout(resolve, 5));
          return { status: 'healthy' };
        }),
      );
      await Promise.all([health.check(), health.check(), health.checkPlugin('fresh')]);
      expect(calls).toBe(1);
      await health.check();
      expect(calls).toBe(2);
    });
  });

  describe('when a plugin is disabled', () => {
    it('should not run its check', async () => {
      let calls = 0;
      await startWith(
        checkPlugin('quiet', () => {
          calls += 1;
          return { status: 'unhealthy' };
        }),
      );
      manager.disablePlugin('quiet');
      const report = await health.check();
      expect(report.checks).toEqual({});
      expect(calls).toBe(0);
    });
  });

  describe('checkPlugin()', () => {
    it('should give one plugin result, or undefined for a plugin without a check', async () => {
      await startWith(checkPlugin('db', () => ({ status: 'healthy' })));
      expect(await health.checkPlugin('db')).toMatchObject({ status: 'healthy' });
      expect(await health.checkPlugin('probe')).toBeUndefined();
      expect(await health.checkPlugin('nope')).toBeUndefined();
    });
  });

  describe('liveness()', () => {
    it('should say ok while the manager is up', async () => {
      await startWith();
      expect(health.liveness()).toMatchObject({ status: 'ok' });
    });
  });

  describe('readiness()', () => {
    it('should be ready when every enabled plugin started and no check is unhealthy', async () => {
      await startWith(checkPlugin('db', () => ({ status: 'degraded' })));
      expect(await health.readiness()).toEqual({ status: 'ready', reasons: [] });
    });

    it('should list an unhealthy check as a reason', async () => {
      await startWith(checkPlugin('db', () => ({ status: 'unhealthy', message: 'no connection' })));
      const readiness = await health.readiness();
      expect(readiness.status).toBe('not-ready');
      expect(readiness.reasons).toEqual(["plugin 'db' is unhealthy: no connection"]);
    });

    it('should list a plugin that failed to start as a reason', async () => {
      const Broken = definePlugin({
        name: 'broken',
        start() {
          throw new Error('no port');
        },
      });
      await startWith(Broken);
      const readiness = await health.readiness();
      expect(readiness.status).toBe('not-ready');
      expect(readiness.reasons).toEqual(["plugin 'broken' is failed, not started"]);
    });

    it('should be not-ready from the moment shutdown begins, before any plugin stops', async () => {
      const seen: unknown[] = [];
      const Watcher = definePlugin({
        name: 'watcher',
        inject: { health: HEALTH },
        async stop() {
          seen.push(await this.health.readiness());
        },
      });
      await startWith(Watcher);
      expect((await health.readiness()).status).toBe('ready');
      await manager.stop();
      expect(seen).toEqual([{ status: 'not-ready', reasons: ['the host is shutting down'] }]);
      expect(await health.readiness()).toEqual({
        status: 'not-ready',
        reasons: ['the host is shutting down'],
      });
    });

    it('should be ready again after a new start', async () => {
      await startWith();
      await manager.stop();
      await manager.start();
      expect((await health.readiness()).status).toBe('ready');
    });
  });
});
