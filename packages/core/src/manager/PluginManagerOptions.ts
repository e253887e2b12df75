import type { ErrorStrategy } from '@trellis/extensions';
import type { Container } from 'inversify';
import type { LoggerOptions } from 'pino';
import type { PluginFailureMode } from '../lifecycle/PluginFailureMode.js';
import type { Logger } from '../logging/Logger.js';
import type { TrellisWarning } from '../logging/TrellisWarning.js';
import type { PermissionGrants } from '../permissions/Permissions.js';

/**
 * Options of `new PluginManager()`; every one is optional.
 *
 * @example
 * ```ts
 * new PluginManager({ config: { welcome: { greeting: 'Hi' } }, logger: false, lifecycleTimeout: 5_000 });
 * ```
 */
export interface PluginManagerOptions {
  /** Config sections keyed by plugin name. */
  readonly config?: Readonly<Record<string, unknown>>;
  /** A pino logger, pino options, or `false` for a silent logger; default pino at `logLevel`. */
  readonly logger?: Logger | LoggerOptions | false;
  /** Level of the default logger; default `'info'`. */
  readonly logLevel?: string;
  /** Check plugin metadata fully at registration; default true (false checks only the name). */
  readonly validateMetadata?: boolean;
  /** How hook failures are handled; default `'log-and-continue'`. */
  readonly errorStrategy?: ErrorStrategy;
  /** Default time limit (ms) for hooks without their own; default none. */
  readonly hookTimeout?: number;
  /** Time limit (ms) per plugin per lifecycle phase; default 30 000 (`Infinity` for none). */
  readonly lifecycleTimeout?: number;
  /** `'isolate'` (default) keeps the others running; `'abort'` stops startup at the first failure. */
  readonly onPluginFailure?: PluginFailureMode;
  /** A parent inversify container of the host: plugins can inject what it binds. */
  readonly container?: Container;
  /**
   * Turns warnings into errors: an unknown config key fails its plugin with
   * `ConfigValidationError`, an unknown config section makes `start()`/`loadAll()` reject, an async
   * handler skipped by a synchronous dispatch is a `HookError`. Default false.
   */
  readonly strict?: boolean;
  /**
   * Called with every warning (unknown config keys and sections, skipped async handlers…), also
   * when `logger: false`; warnings are logged too.
   */
  readonly onWarning?: (warning: TrellisWarning) => void;
  /**
   * Permissions the host grants, by plugin: patterns (`['events.publish:user.*', 'storage']`) or
   * `'*'` for everything it declares. A plugin that declares permissions, or is listed here, gets
   * what it declares *and* is granted; other plugins are trusted. See docs/permissions.md.
   */
  readonly grants?: PermissionGrants;
}
