import assert from 'node:assert/strict';
import { PluginManager, hook, plugin } from '@trellis/core';
import { METRICS, MetricsPlugin, type MetricDefinition, type MetricsSource } from '@trellis/metrics';

// A metrics plugin: it counts in memory and hands the figures over at scrape time.
@plugin({ name: 'logins' })
class LoginsPlugin implements MetricsSource {
  #logins = new Map<string, number>();

  @hook('user.login')
  count(event: { method: string }) {
    this.#logins.set(event.method, (this.#logins.get(event.method) ?? 0) + 1);
  }

  metricDefinitions(): MetricDefinition[] {
    return [
      {
        name: 'demo_logins_total',
        help: 'Logins since start, by method',
        type: 'counter',
        labels: ['method'],
      },
      { name: 'demo_login_methods', help: 'Login methods seen', type: 'gauge' },
    ];
  }

  collectMetrics() {
    return {
      demo_logins_total: [...this.#logins].map(([method, value]) => ({ labels: { method }, value })),
      demo_login_methods: this.#logins.size,
    };
  }
}

const manager = new PluginManager({
  logger: false,
  config: { 'trellis.metrics': { processMetrics: false } }, // keep the example's output short
});
manager.register([MetricsPlugin, LoginsPlugin]);
await manager.start();

manager.trigger('user.login', { method: 'password' });
manager.trigger('user.login', { method: 'password' });
manager.trigger('user.login', { method: 'token' });

const metrics = manager.get(METRICS);
const text = await metrics.metrics();
assert.equal(metrics.contentType, 'text/plain; version=0.0.4; charset=utf-8');
assert.match(text, /^demo_logins_total\{method="password"\} 2$/m);
assert.match(text, /^demo_logins_total\{method="token"\} 1$/m);
assert.match(text, /^demo_login_methods 2$/m);
// Built in: plugin states, lifecycle durations, hook figures, collect errors.
assert.match(text, /^trellis_plugin_state\{plugin="logins",state="started"\} 1$/m);
assert.match(text, /^# TYPE trellis_hook_calls_total counter$/m);

await manager.close();
