import { createToken } from './createToken.js';

describe('createToken', () => {
  describe('when called twice with one id', () => {
    it('should return the same registered symbol', () => {
      expect(createToken<number>('test.token')).toBe(createToken<number>('test.token'));
      expect(createToken('test.token')).toBe(Symbol.for('test.token'));
    });
  });
});
