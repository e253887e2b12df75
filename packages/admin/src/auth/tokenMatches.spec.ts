import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { bearerToken } from './bearerToken.js';
import { tokenMatches } from './tokenMatches.js';

describe('tokenMatches', () => {
  describe('when the tokens are equal', () => {
    it('should match', () => {
      fc.assert(fc.property(fc.string(), (token) => tokenMatches(token, token)));
    });
  });

  describe('when the tokens differ, in content or length', () => {
    it('should not match', () => {
      fc.assert(
        fc.property(fc.string(), fc.string(), (a, b) => {
          fc.pre(a !== b);
          return !tokenMatches(a, b);
        }),
      );
    });
  });
});

describe('bearerToken', () => {
  describe('when the header is a bearer token', () => {
    it('should give the token, whatever the scheme case', () => {
      expect(bearerToken('Bearer abc.def')).toBe('abc.def');
      expect(bearerToken('bearer  xyz')).toBe('xyz');
    });
  });

  describe('when the header is missing or of another scheme', () => {
    it('should give undefined', () => {
      expect(bearerToken(undefined)).toBeUndefined();
      expect(bearerToken('Basic dXNlcjpwYXNz')).toBeUndefined();
      expect(bearerToken('Bearer')).toBeUndefined();
      expect(bearerToken(['Bearer a', 'Bearer b'])).toBeUndefined();
    });
  });
});
