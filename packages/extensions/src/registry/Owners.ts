import type { HookError } from '../errors/HookError.js';
import { ValidationError } from '../errors/ValidationError.js';
import type { Registration } from './Registration.js';

/** The owners (plugins) of registrations: which are disabled, what each owns, their error handlers. */
export class Owners {
  readonly #disabled = new Set<string>();
  readonly #registrations = new Map<string, Set<Registration>>();
  readonly #errorHandlers = new Map<string, (error: HookError) => unknown>();

  /** Whether any owner is disabled (plans then filter their handlers). */
  get anyDisabled(): boolean {
    return this.#disabled.size > 0;
  }

  /** Whether the handlers of `plugin` run. */
  isEnabled(plugin: string): boolean {
    return !this.#disabled.has(plugin);
  }

  /** Whether `reg` runs: it has no owner or its owner is enabled. */
  runs(reg: Registration): boolean {
    return reg.plugin === undefined || !this.#disabled.has(reg.plugin);
  }

  /** Disables `plugin`; returns whether it was enabled. */
  disable(plugin: string): boolean {
    if (this.#disabled.has(plugin)) return false;
    this.#disabled.add(plugin);
    return true;
  }

  /** Enables `plugin`; returns whether it was disabled. */
  enable(plugin: string): boolean {
    return this.#disabled.delete(plugin);
  }

  add(reg: Registration): void {
    if (reg.plugin === undefined) return;
    const owned = this.#registrations.get(reg.plugin);
    if (owned === undefined) this.#registrations.set(reg.plugin, new Set([reg]));
    else owned.add(reg);
  }

  delete(reg: Registration): void {
    if (reg.plugin === undefined) return;
    const owned = this.#registrations.get(reg.plugin);
    owned?.delete(reg);
    if (owned?.size === 0) this.#registrations.delete(reg.plugin);
  }

  /** The registrations `plugin` owns (a copy). */
  registrationsOf(plugin: string): Registration[] {
    return [...(this.#registrations.get(plugin) ?? [])];
  }

  /** The error handler of `plugin`, if one is set. */
  errorHandler(plugin: string): ((error: HookError) => unknown) | undefined {
    return this.#errorHandlers.get(plugin);
  }

  /** Sets (or with `undefined` clears) the error handler of `plugin`. */
  setErrorHandler(plugin: string, onError: ((error: HookError) => unknown) | undefined): void {
    if (onError === undefined) this.#errorHandlers.delete(plugin);
    else if (typeof onError === 'function') this.#errorHandlers.set(plugin, onError);
    else
      throw new ValidationError(`The error handler of plugin '${plugin}' must be a function or undefined.`);
  }
}
