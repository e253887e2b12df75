/** A one-line description of whatever a handler threw; never throws itself. Internal. */
export function describeCause(cause: unknown): string {
  try {
    if (cause instanceof Error) return cause.message;
    return typeof cause === 'string' ? cause : (JSON.stringify(cause) ?? String(cause));
  } catch {
    return 'an unprintable value';
  }
}
