/** Longest description kept: a huge message is cut, with a note. */
const MAX_LENGTH = 2_000;

const cut = (text: string): string =>
  text.length > MAX_LENGTH
    ? `${text.slice(0, MAX_LENGTH)}… (${text.length - MAX_LENGTH} more characters)`
    : text;

/**
 * A one-line description of what a plugin threw or rejected with, for messages and logs. Total: it
 * never throws, whatever the value is (a `Proxy` whose traps throw, a null-prototype object, an
 * `Error` whose `message` getter throws).
 */
export function describeCause(value: unknown): string {
  if (typeof value === 'string') return cut(value);
  if (typeof value !== 'object' && typeof value !== 'function') {
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a primitive here, never an object
    return String(value);
  }
  if (value === null) return 'null';
  try {
    const message = (value as { message?: unknown }).message;
    if (typeof message === 'string') return cut(message);
  } catch {
    // An unreadable message: describe the value another way.
  }
  try {
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- its own toString is what it has to say
    return cut(String(value));
  } catch {
    // No usable toString (null prototype, throwing trap).
  }
  try {
    return Object.prototype.toString.call(value);
  } catch {
    return `an unprintable ${typeof value}`;
  }
}
