import { definePlugin, PluginManager, type PluginClass } from '@trellis/core';
import { Gauge } from 'prom-client';
import { METRICS, MetricsPlugin, type MetricsService } from '../src/index.js';
import { recordingLogger, type RecordedLog } from '@trellis/testing';
import { parseExposition, valueOf, type Exposition } from './parseExposition.js';

/** A metrics plugin built from its two methods (either may be left out) and extra properties. */
function source(
  name: string,
  methods: { metricDefinitions?: () => unknown; collectMetrics?: () => unknown; [key: string]: unknown },
): PluginClass {
  const Defined = definePlugin({ name });
  Object.assign(Defined.prototype as object, methods);
  return Defined;
}

const never = (): Promise<never> => new Promise(() => undefined);

describe('MetricsPlugin', () => {
  let manager: PluginManager;
  let metrics: MetricsService;
  let logs: RecordedLog[];

  async function startWith(plugins: PluginClass[], config: Record<string, unknown> = {}): Promise<void> {
    const { logger, entries } = recordingLogger();
    logs = entries;
    manager = new PluginManager({
      logger,
      config: { 'trellis.metrics': { processMetrics: false, ...config } },
    });
    const Probe = definePlugin({ name: 'probe', inject: { metrics: METRICS } });
    manager.register([MetricsPlugin, ...plugins, Probe]);
    await manager.start();
    const probe = manager.getPlugin<{ metrics: MetricsService }>('probe');
    if (probe === undefined) throw new Error('the probe plugin did not load');
    metrics = probe.metrics;
  }

  const scrape = async (): Promise<Exposition> => parseExposition(await metrics.metrics());
  const errorsNaming = (plugin: string): RecordedLog[] =>
    logs.filter((entry) => entry.level === 'error' && entry.fields.plugin === plugin);

  afterEach(async () => {
    await manager.close();
  });

  describe('when plugins declare and collect metrics', () => {
    const Logins = source('logins', {
      count: 0,
      metricDefinitions: () => [
        { name: 'demo_logins_total', help: 'Logins', type: 'counter' },
        { name: 'demo_sessions', help: 'Open sessions by method', type: 'gauge', labels: ['method'] },
      ],
      collectMetrics(this: { count: number }) {
        this.count += 1;
        return {
          demo_logins_total: this.count * 10,
          demo_sessions: [
            { labels: { method: 'password' }, value: 3 },
            { labels: { method: 'token "x"' }, value: 1 },
          ],
        };
      },
    });

    it('should expose their values read at scrape time, with their types', async () => {
      await startWith([Logins]);
      const first = await scrape();
      expect(valueOf(first, 'demo_logins_total')).toBe(10);
      expect(valueOf(first, 'demo_sessions', { method: 'password' })).toBe(3);
      expect(valueOf(first, 'demo_sessions', { method: 'token "x"' })).toBe(1);
      expect(first.types.get('demo_logins_total')).toBe('counter');
      expect(first.types.get('demo_sessions')).toBe('gauge');
      expect(valueOf(await scrape(), 'demo_logins_total')).toBe(20);
    });

    it('should give the Prometheus content type', async () => {
      await startWith([]);
      expect(metrics.contentType).toBe('text/plain; version=0.0.4; charset=utf-8');
    });

    it('should drop the metrics of a plugin that is disabled', async () => {
      await startWith([Logins]);
      manager.disablePlugin('logins');
      const exposition = await scrape();
      expect(valueOf(exposition, 'demo_logins_total')).toBeUndefined();
      expect(exposition.types.has('demo_logins_total')).toBe(false);
    });

    it('should serve metrics the host registers on the registry directly', async () => {
      await startWith([]);
      new Gauge({ name: 'host_temperature', help: 'Temperature', registers: [metrics.registry] }).set(21);
      expect(valueOf(await scrape(), 'host_temperature')).toBe(21);
    });
  });

  describe('built-in metrics', () => {
    it('should count permission denials by plugin and permission', async () => {
      const Nosy = definePlugin({ name: 'nosy', permissions: ['hooks:allowed.*'] });
      await startWith([Nosy]);
      const checker = manager.permissionsOf('nosy');
      expect(checker.has('hooks:secret.event')).toBe(false);
      expect(() => {
        checker.check('hooks:secret.event');
      }).toThrow();
      expect(() => {
        checker.check('hooks:secret.event');
      }).toThrow();
      const exposition = await scrape();
      expect(
        valueOf(exposition, 'trellis_permission_denials_total', {
          plugin: 'nosy',
          permission: 'hooks:secret.event',
        }),
      ).toBe(2);
    });

    it('should show each plugin state, 1 for the current one', async () => {
      await startWith([source('quiet', {})]);
      const exposition = await scrape();
      expect(valueOf(exposition, 'trellis_plugin_state', { plugin: 'quiet', state: 'started' })).toBe(1);
      expect(valueOf(exposition, 'trellis_plugin_state', { plugin: 'quiet', state: 'failed' })).toBe(0);
      expect(
        valueOf(exposition, 'trellis_plugin_state', { plugin: 'trellis.metrics', state: 'started' }),
      ).toBe(1);
    });

    it('should show lifecycle durations per plugin and phase', async () => {
      await startWith([source('quiet', {})]);
      const exposition = await scrape();
      const phases = exposition.samples
        .filter(
          (sample) =>
            sample.name === 'trellis_lifecycle_duration_seconds' && sample.labels.plugin === 'quiet',
        )
        .map((sample) => sample.labels.phase);
      expect(phases).toEqual(expect.arrayContaining(['initialize', 'start']));
    });

    it('should count hook runs and errors by event and plugin from the registry statistics', async () => {
      const Hooks = definePlugin({
        name: 'hooks',
        hooks: [
          { on: 'order.placed', handler: () => undefined },
          {
            on: 'order.failed',
            handler: () => {
              throw new Error('boom');
            },
          },
        ],
      });
      await startWith([Hooks]);
      manager.trigger('order.placed', {});
      manager.trigger('order.placed', {});
      manager.trigger('order.failed', {});
      const exposition = await scrape();
      const placed = { event: 'order.placed', plugin: 'hooks' };
      expect(valueOf(exposition, 'trellis_hook_calls_total', placed)).toBe(2);
      expect(valueOf(exposition, 'trellis_hook_errors_total', placed)).toBe(0);
      expect(
        valueOf(exposition, 'trellis_hook_errors_total', { event: 'order.failed', plugin: 'hooks' }),
      ).toBe(1);
      expect(valueOf(exposition, 'trellis_hook_duration_seconds_count', placed)).toBe(2);
      expect(valueOf(exposition, 'trellis_hook_duration_seconds_sum', placed)).toBeGreaterThanOrEqual(0);
      expect(exposition.types.get('trellis_hook_duration_seconds')).toBe('summary');
    });

    it("should switch the registry's statistics on, and off again when it unloads", async () => {
      await startWith([]);
      expect(manager.extensions.statsEnabled).toBe(true);
      await manager.unload('trellis.metrics');
      expect(manager.extensions.statsEnabled).toBe(false);
    });

    it('should leave the statistics off with hookStats: false', async () => {
      await startWith([], { hookStats: false });
      expect(manager.extensions.statsEnabled).toBe(false);
    });

    it("should include prom-client's process metrics unless switched off", async () => {
      await startWith([], { processMetrics: true });
      expect(valueOf(await scrape(), 'process_cpu_user_seconds_total')).toBeGreaterThanOrEqual(0);
    });
  });

  describe('when a plugin declares invalid metrics', () => {
    const Good = source('good', {
      metricDefinitions: () => [{ name: 'good_total', help: 'Good', type: 'counter' }],
      collectMetrics: () => ({ good_total: 1 }),
    });

    it.each([
      ['an invalid name', [{ name: 'bad-name', help: 'x', type: 'gauge' }], '"bad-name"'],
      ['a name starting with a digit', [{ name: '1st', help: 'x', type: 'gauge' }], '"1st"'],
      ['a reserved prefix', [{ name: 'trellis_mine', help: 'x', type: 'gauge' }], 'reserved'],
      ['an unknown type', [{ name: 'x_total', help: 'x', type: 'histogram' }], '"histogram"'],
      ['no help', [{ name: 'x_total', type: 'counter' }], 'help'],
      ['an invalid label', [{ name: 'x', help: 'x', type: 'gauge', labels: ['a-b'] }], '"a-b"'],
      ['not an array', 'oops', 'not an array'],
    ])(
      'should log a clear error naming the plugin for %s, skip its metrics and keep serving',
      async (_label, definitions, text) => {
        await startWith([
          source('bad', { metricDefinitions: () => definitions, collectMetrics: () => ({}) }),
          Good,
        ]);
        const exposition = await scrape();
        expect(valueOf(exposition, 'good_total')).toBe(1);
        const [error] = errorsNaming('bad');
        expect(error?.fields.code).toBe('TRELLIS_METRICS_DEFINITION');
        expect(error?.message).toContain("Plugin 'bad'");
        expect(error?.message).toContain(text);
      },
    );

    it('should reject a name declared twice by one plugin', async () => {
      await startWith([
        source('twice', {
          metricDefinitions: () => [
            { name: 'dup_total', help: 'a', type: 'counter' },
            { name: 'dup_total', help: 'b', type: 'counter' },
          ],
        }),
      ]);
      await scrape();
      const [error] = errorsNaming('twice');
      expect(error?.fields.code).toBe('TRELLIS_METRICS_DUPLICATE');
      expect(error?.message).toContain("'dup_total' twice");
    });

    it('should reject a name another plugin defined, naming both plugins', async () => {
      const First = source('first', {
        metricDefinitions: () => [{ name: 'shared_total', help: 'a', type: 'counter' }],
        collectMetrics: () => ({ shared_total: 7 }),
      });
      const Second = source('second', {
        metricDefinitions: () => [{ name: 'shared_total', help: 'b', type: 'counter' }],
        collectMetrics: () => ({ shared_total: 9 }),
      });
      await startWith([First, Second]);
      expect(valueOf(await scrape(), 'shared_total')).toBe(7);
      const [error] = errorsNaming('second');
      expect(error?.fields.code).toBe('TRELLIS_METRICS_DUPLICATE');
      expect(error?.message).toContain("plugin 'second'");
      expect(error?.message).toContain("plugin 'first'");
    });

    it('should log the error once, not at every scrape', async () => {
      await startWith([source('bad', { metricDefinitions: () => [{ name: '', help: 'x', type: 'gauge' }] })]);
      await scrape();
      await scrape();
      expect(errorsNaming('bad')).toHaveLength(1);
    });
  });

  describe('when collectMetrics misbehaves', () => {
    function flaky(name: string, behaviour: () => unknown): PluginClass {
      return source(name, {
        metricsCollectTimeout: 30,
        metricDefinitions: () => [{ name: `${name}_value`, help: 'x', type: 'gauge', labels: ['kind'] }],
        collectMetrics: behaviour,
      });
    }
    const Steady = source('steady', {
      metricDefinitions: () => [{ name: 'steady_value', help: 'x', type: 'gauge' }],
      collectMetrics: () => ({ steady_value: 5 }),
    });

    it.each([
      [
        'throws',
        () => {
          throw new Error('boom');
        },
        'TRELLIS_METRICS_COLLECT_FAILED',
      ],
      ['rejects', () => Promise.reject(new Error('boom')), 'TRELLIS_METRICS_COLLECT_FAILED'],
      ['hangs', never, 'TRELLIS_METRICS_COLLECT_TIMEOUT'],
      ['returns a non-object', () => 42, 'TRELLIS_METRICS_VALUE'],
      ['returns a string value', () => ({ broken_value: 'high' }), 'TRELLIS_METRICS_VALUE'],
      ['returns an undeclared metric', () => ({ other_total: 1 }), 'TRELLIS_METRICS_VALUE'],
      [
        'uses an undeclared label',
        () => ({ broken_value: [{ labels: { zone: 'a' }, value: 1 }] }),
        'TRELLIS_METRICS_VALUE',
      ],
    ])(
      'should leave out only its samples and count the error when it %s',
      async (_label, behaviour, code) => {
        await startWith([flaky('broken', behaviour), Steady]);
        const exposition = await scrape();
        expect(valueOf(exposition, 'steady_value')).toBe(5);
        expect(exposition.samples.filter((sample) => sample.name === 'broken_value')).toEqual([]);
        expect(valueOf(exposition, 'trellis_metrics_collect_errors_total', { plugin: 'broken' })).toBe(1);
        const warning = logs.find((entry) => entry.level === 'warn' && entry.fields.plugin === 'broken');
        expect(warning?.fields.code).toBe(code);
        expect(warning?.message).toContain("plugin 'broken'");
      },
    );

    it('should show its samples again once it answers', async () => {
      let fail = true;
      await startWith([
        flaky('sometimes', () => (fail ? Promise.reject(new Error('not now')) : { sometimes_value: 2 })),
      ]);
      const first = await scrape();
      expect(valueOf(first, 'sometimes_value')).toBeUndefined();
      fail = false;
      const second = await scrape();
      expect(valueOf(second, 'sometimes_value')).toBe(2);
      expect(valueOf(second, 'trellis_metrics_collect_errors_total', { plugin: 'sometimes' })).toBe(1);
    });

    it('should share one collection between concurrent scrapes', async () => {
      let calls = 0;
      await startWith([
        source('counted', {
          metricDefinitions: () => [{ name: 'counted_value', help: 'x', type: 'gauge' }],
          collectMetrics: async () => {
            calls += 1;
            await new Promise((resolve) => setTimeout(resolve, 5));
            return { counted_value: calls };
          },
        }),
      ]);
      const [a, b] = await Promise.all([metrics.metrics(), metrics.metrics()]);
      expect(a).toBe(b);
      expect(calls).toBe(1);
    });
  });
});
