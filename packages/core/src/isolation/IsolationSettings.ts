import { ValidationError } from '@trellis/extensions';

/** Where a plugin runs: in the host, in a worker thread, or in a child process. */
export type IsolationMode = 'none' | 'worker' | 'process';

/** Resource limits of an isolated plugin. */
export interface IsolationLimits {
  /** Heap limit (MB): `resourceLimits.maxOldGenerationSizeMb` or `--max-old-space-size`. */
  readonly memoryMb?: number;
  /** Stack size (MB): `resourceLimits.stackSizeMb` or `--stack-size`. */
  readonly stackMb?: number;
  /** Time limit (ms) of each hook call that has no timeout of its own; default 30 000. */
  readonly hookTimeoutMs?: number;
}

/** How a crashed isolated plugin is restarted: at most `maxRestarts` within `windowMs`. */
export interface RestartPolicy {
  readonly maxRestarts: number;
  readonly windowMs: number;
}

/** The isolation keys a plugin's metadata or config section may carry. */
export interface IsolationOptions {
  readonly isolation?: IsolationMode;
  readonly limits?: IsolationLimits;
  readonly restart?: RestartPolicy;
}

/** Isolation settings after merging metadata and config (config wins per key). */
export interface IsolationSettings {
  readonly mode: IsolationMode;
  readonly limits: IsolationLimits;
  readonly restart: RestartPolicy | undefined;
}

/** The config-section keys that belong to isolation, not to the plugin's own schema. */
export const ISOLATION_KEYS: readonly string[] = Object.freeze(['isolation', 'limits', 'restart']);

const MODES: readonly string[] = ['none', 'worker', 'process'];

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Merges the isolation keys of a plugin's metadata and its config section (config wins) and checks
 * them; throws `ValidationError` naming the plugin for an unknown mode or a malformed limit.
 */
export function resolveIsolationSettings(plugin: string, meta: unknown, section: unknown): IsolationSettings {
  const fromMeta = isRecord(meta) ? meta : {};
  const fromConfig = isRecord(section) ? section : {};
  const mode = fromConfig.isolation ?? fromMeta.isolation ?? 'none';
  if (typeof mode !== 'string' || !MODES.includes(mode)) {
    throw new ValidationError(
      `Plugin '${plugin}': isolation must be 'none', 'worker' or 'process', not ${JSON.stringify(mode)}. Fix it in its metadata or config section.`,
    );
  }
  const limits = {
    ...(isRecord(fromMeta.limits) ? fromMeta.limits : {}),
    ...(isRecord(fromConfig.limits) ? fromConfig.limits : {}),
  };
  for (const [key, value] of Object.entries(limits)) {
    if (typeof value !== 'number' || !(value > 0)) {
      throw new ValidationError(
        `Plugin '${plugin}': limits.${key} must be a positive number, not ${JSON.stringify(value)}.`,
      );
    }
  }
  const restart = fromConfig.restart ?? fromMeta.restart;
  if (
    restart !== undefined &&
    (!isRecord(restart) ||
      typeof restart.maxRestarts !== 'number' ||
      restart.maxRestarts < 0 ||
      typeof restart.windowMs !== 'number' ||
      restart.windowMs <= 0)
  ) {
    throw new ValidationError(
      `Plugin '${plugin}': restart must be { maxRestarts: number >= 0, windowMs: number > 0 }.`,
    );
  }
  return Object.freeze({
    mode: mode as IsolationMode,
    limits: Object.freeze(limits as IsolationLimits),
    restart: restart === undefined ? undefined : (restart as unknown as RestartPolicy),
  });
}
