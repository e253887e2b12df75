/** A one-line description of whatever a handler threw; never throws itself. Internal. */
export function describeCause(cause: unknown): string {
  try {
    if (cause instanceof Error) return cause.message;
    return typeof cause === 'string' ? cause : jsonOrString(cause);
  } catch {
    return 'an unprintable value';
  }
}

function jsonOrString(value: unknown): string {
  const text: unknown = JSON.stringify(value);
  return typeof text === 'string' ? text : String(value);
}
