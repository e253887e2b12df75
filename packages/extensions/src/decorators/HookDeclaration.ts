import type { HookOptions } from '../handlers/HookOptions.js';
import type { AnyExtensionPoint } from '../points/ExtensionPoint.js';

/** One `@hook` on a method, as returned by `getHookDeclarations()`. */
export interface HookDeclaration {
  /** The decorated method's name. */
  readonly method: string | symbol;
  /** The event name or pattern. */
  readonly event: string;
  /** The typed point, when `@hook` was given one (register with it so its kind is checked). */
  readonly point: AnyExtensionPoint | undefined;
  /** The options given to `@hook`, plus `async: true` when the method is declared `async`. */
  readonly options: HookOptions;
}
