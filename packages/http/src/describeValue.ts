/** A short description of a foreign value, for messages. Never throws. */
export function describeValue(value: unknown): string {
  try {
    if (value instanceof Error) return value.message === '' ? value.name : value.message;
    if (typeof value === 'string') return JSON.stringify(value);
    if (value === null || value === undefined || typeof value !== 'object') return String(value);
    const json = JSON.stringify(value);
    return json.length > 120 ? `${json.slice(0, 117)}...` : json;
  } catch {
    return 'a value that cannot be described';
  }
}
