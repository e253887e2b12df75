import type { HookDeclaration } from './HookDeclaration.js';
import { HOOKS_KEY } from './HOOKS_KEY.js';

/**
 * The `@hook` declarations of a class, inherited ones included. When a subclass declares hooks on
 * a method, they replace the base class's declarations for that method.
 */
export function getHookDeclarations(cls: abstract new (...args: never[]) => unknown): HookDeclaration[] {
  const result: HookDeclaration[] = [];
  const seen = new Set<string | symbol>();
  for (let current: unknown = cls; typeof current === 'function'; current = Object.getPrototypeOf(current)) {
    if (!Object.hasOwn(current, HOOKS_KEY)) continue;
    const own = (current as Partial<Record<typeof HOOKS_KEY, HookDeclaration[]>>)[HOOKS_KEY] ?? [];
    const methods = new Set<string | symbol>();
    for (const declaration of own) {
      if (seen.has(declaration.method)) continue;
      methods.add(declaration.method);
      result.push(declaration);
    }
    for (const method of methods) seen.add(method);
  }
  return result;
}
