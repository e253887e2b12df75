import { ValidationError } from '../errors/ValidationError.js';
import type { HookOptions } from '../handlers/HookOptions.js';
import { isAsyncFunction } from '../handlers/isAsyncFunction.js';
import { kindMask } from '../handlers/kindMask.js';
import { resolvePriority } from '../handlers/resolvePriority.js';
import type {
  CollectHandler,
  FilterHandler,
  MiddlewareHandler,
  NotifyHandler,
} from '../handlers/handlerTypes.js';
import type {
  AnyExtensionPoint,
  CollectPoint,
  FilterPoint,
  MiddlewarePoint,
  NotifyPoint,
} from '../points/ExtensionPoint.js';
import { validateEventName } from '../points/validateEventName.js';
import { validateHookOptions } from '../registry/validateHookOptions.js';
import type { HookDeclaration } from './HookDeclaration.js';
import { HOOKS_KEY } from './HOOKS_KEY.js';
import type { TypedMethodDecorator } from './TypedMethodDecorator.js';

type Holder = Partial<Record<typeof HOOKS_KEY, HookDeclaration[]>>;

/**
 * Method decorator (legacy `experimentalDecorators`, like inversify's) declaring the method as a
 * handler of `event` (a name, wildcard pattern or typed point). It only records metadata on the
 * class; the plugin host binds the method to the instance and registers it. Combine freely with
 * inversify decorators. On a typed point the method must fit the point's handler type (its
 * parameter and return types), or the decorator fails to compile.
 *
 * @example
 * ```ts
 * class Welcome {
 *   @hook('user.login', { priority: 'high' })
 *   greet(user: User) { return { ...user, greeted: true }; }
 * }
 * ```
 */
export function hook<T>(point: FilterPoint<T>, options?: HookOptions): TypedMethodDecorator<FilterHandler<T>>;
export function hook<T>(point: NotifyPoint<T>, options?: HookOptions): TypedMethodDecorator<NotifyHandler<T>>;
export function hook<TIn, TOut>(
  point: CollectPoint<TIn, TOut>,
  options?: HookOptions,
): TypedMethodDecorator<CollectHandler<TIn, TOut>>;
export function hook<TCtx, TResult>(
  point: MiddlewarePoint<TCtx, TResult>,
  options?: HookOptions,
): TypedMethodDecorator<MiddlewareHandler<TCtx, TResult>>;
export function hook(event: string | AnyExtensionPoint, options?: HookOptions): MethodDecorator;
export function hook(event: string | AnyExtensionPoint, options: HookOptions = {}): MethodDecorator {
  const point = typeof event === 'string' ? undefined : event;
  const name = validateEventName(point === undefined ? event : point.name, {
    allowPattern: point === undefined,
  });
  validateHookOptions(options, name);
  kindMask(options.kinds, name);
  resolvePriority(options.priority, name);
  return (target: object, method: string | symbol, descriptor: PropertyDescriptor): void => {
    if (typeof target === 'function') {
      throw new ValidationError(
        `@hook('${name}') is on the static method '${String(method)}'; put it on an instance method.`,
      );
    }
    const ctor = (target as { constructor: unknown }).constructor as Holder;
    let list = Object.hasOwn(ctor, HOOKS_KEY) ? ctor[HOOKS_KEY] : undefined;
    if (list === undefined) {
      list = [];
      Object.defineProperty(ctor, HOOKS_KEY, { value: list, enumerable: false, configurable: true });
    }
    const declaration: HookDeclaration = {
      method,
      event: name,
      point,
      options: isAsyncFunction(descriptor.value) ? { ...options, async: true } : { ...options },
    };
    // Decorators of one method apply bottom-up; insert before the method's earlier-applied ones so
    // the list follows source order.
    const firstOfMethod = list.findIndex((existing) => existing.method === method);
    if (firstOfMethod >= 0) list.splice(firstOfMethod, 0, declaration);
    else list.push(declaration);
  };
}
