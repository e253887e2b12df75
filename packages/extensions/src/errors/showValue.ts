import { describeValue } from './describeValue.js';

/** An argument as shown in a validation message: strings quoted, anything else described; never throws. */
export const showValue = (value: unknown): string =>
  typeof value === 'string' ? JSON.stringify(value) : describeValue(value);
