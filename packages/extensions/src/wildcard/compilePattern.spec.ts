import { compilePattern } from './compilePattern.js';
import { isPattern } from './isPattern.js';

describe('compilePattern', () => {
  describe('when a pattern has a literal first segment', () => {
    it('should expose it for indexing', () => {
      expect(compilePattern('user.*').literalHead).toBe('user');
      expect(compilePattern('*.login').literalHead).toBeUndefined();
      expect(compilePattern('{a,b}.c').literalHead).toBeUndefined();
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
