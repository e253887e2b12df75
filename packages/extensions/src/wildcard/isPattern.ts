const MAGIC = /[*?[{]|[!+@]\(/;

/** Tells whether a registration name uses wildcard syntax (`*`, `**`, `?`, `[…]`, `{a,b}`, extglobs). */
export function isPattern(name: string): boolean {
  return MAGIC.test(name);
}
