import { EXTENSION_ERROR_CODES } from './EXTENSION_ERROR_CODES.js';
import { HookAggregateError } from './HookAggregateError.js';
import { HookError } from './HookError.js';
import { HookRecursionError } from './HookRecursionError.js';
import { HookTimeoutError } from './HookTimeoutError.js';
import { StopPropagation } from './StopPropagation.js';
import { ValidationError } from './ValidationError.js';

describe('EXTENSION_ERROR_CODES', () => {
  describe('when compared with the error classes', () => {
    it('should list exactly their codes', () => {
      const codes = [
        ValidationError.CODE,
        HookError.CODE,
        HookTimeoutError.CODE,
        HookAggregateError.CODE,
        HookRecursionError.CODE,
        StopPropagation.CODE,
      ];
      expect([...EXTENSION_ERROR_CODES].sort()).toEqual([...codes].sort());
      expect(Object.isFrozen(EXTENSION_ERROR_CODES)).toBe(true);
    });
  });
});
