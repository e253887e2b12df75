import type { Logger, PluginDescriptor, PluginManager, PluginState } from '@trellis/core';
import type { HealthCheck } from './HealthCheck.js';
import type { HealthCheckResult, HealthReport, LivenessReport, ReadinessReport } from './HealthReport.js';
import type { HealthStatus } from './HealthResult.js';
import type { HealthService } from './HealthService.js';
import { isHealthCheck } from './isHealthCheck.js';
import { readNumberSetting } from './readNumberSetting.js';
import { runCheck } from './runCheck.js';

/** What a {@link HealthAggregator} works with. */
export interface HealthAggregatorOptions {
  /** Where the plugins are found. */
  readonly manager: Pick<PluginManager, 'getAllPlugins'>;
  /** Where failed checks are logged. */
  readonly logger: Logger;
  /** Timeout (ms) of checks without their own `healthCheckTimeout`. */
  readonly defaultTimeout: number;
  /** Cache time (ms) of checks without their own `healthCheckInterval`; 0 runs them every time. */
  readonly defaultInterval: number;
}

/** The cached state of one plugin's check. */
interface CheckEntry {
  readonly instance: object;
  readonly timeoutMs: number;
  readonly intervalMs: number;
  result: HealthCheckResult | undefined;
  /** `performance.now()` until which `result` is reused. */
  freshUntil: number;
  running: Promise<HealthCheckResult> | undefined;
}

/** Plugin states in which a plugin's check is run. */
const CHECKED_STATES: ReadonlySet<PluginState> = new Set(['loaded', 'starting', 'started']);
const RANK: Readonly<Record<HealthStatus, number>> = { healthy: 0, degraded: 1, unhealthy: 2 };

/**
 * The health aggregator behind `HEALTH`: finds the loaded, enabled plugins with `checkHealth`, runs
 * their checks concurrently (each bounded by its timeout, results cached for its interval, one run
 * at a time per plugin) and derives liveness and readiness.
 */
export class HealthAggregator implements HealthService {
  readonly #options: HealthAggregatorOptions;
  /** Plugin name → its check's state (an entry is replaced when the plugin's instance changes). */
  readonly #entries = new Map<string, CheckEntry>();
  #shuttingDown = false;

  constructor(options: HealthAggregatorOptions) {
    this.#options = options;
  }

  get shuttingDown(): boolean {
    return this.#shuttingDown;
  }

  /** Marks the start of shutdown: readiness is `not-ready` from now on. */
  beginShutdown(): void {
    this.#shuttingDown = true;
  }

  /** The host runs again (a new start after a stop). */
  resume(): void {
    this.#shuttingDown = false;
  }

  async check(): Promise<HealthReport> {
    const checkedAt = new Date().toISOString();
    const plugins = this.#checkable();
    const results = await Promise.all(plugins.map((descriptor) => this.#resultOf(descriptor)));
    let status: HealthStatus = 'healthy';
    for (const result of results) if (RANK[result.status] > RANK[status]) status = result.status;
    // fromEntries defines own properties, so any plugin name (`constructor`…) is a plain key.
    const checks = Object.fromEntries(
      plugins.map((descriptor, index) => [descriptor.name, results[index] as HealthCheckResult]),
    );
    return { status, checks, checkedAt };
  }

  async checkPlugin(name: string): Promise<HealthCheckResult | undefined> {
    const descriptor = this.#checkable().find((entry) => entry.name === name);
    return descriptor === undefined ? undefined : this.#resultOf(descriptor);
  }

  liveness(): LivenessReport {
    return { status: 'ok', uptimeSeconds: process.uptime() };
  }

  async readiness(): Promise<ReadinessReport> {
    if (this.#shuttingDown) return { status: 'not-ready', reasons: ['the host is shutting down'] };
    const reasons: string[] = [];
    for (const plugin of this.#options.manager.getAllPlugins()) {
      if (plugin.enabled && plugin.state !== 'started') {
        reasons.push(`plugin '${plugin.name}' is ${plugin.state}, not started`);
      }
    }
    const report = await this.check();
    for (const [name, result] of Object.entries(report.checks)) {
      if (result.status === 'unhealthy') {
        reasons.push(
          result.message === undefined
            ? `plugin '${name}' is unhealthy`
            : `plugin '${name}' is unhealthy: ${result.message}`,
        );
      }
    }
    // Shutdown may have begun while the checks ran.
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- set while awaiting
    if (this.#shuttingDown) return { status: 'not-ready', reasons: ['the host is shutting down'] };
    return { status: reasons.length === 0 ? 'ready' : 'not-ready', reasons };
  }

  /** The plugins whose check runs now; forgets the entries of the others. */
  #checkable(): (PluginDescriptor & { readonly instance: HealthCheck & object })[] {
    const found: (PluginDescriptor & { readonly instance: HealthCheck & object })[] = [];
    for (const descriptor of this.#options.manager.getAllPlugins()) {
      const { instance } = descriptor;
      if (descriptor.enabled && CHECKED_STATES.has(descriptor.state) && isHealthCheck(instance)) {
        found.push(descriptor as PluginDescriptor & { readonly instance: HealthCheck & object });
      }
    }
    if (this.#entries.size > found.length) {
      const names = new Set(found.map((descriptor) => descriptor.name));
      for (const name of this.#entries.keys()) if (!names.has(name)) this.#entries.delete(name);
    }
    return found;
  }

  #resultOf(
    descriptor: PluginDescriptor & { readonly instance: HealthCheck & object },
  ): Promise<HealthCheckResult> {
    const entry = this.#entryOf(descriptor.name, descriptor.instance);
    if (entry.running !== undefined) return entry.running;
    if (entry.result !== undefined && performance.now() < entry.freshUntil)
      return Promise.resolve(entry.result);
    const running = runCheck(descriptor.name, descriptor.instance, entry.timeoutMs).then(
      ({ result, error }) => {
        if (error !== undefined) {
          this.#options.logger.warn({ plugin: descriptor.name, err: error, code: error.code }, error.message);
        }
        entry.result = result;
        entry.freshUntil = performance.now() + entry.intervalMs;
        entry.running = undefined;
        return result;
      },
    );
    entry.running = running;
    return running;
  }

  #entryOf(name: string, instance: HealthCheck & object): CheckEntry {
    const known = this.#entries.get(name);
    if (known?.instance === instance) return known;
    const entry: CheckEntry = {
      instance,
      timeoutMs: this.#setting(name, instance, 'healthCheckTimeout', 1, this.#options.defaultTimeout),
      intervalMs: this.#setting(name, instance, 'healthCheckInterval', 0, this.#options.defaultInterval),
      result: undefined,
      freshUntil: 0,
      running: undefined,
    };
    this.#entries.set(name, entry);
    return entry;
  }

  #setting(name: string, instance: object, key: string, min: number, fallback: number): number {
    const value = readNumberSetting(instance, key, min);
    if (value === 'invalid') {
      this.#options.logger.warn(
        { plugin: name, code: 'TRELLIS_HEALTH_CHECK_INVALID' },
        `Plugin '${name}' has an invalid ${key} (a number of ms, at least ${min}, is expected); using ${fallback} ms.`,
      );
      return fallback;
    }
    return value ?? fallback;
  }
}
