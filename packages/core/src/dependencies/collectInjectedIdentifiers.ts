import { ClassElementMetadataKind, getClassMetadata } from '@inversifyjs/core';
import { LazyServiceIdentifier, type ServiceIdentifier } from 'inversify';

/**
 * Every service identifier a class asks the container for, through constructor parameters and
 * properties (lazy identifiers are unwrapped when possible). Returns an empty list when the class's
 * injection metadata is invalid: the container reports that when it instantiates the class.
 */
export function collectInjectedIdentifiers(
  target: abstract new (...args: never[]) => unknown,
): ServiceIdentifier[] {
  let metadata: ReturnType<typeof getClassMetadata>;
  try {
    metadata = getClassMetadata(target as never);
  } catch {
    return [];
  }
  const found: ServiceIdentifier[] = [];
  const elements = [...metadata.constructorArguments, ...metadata.properties.values()];
  for (const element of elements) {
    // Sparse constructor metadata can hold holes.
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
    if (element === undefined || element.kind === ClassElementMetadataKind.unmanaged) continue;
    let identifier = element.value;
    if (LazyServiceIdentifier.is(identifier)) {
      try {
        identifier = identifier.unwrap();
      } catch {
        continue;
      }
    }
    found.push(identifier);
  }
  return found;
}
