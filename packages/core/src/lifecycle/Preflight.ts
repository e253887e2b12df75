import type { TrellisError } from '@trellis/extensions';
import type { ConfigSections } from '../config/ConfigSections.js';
import { ConfigValidationError } from '../errors/ConfigValidationError.js';
import { StartupError } from '../errors/StartupError.js';
import { findDependencyProblem, type DependencyCheck } from '../dependencies/findDependencyProblem.js';
import type { PluginRecord } from '../model/PluginRecord.js';
import type { DependencyResolver } from '../dependencies/DependencyResolver.js';
import { TRELLIS_VERSION } from '../version.js';
import type { FailureRecorder } from './FailureRecorder.js';

/**
 * `abort` mode: before anything is instantiated, finds every failure that can be known without
 * running plugin code (dependencies, cycles, engines, config) and rejects with all of them. Internal.
 */
export class Preflight {
  readonly #dependencies: DependencyResolver;
  readonly #config: ConfigSections;
  readonly #failures: FailureRecorder;

  constructor(dependencies: DependencyResolver, config: ConfigSections, failures: FailureRecorder) {
    this.#dependencies = dependencies;
    this.#config = config;
    this.#failures = failures;
  }

  /** Marks every doomed plugin failed and rejects with `StartupError`; resolves when there is none. */
  async check(): Promise<void> {
    const graph = this.#dependencies.graph();
    const doomed = new Map<PluginRecord, TrellisError>();
    const check: DependencyCheck = {
      hostVersion: TRELLIS_VERSION,
      standing: (dependency) =>
        doomed.get(dependency) ??
        (dependency.enabled || dependency.live !== undefined ? 'ready' : 'disabled'),
    };
    for (const record of graph.sequence) {
      if (record.live !== undefined || !record.enabled) continue;
      const problem = findDependencyProblem(record, graph, check) ?? this.#configProblem(record);
      if (problem !== undefined) doomed.set(record, problem);
    }
    if (doomed.size === 0) return;
    for (const [record, error] of doomed) await this.#failures.fail(record, error);
    throw new StartupError([...doomed.values()]);
  }

  #configProblem(record: PluginRecord): ConfigValidationError | undefined {
    const { problems } = this.#config.validate(record.name, record.meta.config);
    return problems.length > 0 ? new ConfigValidationError(record.name, problems) : undefined;
  }
}
