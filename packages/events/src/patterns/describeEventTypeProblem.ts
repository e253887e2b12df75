const EVENT_TYPE = /^[A-Za-z0-9_:-]+(?:\.[A-Za-z0-9_:-]+)*$/;

/**
 * Why `type` is not a valid event type, or `undefined` when it is. A type is dot-separated segments
 * of letters, digits, `_`, `-` and `:` (`user.created`, `com.acme.order-paid`), at most 256
 * characters; wildcards belong in subscription patterns only.
 */
export function describeEventTypeProblem(type: unknown): string | undefined {
  if (typeof type !== 'string') return `the type must be a string, got ${typeof type}`;
  if (type.length === 0) return 'the type is empty';
  if (type.length > 256) return 'the type is longer than 256 characters';
  if (!EVENT_TYPE.test(type)) {
    return /[*?[\]{}!]/.test(type)
      ? 'wildcards are only allowed in subscription patterns, not in a published type'
      : "use dot-separated segments of letters, digits, '_', '-' or ':' (e.g. 'user.created')";
  }
  return undefined;
}
