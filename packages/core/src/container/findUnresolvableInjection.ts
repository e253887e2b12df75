import { ClassElementMetadataKind, getClassMetadata } from '@inversifyjs/core';
import { LazyServiceIdentifier, type Container, type ServiceIdentifier } from 'inversify';
import { DependencyError } from '../errors/DependencyError.js';

/** What TypeScript's decorator metadata records for a parameter whose type it erases. */
const ERASED_TYPES: ReadonlySet<unknown> = new Set<unknown>([
  undefined,
  Object,
  String,
  Number,
  Boolean,
  Array,
  Function,
  Promise,
  Symbol,
]);

/** Where inversify keeps a class's injection metadata (`@inversifyjs/core` is pinned). */
const RAW_METADATA_KEY = '@inversifyjs/core/classMetadataReflectKey';

const describeIdentifier = (identifier: ServiceIdentifier): string =>
  typeof identifier === 'function'
    ? identifier.name
    : typeof identifier === 'symbol'
      ? (identifier.description ?? String(identifier))
      : identifier;

type Element = ReturnType<typeof getClassMetadata>['constructorArguments'][number] | undefined;

/** The part of inversify's class metadata the check reads. */
interface InjectionMetadata {
  readonly constructorArguments: readonly Element[];
  readonly properties: ReadonlyMap<string | symbol, Element>;
}

/** The identifier an element asks for, or `undefined` when it needs no check. */
function identifierOf(element: Element): { readonly id: unknown } | undefined {
  if (element === undefined) return { id: undefined };
  if (element.kind !== ClassElementMetadataKind.singleInjection || element.optional) return undefined;
  let id: unknown = element.value;
  if (LazyServiceIdentifier.is(id)) {
    try {
      id = id.unwrap();
    } catch {
      return undefined;
    }
  }
  return { id };
}

/** One injection to check: where it is, and what it asks for (`undefined`: a type erased at run time). */
export interface InjectionCheck {
  readonly place: string;
  readonly identifier: ServiceIdentifier | undefined;
}

/**
 * The injections of a class that must be bound for it to be constructed, read once from its
 * metadata: `@optional()`, `@multiInject` and `@unmanaged` injections are left out. Internal.
 */
export function injectionChecks(cls: abstract new (...args: never[]) => unknown): readonly InjectionCheck[] {
  let metadata: InjectionMetadata;
  try {
    metadata = getClassMetadata(cls as never);
  } catch {
    // inversify refuses a class with a constructor parameter it has no metadata for (an interface
    // type is recorded as Object, which it ignores); its raw record still tells which parameter.
    const raw = Reflect.getOwnMetadata(RAW_METADATA_KEY, cls) as InjectionMetadata | undefined;
    metadata = raw ?? { constructorArguments: [], properties: new Map() };
  }
  const where: [string, Element][] = [];
  metadata.constructorArguments.forEach((element: Element, index) => {
    where.push([`constructor parameter #${index}`, element]);
  });
  for (let index = 0; index < cls.length; index++) {
    if (!(index in metadata.constructorArguments)) where.push([`constructor parameter #${index}`, undefined]);
  }
  for (const [key, element] of metadata.properties) where.push([`property '${String(key)}'`, element]);
  const checks: InjectionCheck[] = [];
  for (const [place, element] of where) {
    const wanted = identifierOf(element);
    if (wanted === undefined) continue;
    const erased = ERASED_TYPES.has(wanted.id);
    checks.push({ place, identifier: erased ? undefined : (wanted.id as ServiceIdentifier) });
  }
  return checks;
}

/**
 * Checks, before anything is constructed, that every service a plugin class injects can be
 * resolved: an identifier nobody bound (no registered plugin provides it, the host did not bind
 * it) or a constructor parameter whose type TypeScript erased (an interface without `@inject`) is
 * returned as a `DependencyError` that says what to do. Internal.
 */
export function findUnresolvableInjection(
  container: Container,
  plugin: string,
  cls: abstract new (...args: never[]) => unknown,
  checks: readonly InjectionCheck[] = injectionChecks(cls),
): DependencyError | undefined {
  for (const { place, identifier } of checks) {
    if (identifier === undefined) {
      return new DependencyError(
        `Plugin '${plugin}': ${place} of ${cls.name} has no @inject(token), and its type is an interface ` +
          `(or another type erased at run time, or it has no type metadata), so the container cannot tell ` +
          `what to inject. Add @inject(token) to it, with the token of the service (createToken<T>('id') ` +
          `or the providing class).`,
        { code: 'TRELLIS_DEPENDENCY_MISSING', plugin },
      );
    }
    if (container.isBound(identifier)) continue;
    const name = describeIdentifier(identifier);
    return new DependencyError(
      `plugin '${plugin}' injects '${name}', which no registered plugin provides and the host did not bind: ` +
        `register the plugin that provides it, or bind it in the host container (${place} of ${cls.name}).`,
      { code: 'TRELLIS_DEPENDENCY_MISSING', plugin, dependency: name },
    );
  }
  return undefined;
}
