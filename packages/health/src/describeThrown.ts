/**
 * A one-line description of a thrown value or a foreign result, for messages. Never throws, whatever
 * the value is (a getter or `toString` that throws gives a generic description).
 */
export function describeThrown(value: unknown): string {
  try {
    if (value instanceof Error) return value.message === '' ? value.name : value.message;
    if (typeof value === 'string') return value;
    if (value === null || value === undefined || typeof value !== 'object') return String(value);
    const json = JSON.stringify(value);
    return json.length > 200 ? `${json.slice(0, 197)}...` : json;
  } catch {
    return 'a value that cannot be described';
  }
}
