import { getClassMetadata } from '@inversifyjs/core';
import type { Newable } from 'inversify';
import { ThenableBox } from './ThenableBox.js';

/** Injected property keys of a class (empty when its metadata is unreadable). */
function injectedProperties(cls: Newable<object>): PropertyKey[] {
  try {
    return [...getClassMetadata(cls).properties.keys()];
  } catch {
    return [];
  }
}

/**
 * Makes `instance[key] = box` hold the unboxed value until {@link settleProperties} runs. inversify
 * reads a property back right after setting it, and awaits what it reads if it is a thenable: that
 * one read gets the box; every later read (in `@postConstruct` too) gets the value.
 */
function guardProperty(instance: object, key: PropertyKey): void {
  const own = Object.getOwnPropertyDescriptor(instance, key);
  if (own !== undefined && own.configurable !== true) return;
  let current: unknown = own?.value;
  let justSet = false;
  try {
    Object.defineProperty(instance, key, {
      configurable: true,
      enumerable: own?.enumerable ?? true,
      get: () => {
        if (!justSet) return ThenableBox.unwrap(current);
        justSet = false;
        return current;
      },
      set: (value: unknown) => {
        current = value;
        justSet = true;
      },
    });
  } catch {
    // A sealed or frozen instance: inversify's own assignment will report it.
  }
}

/**
 * Turns the guarded properties of an instance back into plain data properties, once the container
 * has set them (called on activation).
 */
export function settleProperties(instance: object, keys: readonly PropertyKey[]): void {
  for (const key of keys) {
    const own = Object.getOwnPropertyDescriptor(instance, key);
    if (own?.get === undefined || own.configurable !== true) continue;
    own.get.call(instance); // clears a pending read-back
    Object.defineProperty(instance, key, {
      value: own.get.call(instance) as unknown,
      writable: true,
      enumerable: own.enumerable ?? true,
      configurable: true,
    });
  }
}

/** A class the container can construct with {@link ThenableBox} values unboxed. Internal. */
export interface UnboxingClass<T extends object> {
  /** What to bind: constructs the original class, with boxed constructor arguments unboxed. */
  readonly type: Newable<T>;
  /** Its injected property keys, for {@link settleProperties}. */
  readonly properties: readonly PropertyKey[];
}

/**
 * Wraps a class so that thenables the container injects arrive as they are: constructor arguments
 * are unboxed before the original constructor runs, injected properties as they are set (before
 * `@postConstruct`). Instances are instances of the original class (same prototype and
 * `constructor`). Internal.
 */
export function unboxingClass<T extends object>(cls: Newable<T>): UnboxingClass<T> {
  const properties = injectedProperties(cls);
  const type: Newable<T> = new Proxy(cls, {
    construct(target, args: unknown[], newTarget) {
      const instance = Reflect.construct(
        target,
        args.map((arg) => ThenableBox.unwrap(arg)),
        newTarget === type ? target : newTarget,
      ) as T;
      for (const key of properties) guardProperty(instance, key);
      return instance;
    },
  });
  // inversify reads the class's own metadata: the wrapper carries the same.
  for (const key of Reflect.getOwnMetadataKeys(cls) as unknown[]) {
    Reflect.defineMetadata(key, Reflect.getOwnMetadata(key, cls), type);
  }
  return { type, properties };
}
