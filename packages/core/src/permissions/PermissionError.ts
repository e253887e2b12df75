import { TrellisError } from '@trellis/extensions';
import type { CoreErrorCode } from '../errors/CoreErrorCode.js';

/** Options of {@link PermissionError}. */
export interface PermissionErrorOptions {
  /** The plugin refused. */
  readonly plugin: string;
  /** The permission it needed, e.g. `events.publish:user.login`. */
  readonly permission: string;
  /** Whether the plugin declared a matching permission (else the host did not grant it). */
  readonly declared: boolean;
}

/**
 * A plugin tried something its permissions do not allow: it did not declare a matching permission,
 * or the host did not grant it. Code `TRELLIS_PERMISSION_DENIED`.
 */
export class PermissionError extends TrellisError {
  /** The code of every `PermissionError`. */
  static readonly CODE = 'TRELLIS_PERMISSION_DENIED' satisfies CoreErrorCode;

  /** The plugin refused. */
  readonly plugin: string;
  /** The permission it needed. */
  readonly permission: string;

  constructor(options: PermissionErrorOptions) {
    const how = options.declared
      ? `the host does not grant it: add '${options.permission}' (or a pattern covering it) to grants['${options.plugin}'] in the manager options or the config file's "grants"`
      : `the plugin does not declare it: add '${options.permission}' (or a pattern covering it) to its permissions (metadata or plugin.json), and have the host grant it in grants['${options.plugin}']`;
    super(`Plugin '${options.plugin}' is not allowed '${options.permission}': ${how}.`, {
      code: PermissionError.CODE,
    });
    this.plugin = options.plugin;
    this.permission = options.permission;
  }
}
