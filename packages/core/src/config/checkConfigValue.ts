import type { ConfigFieldSchema } from './ConfigSchema.js';
import { describeType, describeValue } from './describeValue.js';

const typeChecks: Readonly<Record<ConfigFieldSchema['type'], (value: unknown) => boolean>> = {
  string: (value) => typeof value === 'string',
  number: (value) => typeof value === 'number' && Number.isFinite(value),
  integer: (value) => Number.isInteger(value),
  boolean: (value) => typeof value === 'boolean',
  array: (value) => Array.isArray(value),
  object: (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
};

const article = (type: string): string =>
  type === 'array' || type === 'integer' || type === 'object' ? 'an' : 'a';

/**
 * Checks one present value against its field schema; returns what is wrong (never quoting the
 * value of a secret field), or an empty list.
 */
export function checkConfigValue(field: ConfigFieldSchema, value: unknown): string[] {
  const shown = (text: string): string => (field.secret === true ? '' : `, got ${text}`);
  if (!typeChecks[field.type](value)) {
    return [`expected ${article(field.type)} ${field.type}, got ${describeType(value)}`];
  }
  const problems: string[] = [];
  const measured = typeof value === 'number' ? value : (value as { length?: unknown }).length;
  if (typeof measured === 'number' && field.type !== 'object' && field.type !== 'boolean') {
    const unit = typeof value === 'string' ? ' characters' : Array.isArray(value) ? ' items' : '';
    const actual = typeof value === 'number' ? describeValue(value) : `${measured}${unit}`;
    if (field.min !== undefined && measured < field.min) {
      problems.push(`must be at least ${field.min}${unit}${shown(actual)}`);
    }
    if (field.max !== undefined && measured > field.max) {
      problems.push(`must be at most ${field.max}${unit}${shown(actual)}`);
    }
  }
  if (field.enum !== undefined && !field.enum.some((allowed) => Object.is(allowed, value))) {
    problems.push(
      `must be one of ${field.enum.map((allowed) => describeValue(allowed)).join(', ')}${shown(describeValue(value))}`,
    );
  }
  return problems;
}
