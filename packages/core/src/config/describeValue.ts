/** A short description of a value's type for messages: `a string`, `null`, `an array`… */
export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  const type = typeof value;
  return type === 'object' || type === 'undefined' ? type : `a ${type}`;
}

/** A value rendered for messages, shortened. */
export function describeValue(value: unknown): string {
  let text: string;
  try {
    // JSON.stringify returns undefined for undefined, functions and symbols.
    const json = JSON.stringify(value) as string | undefined;
    text = typeof value === 'string' ? `'${value}'` : (json ?? String(value));
  } catch {
    text = String(value);
  }
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
