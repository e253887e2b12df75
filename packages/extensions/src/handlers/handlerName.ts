/** The name of a handler for logs and stats: the `name` option, else the function's own name. */
export function handlerName(fn: (...args: never[]) => unknown, name: string | undefined): string {
  if (name !== undefined) return name;
  const own = fn.name.replace(/^(?:bound )+/, '');
  return own === '' ? 'anonymous' : own;
}
