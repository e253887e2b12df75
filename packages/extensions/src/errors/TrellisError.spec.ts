import { HookError } from './HookError.js';
import { TrellisError } from './TrellisError.js';
import { ValidationError } from './ValidationError.js';

describe('TrellisError', () => {
  describe('when constructed', () => {
    it('should carry code, message, cause and the class name', () => {
      const cause = new Error('root');
      const error = new TrellisError('something failed', { code: 'TRELLIS_X', cause });
      expect(error).toBeInstanceOf(Error);
      expect(error.name).toBe('TrellisError');
      expect(error.code).toBe('TRELLIS_X');
      expect(error.cause).toBe(cause);
      expect(error.message).toBe('something failed');
      expect(new ValidationError('bad').name).toBe('ValidationError');
    });

    it('should leave cause out when none is given', () => {
      expect('cause' in new TrellisError('m', { code: 'C' })).toBe(false);
    });
  });

  describe('when checking with TrellisError.is', () => {
    it('should recognise Trellis errors and their codes', () => {
      const error = new ValidationError('bad');
      expect(TrellisError.is(error)).toBe(true);
      expect(TrellisError.is(error, 'TRELLIS_VALIDATION')).toBe(true);
      expect(TrellisError.is(error, 'TRELLIS_HOOK')).toBe(false);
    });

    it('should reject other values', () => {
      expect(TrellisError.is(new Error('plain'))).toBe(false);
      expect(TrellisError.is(null)).toBe(false);
      expect(TrellisError.is('TRELLIS_VALIDATION')).toBe(false);
      expect(TrellisError.is({ code: 'TRELLIS_VALIDATION' })).toBe(false);
    });

    it('should work for an error made by another copy of the package', () => {
      // Another copy has its own classes but the same registered marker symbol.
      class ForeignError extends Error {
        readonly code = 'TRELLIS_HOOK';
      }
      const foreign = new ForeignError('from elsewhere');
      Object.defineProperty(foreign, Symbol.for('trellis.error'), { value: true });
      expect(foreign instanceof TrellisError).toBe(false);
      expect(TrellisError.is(foreign, 'TRELLIS_HOOK')).toBe(true);
      expect(
        TrellisError.is(new HookError({ event: 'e', plugin: undefined, cause: 1 }), HookError.CODE),
      ).toBe(true);
    });
  });
});
