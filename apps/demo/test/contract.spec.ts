import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PluginClass } from '@trellis/core';
import { AdminPlugin } from '@trellis/admin';
import { EventsPlugin } from '@trellis/events';
import { HealthPlugin } from '@trellis/health';
import { HttpPlugin } from '@trellis/http';
import { MetricsPlugin } from '@trellis/metrics';
import { ServicesPlugin } from '@trellis/services';
import { StoragePlugin } from '@trellis/storage';
import { pluginContract } from '@trellis/testing';
import { AuditPlugin } from '../src/plugins/audit.plugin.js';
import { ClockPlugin } from '../src/plugins/clock.plugin.js';
import { DrainPlugin } from '../src/plugins/drain.plugin.js';
import { RateLimitPlugin } from '../src/plugins/ratelimit.plugin.js';
import { StatsPlugin } from '../src/plugins/stats.plugin.js';
import { TracingPlugin } from '../src/plugins/tracing.plugin.js';
import { UsersPlugin } from '../src/plugins/users.plugin.js';
import { ValidationPlugin } from '../src/plugins/validation.plugin.js';
import { WelcomePlugin } from '../src/plugins/welcome.plugin.js';

// What each demo plugin needs registered beside it: the system plugins it injects from, and the
// plugins it depends on.
const serving: readonly PluginClass[] = [HttpPlugin, HealthPlugin, MetricsPlugin];
const CASES: readonly (readonly [string, PluginClass, readonly PluginClass[]])[] = [
  ['clock', ClockPlugin, []],
  ['welcome', WelcomePlugin, []],
  ['validation', ValidationPlugin, []],
  ['audit', AuditPlugin, [ClockPlugin]],
  ['stats', StatsPlugin, []],
  ['tracing', TracingPlugin, serving],
  ['ratelimit', RateLimitPlugin, serving],
  ['users', UsersPlugin, [...serving, StoragePlugin]],
  ['drain', DrainPlugin, [...serving, StoragePlugin, UsersPlugin]],
  // The system plugins the demo is built from meet the same contract.
  ['trellis.http', HttpPlugin, []],
  ['trellis.health', HealthPlugin, []],
  ['trellis.metrics', MetricsPlugin, []],
  ['trellis.events', EventsPlugin, []],
  ['trellis.services', ServicesPlugin, []],
  ['trellis.storage', StoragePlugin, []],
  ['trellis.admin', AdminPlugin, serving],
];

describe('the demo plugins and the system plugins it uses', () => {
  let dataDir = '';

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'trellis-demo-contract-'));
  });

  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  describe.each(CASES)('when %s is checked against the plugin contract', (_name, Plugin, needs) => {
    it('should pass every check', async () => {
      await pluginContract(Plugin, {
        plugins: needs,
        managerOptions: {
          config: {
            'trellis.http': { port: 0 },
            'trellis.storage': { driver: 'memory', dir: dataDir },
          },
        },
      });
    }, 30_000);
  });
});
