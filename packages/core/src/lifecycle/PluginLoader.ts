import { ValidationError, type TrellisError } from '@trellis/extensions';
import { createPluginConfig } from '../config/createPluginConfig.js';
import type { ConfigSections } from '../config/ConfigSections.js';
import type { PluginInjector } from '../container/PluginInjector.js';
import { ConfigValidationError } from '../errors/ConfigValidationError.js';
import { DependencyError } from '../errors/DependencyError.js';
import { PluginLoadError } from '../errors/PluginLoadError.js';
import { PluginNotFoundError } from '../errors/PluginNotFoundError.js';
import type { PluginHookWiring } from './PluginHookWiring.js';
import type { Logger } from '../logging/Logger.js';
import {
  findDependencyProblem,
  type DependencyCheck,
  type DependencyStanding,
} from '../dependencies/findDependencyProblem.js';
import type { PluginRecord } from '../model/PluginRecord.js';
import type { PluginStateMachine } from '../model/PluginStateMachine.js';
import type { PluginStore } from '../model/PluginStore.js';
import type { DependencyResolver } from '../dependencies/DependencyResolver.js';
import { ATTACH_CONTEXT } from '../plugins/attachContext.js';
import { PluginBase } from '../plugins/PluginBase.js';
import { TRELLIS_VERSION } from '../version.js';
import type { FailureRecorder } from './FailureRecorder.js';
import type { PhaseRunner } from './PhaseRunner.js';
import type { PluginReleaser } from './PluginReleaser.js';
import { toPluginError } from './toPluginError.js';

/** What a {@link PluginLoader} works with. Internal. */
export interface PluginLoaderInit {
  readonly store: PluginStore;
  readonly dependencies: DependencyResolver;
  readonly config: ConfigSections;
  readonly injector: PluginInjector;
  readonly hooks: PluginHookWiring;
  readonly phases: PhaseRunner;
  readonly releaser: PluginReleaser;
  readonly failures: FailureRecorder;
  readonly machine: PluginStateMachine;
  readonly logger: Logger;
  /** The config a plugin sees: secret values removed when it may not read them (`config.secrets`). */
  readonly hideSecrets?: (
    record: PluginRecord,
    values: Readonly<Record<string, unknown>>,
  ) => Readonly<Record<string, unknown>>;
}

/** How a dependency stands when it is not usable: its failure, or why it is not ready. */
export function notReady(dependency: PluginRecord): TrellisError {
  return (
    dependency.lastError ?? new ValidationError(`'${dependency.name}' is ${dependency.state}, not ready`)
  );
}

/**
 * Loads plugins: checks dependencies and config, instantiates through the container, runs
 * `initialize`, registers the hooks. Concurrent loads of a plugin share one attempt. Internal.
 */
export class PluginLoader {
  readonly #init: PluginLoaderInit;
  readonly #check: DependencyCheck;

  constructor(init: PluginLoaderInit) {
    this.#init = init;
    this.#check = { hostVersion: TRELLIS_VERSION, standing: loadStanding };
  }

  /** Loads the plugin and, first, what it needs; resolves to the instance or rejects with its failure. */
  async load(record: PluginRecord): Promise<object> {
    if (record.live?.instance !== undefined && record.loading === undefined) return record.live.instance;
    for (const member of this.#init.dependencies.closure(record)) {
      if (member !== record && !member.enabled && member.live === undefined) continue;
      await this.loadOne(member);
    }
    const instance = record.live?.instance;
    if (instance === undefined) throw record.lastError ?? new PluginNotFoundError(record.name);
    return instance;
  }

  /** Loads one plugin whose dependencies are handled; resolves to whether it is loaded. */
  loadOne(record: PluginRecord): Promise<boolean> {
    if (record.loading !== undefined) return record.loading;
    if (record.live !== undefined) return Promise.resolve(true);
    const loading = this.#instantiate(record).finally(() => {
      record.loading = undefined;
    });
    record.loading = loading;
    return loading;
  }

  async #instantiate(record: PluginRecord): Promise<boolean> {
    const { dependencies, failures, injector, phases } = this.#init;
    const name = record.name;
    const problem = findDependencyProblem(record, dependencies.graph(), this.#check);
    if (problem !== undefined) return failures.fail(record, problem);
    const validation = this.#init.config.validate(name, record.meta.config);
    record.effectiveConfig = validation.value;
    if (validation.problems.length > 0)
      return failures.fail(record, new ConfigValidationError(name, validation.problems));

    const announced = this.#init.machine.transition(record, 'loading');
    if (announced !== undefined) await announced;
    const live = injector.prepare(
      record,
      createPluginConfig(this.#init.hideSecrets?.(record, validation.value) ?? validation.value),
    );
    record.live = live;

    const began = performance.now();
    try {
      live.instance = await injector.instantiate(record, live);
    } catch (cause) {
      record.timings.construct = performance.now() - began;
      await this.#init.releaser.release(record);
      // An injection nobody can satisfy is found before any constructor runs: reported as it is.
      const error =
        cause instanceof DependencyError
          ? cause
          : new PluginLoadError({ plugin: name, phase: 'construct', cause });
      return failures.fail(record, error);
    }
    record.timings.construct = performance.now() - began;
    const instance = live.instance;
    if (instance instanceof PluginBase) instance[ATTACH_CONTEXT](live.context);

    try {
      const pending = phases.run(record, live, 'initialize', live.context);
      if (pending !== undefined) await pending;
    } catch (error) {
      await this.#init.releaser.release(record);
      return failures.fail(record, toPluginError(name, error, 'initialize'));
    }
    try {
      this.#init.hooks.checkPermissions(record, live);
    } catch (error) {
      // a hook refused at load fails the plugin with the PermissionError itself
      await this.#init.releaser.release(record);
      return failures.fail(record, toPluginError(name, error, 'initialize'));
    }
    this.#init.hooks.wire(record, live, instance);
    await this.#init.machine.transition(record, 'loaded');
    return true;
  }
}

function loadStanding(dependency: PluginRecord): DependencyStanding {
  if (dependency.live?.instance !== undefined && dependency.loading === undefined) return 'ready';
  if (!dependency.enabled) return 'disabled';
  return notReady(dependency);
}
