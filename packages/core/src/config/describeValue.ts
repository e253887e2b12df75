/** A short description of a value's type for messages: `a string`, `null`, `an array`… */
export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  // NaN and the infinities are numbers, but saying so would hide why they were refused.
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  const type = typeof value;
  return type === 'object' || type === 'undefined' ? type : `a ${type}`;
}

/** A value rendered for messages, shortened. */
export function describeValue(value: unknown): string {
  if (typeof value === 'number') return String(value); // JSON would show NaN and Infinity as null
  let text: string;
  try {
    // JSON.stringify returns undefined for undefined, functions and symbols.
    const json = JSON.stringify(value) as string | undefined;
    text = typeof value === 'string' ? `'${value}'` : (json ?? String(value));
  } catch {
    try {
      text = String(value);
    } catch {
      text = Object.prototype.toString.call(value);
    }
  }
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
