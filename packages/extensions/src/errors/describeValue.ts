/** Longest description kept (a huge message or string is cut, with a note). */
const MAX_LENGTH = 2_000;

const cut = (text: string): string =>
  text.length > MAX_LENGTH
    ? `${text.slice(0, MAX_LENGTH)}… (${text.length - MAX_LENGTH} more characters)`
    : text;

/**
 * A one-line description of a foreign value (what a handler threw, rejected with or returned), for
 * messages and logs. Total: it never throws, whatever the value is (a `Proxy` whose traps throw, a
 * null-prototype object, an `Error` whose `message` getter throws). Plugin-type packages use it to
 * describe what a plugin's code threw.
 *
 * @example
 * ```ts
 * describeValue(new Error('boom')); // 'boom'
 * describeValue(Object.create(null)); // '[object Object]'
 * ```
 */
export function describeValue(value: unknown): string {
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
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- any own toString is what the value has to say
    return cut(String(value));
  } catch {
    // No usable toString (null prototype, throwing trap): fall through.
  }
  try {
    return Object.prototype.toString.call(value);
  } catch {
    return `an unprintable ${typeof value}`;
  }
}
