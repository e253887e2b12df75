/**
 * A plugin's own numeric setting (`healthCheckTimeout`, `healthCheckInterval`): the value when it is
 * a finite number of at least `min`, `undefined` when absent, or `'invalid'`. Never throws.
 */
export function readNumberSetting(
  instance: object,
  key: string,
  min: number,
): number | undefined | 'invalid' {
  let value: unknown;
  try {
    value = (instance as Record<string, unknown>)[key];
  } catch {
    return 'invalid';
  }
  if (value === undefined) return undefined;
  return typeof value === 'number' && Number.isFinite(value) && value >= min ? value : 'invalid';
}
