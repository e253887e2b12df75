import type { Logger } from '../logging/Logger.js';
import { matchPermission } from './matchPermission.js';
import type { PermissionChecker, PermissionDenial } from './PermissionChecker.js';
import { PermissionError } from './PermissionError.js';

/** Host grants: plugin name → granted permission patterns, or `'*'` for all it declares. */
export type PermissionGrants = Readonly<Record<string, readonly string[] | '*'>>;

/** What {@link Permissions} works with. Internal. */
export interface PermissionsInit {
  readonly grants: PermissionGrants | undefined;
  readonly logger: Logger;
}

/**
 * The host's permission policy (section 9): a plugin that declares permissions or that the host lists
 * in `grants` is enforced; an action is allowed when it matches a declared pattern and a granted one.
 * Keeps the denial counts and logs each plugin+permission denial once. Reached through
 * `manager.permissions`.
 */
export class Permissions {
  readonly #grants: PermissionGrants;
  readonly #logger: Logger;
  readonly #logged = new Set<string>();
  readonly #counts = new Map<string, number>();
  readonly #listeners = new Set<(denial: PermissionDenial) => void>();

  constructor(init: PermissionsInit) {
    this.#grants = init.grants ?? {};
    this.#logger = init.logger;
  }

  /** The declared entries the host grants (all of them for `'*'`, or for a plugin not listed). */
  granted(plugin: string, declared: readonly string[]): readonly string[] {
    const grant = this.#grants[plugin];
    if (grant === undefined || grant === '*') return [...declared];
    return declared.filter((entry) => grant.some((pattern) => matchPermission(pattern, entry)));
  }

  /** Whether permissions are enforced for the plugin. */
  enforced(plugin: string, declared: readonly string[]): boolean {
    return declared.length > 0 || Object.hasOwn(this.#grants, plugin);
  }

  /** Whether the plugin may do `permission`. */
  allows(plugin: string, declared: readonly string[], permission: string): boolean {
    if (!this.enforced(plugin, declared)) return true;
    if (!declared.some((pattern) => matchPermission(pattern, permission))) return false;
    const grant = this.#grants[plugin];
    if (grant === undefined || grant === '*') return true;
    return grant.some((pattern) => matchPermission(pattern, permission));
  }

  /** The per-plugin checker (see {@link PermissionChecker}). */
  for(plugin: string, declared: readonly string[]): PermissionChecker {
    const enforced = this.enforced(plugin, declared);
    const granted = this.granted(plugin, declared);
    const denial = (permission: string): PermissionError | undefined =>
      this.allows(plugin, declared, permission)
        ? undefined
        : this.deny(
            plugin,
            permission,
            declared.some((pattern) => matchPermission(pattern, permission)),
          );
    return Object.freeze({
      plugin,
      enforced,
      declared: [...declared],
      granted,
      has: (permission: string) => this.allows(plugin, declared, permission),
      check: (permission: string) => {
        const denied = denial(permission);
        if (denied !== undefined) throw denied;
      },
      denial,
    });
  }

  /** Records a denial (count, one log line per plugin+permission, listeners) and returns its error. */
  deny(plugin: string, permission: string, declared: boolean): PermissionError {
    const error = new PermissionError({ plugin, permission, declared });
    const key = `${plugin}\u0000${permission}`;
    this.#counts.set(key, (this.#counts.get(key) ?? 0) + 1);
    if (!this.#logged.has(key)) {
      this.#logged.add(key);
      this.#logger.warn({ plugin, permission }, error.message);
    }
    for (const listener of this.#listeners) {
      try {
        listener({ plugin, permission });
      } catch {
        // a listener that throws must not change the denial
      }
    }
    return error;
  }

  /** Calls `listener` on every denial (for metrics); returns its removal. */
  onDenied(listener: (denial: PermissionDenial) => void): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  /** Denials so far, per plugin and permission. */
  denials(): { plugin: string; permission: string; count: number }[] {
    return [...this.#counts].map(([key, count]) => {
      const [plugin = '', permission = ''] = key.split('\u0000');
      return { plugin, permission, count };
    });
  }
}
