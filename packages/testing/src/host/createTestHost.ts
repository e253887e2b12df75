import { PluginManager, type PluginClass, type PluginManagerOptions } from '@trellis/core';
import { createCapturedEvents } from './CapturedEvents.js';
import { captureLogs } from './captureLogs.js';
import type { TestHost } from './TestHost.js';

/** Options of {@link createTestHost}: the plugins to run plus any manager option. */
export interface TestHostOptions extends Omit<PluginManagerOptions, 'logger'> {
  /** Plugin classes to register, in order. */
  readonly plugins?: readonly PluginClass[];
  /** Event patterns to capture besides `trellis.**` (wildcards as in extension points). */
  readonly captureEvents?: readonly string[];
  /** Start the host (default true); false only registers the plugins. */
  readonly start?: boolean;
}

/**
 * Builds a manager for a test: logs captured at `debug` (or `logLevel`), lifecycle events captured by
 * name, the given plugins registered and started.
 *
 * @example
 * await using host = await createTestHost({ plugins: [WelcomePlugin], config: { welcome: { greeting: 'Hi' } } });
 * expect(host.events['trellis.plugin.started']).toHaveLength(1);
 */
export async function createTestHost(options: TestHostOptions = {}): Promise<TestHost> {
  const { plugins = [], captureEvents = [], start = true, logLevel = 'debug', ...managerOptions } = options;
  const { logger, logs } = captureLogs(logLevel);
  const { events, record } = createCapturedEvents();
  const manager = new PluginManager({ ...managerOptions, logLevel, logger });
  for (const pattern of ['trellis.**', ...captureEvents]) {
    manager.registerHook(
      pattern,
      (payload: unknown, ctx: { readonly event: string }) => {
        record(ctx.event, payload);
      },
      // First in line, so a handler that stops propagation cannot hide an event from the test.
      { priority: Number.MAX_SAFE_INTEGER },
    );
  }
  const host = Object.assign(manager, { logs, events }) as TestHost;
  for (const plugin of plugins) manager.register(plugin);
  if (start) await manager.start();
  return host;
}
