/** A one-line description of anything a plugin threw; never throws itself. */
export function describeFailure(value: unknown): string {
  try {
    if (value instanceof Error) {
      const code = (value as { code?: unknown }).code;
      return typeof code === 'string' ? `${code}: ${value.message}` : `${value.name}: ${value.message}`;
    }
    if (typeof value === 'string') return value;
    // JSON.stringify answers undefined for functions, symbols and undefined, whatever its type says.
    const json = JSON.stringify(value) as string | undefined;
    return json ?? String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}
