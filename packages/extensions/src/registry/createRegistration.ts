import { ValidationError } from '../errors/ValidationError.js';
import type { HookOptions } from '../handlers/HookOptions.js';
import { isAsyncFunction } from '../handlers/isAsyncFunction.js';
import { kindMask } from '../handlers/kindMask.js';
import { resolvePriority } from '../handlers/resolvePriority.js';
import type { PointMode } from '../points/ExtensionPoint.js';
import type { AnyFunction } from './AnyFunction.js';
import type { HandlerStore } from './HandlerStore.js';
import { Registration, registrationOptions } from './Registration.js';
import { validateHookOptions } from './validateHookOptions.js';

/**
 * Validates one `on()` call and builds its registration: the handler must be a function, the
 * options valid, and an async handler cannot join a point of mode `'sync'`.
 */
export function createRegistration(
  store: HandlerStore,
  name: string,
  handler: AnyFunction,
  options: HookOptions,
  mode: PointMode | undefined,
): Registration {
  if (typeof handler !== 'function') {
    throw new ValidationError(`The handler given for '${name}' is ${String(handler)}; pass a function.`);
  }
  validateHookOptions(options, name);
  const declaredAsync = options.async === true || isAsyncFunction(handler);
  const kinds = kindMask(options.kinds, name);
  const reg = new Registration({
    seq: store.nextSeq(),
    pattern: name,
    matcher: store.matcherFor(name),
    handler,
    priority: resolvePriority(options.priority, name),
    plugin: options.plugin,
    options: registrationOptions(
      options.name,
      options.timeout,
      options.retries ?? 0,
      options.once === true,
      kinds,
    ),
    declaredAsync,
  });
  if (declaredAsync && mode === 'sync') {
    throw new ValidationError(
      `Handler '${reg.name}'${reg.plugin === undefined ? '' : ` of plugin '${reg.plugin}'`} is async, but '${name}' ` +
        `is a synchronous point (mode: 'sync'), whose dispatch cannot await it. Make the handler synchronous ` +
        `(move the async work elsewhere), or define the point with mode: 'async' and dispatch it with the …Async API.`,
    );
  }
  return reg;
}
