import assert from 'node:assert/strict';
import { PluginManager, plugin } from '@trellis/core';
import { HEALTH, HealthPlugin, type HealthCheck, type HealthResult } from '@trellis/health';

// A health-check plugin: any plugin with checkHealth(signal). It never imports the aggregator.
@plugin({ name: 'database' })
class DatabasePlugin implements HealthCheck {
  readonly healthCheckInterval = 10_000; // reuse a result for 10 s
  readonly healthCheckTimeout = 500; // unhealthy if no answer within 500 ms
  connections = 5;

  async checkHealth(signal: AbortSignal): Promise<HealthResult> {
    await new Promise((resolve) => setTimeout(resolve, 1)); // a real probe would pass `signal` on
    if (signal.aborted) return { status: 'unhealthy', message: 'probe aborted' };
    return this.connections > 0
      ? { status: 'healthy', details: { connections: this.connections } }
      : { status: 'unhealthy', message: 'no connection' };
  }
}

// A check that hangs: the aggregator gives up after its timeout and reports it, never waits forever.
@plugin({ name: 'mailer' })
class MailerPlugin implements HealthCheck {
  readonly healthCheckTimeout = 50;
  checkHealth(): Promise<HealthResult> {
    return new Promise(() => undefined);
  }
}

const manager = new PluginManager({ logger: false });
manager.register([HealthPlugin, DatabasePlugin, MailerPlugin]);
await manager.start();

const health = manager.get(HEALTH);
const report = await health.check();
assert.equal(report.status, 'unhealthy'); // the worst of all checks
assert.deepEqual(report.checks.database?.details, { connections: 5 });
assert.equal(report.checks.mailer?.code, 'TRELLIS_HEALTH_CHECK_TIMEOUT');

assert.equal(health.liveness().status, 'ok');
assert.deepEqual(await health.readiness(), {
  status: 'not-ready',
  reasons: [
    "plugin 'mailer' is unhealthy: The health check of plugin 'mailer' did not answer within 50 ms: make it faster, honour its abort signal, or raise its healthCheckTimeout.",
  ],
});

// Once the mailer is switched off, its check no longer runs and the host is ready.
manager.disablePlugin('mailer');
assert.equal((await health.readiness()).status, 'ready');

await manager.close();
