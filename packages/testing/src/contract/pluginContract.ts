import { PluginManager, getPluginOptions, type PluginClass } from '@trellis/core';
import { PluginContractError } from '../errors/PluginContractError.js';
import type { ContractCheckName } from './CONTRACT_CHECKS.js';
import type { ContractCheckResult } from './ContractCheckResult.js';
import type { PluginContractOptions } from './PluginContractOptions.js';
import { checkHealthAnswer } from './checkHealthAnswer.js';
import { watchTimers } from './watchTimers.js';
import { describeFailure } from './describeFailure.js';

const DEFAULT_HEALTH_TIMEOUT = 5_000;

/** What {@link checkPluginContract} found: every check, passed, failed or skipped. */
export interface ContractReport {
  readonly plugin: string;
  /** Whether every check passed (skipped ones count as passed). */
  readonly passed: boolean;
  readonly checks: readonly ContractCheckResult[];
}

type Check = () => Promise<string | undefined | { skipped: string }>;

/**
 * Runs the checks every plugin should pass: metadata valid, starts and stops cleanly, stop idempotent,
 * starts again after stop, nothing left registered and no timers left after unload, health check
 * answers within its timeout, no unhandled rejections. Resolves (to nothing) when all pass; rejects
 * with a {@link PluginContractError} naming each failed check. Works the same in any test runner:
 *
 * @example
 * test('contract', () => pluginContract(WelcomePlugin, { config: { greeting: 'Hi' } }));
 */
export async function pluginContract(
  Plugin: PluginClass,
  options: PluginContractOptions = {},
): Promise<void> {
  const report = await checkPluginContract(Plugin, options);
  const failures = report.checks.filter((result) => !result.passed);
  if (failures.length > 0) throw new PluginContractError(report.plugin, failures);
}

/**
 * The checks of {@link pluginContract}, answered as a report instead of a rejection: for tooling,
 * or to look at skipped checks. Never rejects for a failed check.
 */
export async function checkPluginContract(
  Plugin: PluginClass,
  options: PluginContractOptions = {},
): Promise<ContractReport> {
  const skip = new Set<ContractCheckName>(options.skip ?? []);
  const results: ContractCheckResult[] = [];
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown): void => {
    rejections.push(reason);
  };
  const timers = watchTimers();
  process.on('unhandledRejection', onRejection);
  let name = pluginName(Plugin);
  const manager = new PluginManager({
    ...options.managerOptions,
    logger: false,
    config: {
      ...options.managerOptions?.config,
      ...(options.config ? { [pluginName(Plugin)]: options.config } : {}),
    },
  });
  let failedEarly = false;

  const run = async (check: ContractCheckName, body: Check): Promise<void> => {
    if (skip.has(check)) {
      results.push({ check, passed: true, skipped: true, reason: 'skipped by options' });
      return;
    }
    if (failedEarly && check !== 'no unhandled rejections') {
      results.push({ check, passed: true, skipped: true, reason: 'not run: an earlier check failed' });
      return;
    }
    let outcome: Awaited<ReturnType<Check>>;
    try {
      outcome = await timers.run(body);
    } catch (error) {
      outcome = `threw ${describeFailure(error)}`;
    }
    if (outcome === undefined) results.push({ check, passed: true });
    else if (typeof outcome === 'object')
      results.push({ check, passed: true, skipped: true, reason: outcome.skipped });
    else results.push({ check, passed: false, reason: outcome });
  };

  try {
    await run('metadata is valid', () => {
      for (const other of options.plugins ?? []) manager.register(other);
      name = manager.register(Plugin);
      return Promise.resolve(undefined);
    });
    failedEarly = results.some((result) => !result.passed);

    await run('starts cleanly', async () => {
      const report = await manager.start();
      const failures = report.failed.map((failure) => `${failure.name}: ${describeFailure(failure.error)}`);
      if (failures.length > 0) return `start() failed: ${failures.join('; ')}`;
      if (!report.started.includes(name)) return `start() did not start it (state ${manager.getState(name)})`;
      return undefined;
    });
    failedEarly = results.some((result) => !result.passed);

    await run('health check answers within its timeout', async () => {
      const instance = manager.getPlugin<Record<string, unknown>>(name);
      const check = instance?.checkHealth;
      if (instance === undefined || typeof check !== 'function')
        return { skipped: 'it has no checkHealth()' };
      const own = instance.healthCheckTimeout;
      const timeout = options.healthCheckTimeout ?? (typeof own === 'number' ? own : DEFAULT_HEALTH_TIMEOUT);
      return checkHealthAnswer(check as (signal: AbortSignal) => unknown, instance, timeout);
    });

    await run('stops cleanly', async () => {
      const report = await manager.stop();
      const own = report.failed.find((failure) => failure.name === name);
      if (own) return `stop() failed: ${describeFailure(own.error)}`;
      const state = manager.getState(name);
      return state === 'stopped' ? undefined : `after stop() its state is '${state}', expected 'stopped'`;
    });

    await run('stop is idempotent', async () => {
      await manager.stop();
      const instance = manager.getPlugin<{ stop?: unknown }>(name);
      if (typeof instance?.stop === 'function') {
        try {
          await (instance.stop as () => unknown).call(instance);
        } catch (error) {
          return `a second stop() threw ${describeFailure(error)}; make stop() safe to call twice`;
        }
      }
      return undefined;
    });

    await run('starts again after stop', async () => {
      const report = await manager.start();
      const own = report.failed.find((failure) => failure.name === name);
      if (own)
        return `start() after stop() failed: ${describeFailure(own.error)}; create resources in start(), not once`;
      await manager.stop();
      return undefined;
    });

    await run('nothing left registered after unload', async () => {
      await manager.unload(name);
      const left = manager.extensions
        .describe()
        // In this fresh manager an ownerless handler can only come from plugin code that went around
        // its context (the registry itself), so it counts as the plugin's leak too.
        .flatMap((point) =>
          point.handlers
            .filter((handler) => handler.plugin === name || handler.plugin === undefined)
            .map(() => point.name),
        );
      if (left.length > 0) return `hooks still registered on ${[...new Set(left)].join(', ')}`;
      if (manager.getPlugin(name) !== undefined) return 'the instance is still reachable through getPlugin()';
      return undefined;
    });

    await run('leaves no timers running after unload', async () => {
      await manager.unloadAll();
      await new Promise((resolve) => setImmediate(resolve));
      const left = timers.leftRunning();
      return left.length > 0
        ? `${left.length} timer(s) it started are still running (created at ${left.join('; ')}); clear intervals and timeouts in stop() (or unref them)`
        : undefined;
    });
  } finally {
    await manager.close().catch(() => undefined);
    // Rejections surface after the microtask queue drains: give them a turn of the event loop.
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setTimeout(resolve, 0));
    process.off('unhandledRejection', onRejection);
    timers.stop();
  }

  await run('no unhandled rejections', () =>
    Promise.resolve(
      rejections.length === 0
        ? undefined
        : `unhandled rejection(s): ${rejections.map(describeFailure).join('; ')}`,
    ),
  );

  return { plugin: name, passed: results.every((result) => result.passed), checks: results };
}

function pluginName(Plugin: PluginClass): string {
  return getPluginOptions(Plugin)?.name ?? Plugin.name;
}
