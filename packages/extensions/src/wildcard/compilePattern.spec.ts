import { compilePattern } from './compilePattern.js';
import { isPattern } from './isPattern.js';

describe('compilePattern', () => {
  describe('when a name fails the cheap segment checks', () => {
    it('should reject it with the same answer minimatch would give', () => {
      expect(compilePattern('user.*').matches('user')).toBe(false);
      expect(compilePattern('user.*').matches('admin.login')).toBe(false);
      expect(compilePattern('a.**.z').matches('a.b.c.y')).toBe(false);
      expect(compilePattern('a.**.z').matches('a.z')).toBe(true);
      expect(compilePattern('a.**').matches('a')).toBe(false);
      expect(compilePattern('**').matches('a', ['a'])).toBe(true);
    });

    it('should leave patterns whose braces may hold dots to minimatch', () => {
      expect(compilePattern('{user.login,admin}.*').matches('user.login.x')).toBe(true);
      expect(compilePattern('{user.login,admin}.*').matches('admin.x')).toBe(true);
    });
  });

  describe('when matching', () => {
    it('should treat dots as segment separators and slashes as ordinary characters', () => {
      const matcher = compilePattern('api/v1.*');
      expect(matcher.matches('api/v1.get')).toBe(true);
      expect(matcher.matches('api.v1.get')).toBe(false);
      expect(compilePattern('a.*').matches('a.b/c')).toBe(true);
    });
  });
});

describe('isPattern', () => {
  describe('when a name uses wildcard syntax', () => {
    it('should say so', () => {
      for (const name of ['a.*', 'a.**', 'a.b?', 'a.[bc]', 'a.{b,c}', 'a.+(b)', 'a.@(b)', 'a.!(b)']) {
        expect(isPattern(name)).toBe(true);
      }
    });
  });

  describe('when a name is literal', () => {
    it('should say so', () => {
      for (const name of ['a.b', 'db.before_save', 'mail@host', 'wow!']) expect(isPattern(name)).toBe(false);
    });
  });
});
