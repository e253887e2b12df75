/** A handler priority: a number (higher runs first) or one of the named levels. */
export type Priority = number | 'highest' | 'high' | 'normal' | 'low' | 'lowest';

/** The numeric value of each named priority. */
export const PRIORITIES: Readonly<Record<Exclude<Priority, number>, number>> = Object.freeze({
  highest: 100,
  high: 75,
  normal: 50,
  low: 25,
  lowest: 0,
});
