import 'reflect-metadata';
import { InversifyCoreError, InversifyCoreErrorKind, injectable } from '@inversifyjs/core';
import type { PluginOptions } from './PluginOptions.js';
import { PLUGIN_METADATA_KEY } from './pluginMetadataKey.js';

/**
 * Applies `@injectable()` unless the class already has it (inversify throws when it is applied
 * twice): its own conflict error is the public signal that the class was already injectable.
 */
function ensureInjectable(target: abstract new (...args: never[]) => unknown): void {
  try {
    injectable()(target);
  } catch (error) {
    if (!InversifyCoreError.isErrorOfKind(error, InversifyCoreErrorKind.injectionDecoratorConflict))
      throw error;
  }
}

/**
 * Declares a plugin class: records its metadata (checked by `manager.register()`) and makes the
 * class injectable unless it already is. Put `@plugin` above any `@injectable()`.
 *
 * @example
 * ```ts
 * @plugin({ name: 'welcome', version: '1.0.0' })
 * export class WelcomePlugin {
 *   constructor(@inject(TOKENS.Logger) private readonly log: Logger) {}
 * }
 * ```
 */
export function plugin(options: PluginOptions): (target: abstract new (...args: never[]) => unknown) => void {
  return (target) => {
    Reflect.defineMetadata(PLUGIN_METADATA_KEY, options, target);
    ensureInjectable(target);
  };
}
