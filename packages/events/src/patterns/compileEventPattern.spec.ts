import { ExtensionRegistry } from '@trellis/core';
import fc from 'fast-check';
import { compileEventPattern } from './compileEventPattern.js';
import { describePatternProblem } from './describePatternProblem.js';

const segment = fc.constantFrom('user', 'login', 'db', 'before_save', 'a', 'b');
const patternSegment = fc.constantFrom('user', 'login', '*', '**', 'before_*', '{a,b}', 'b?', 'a');

describe('compileEventPattern', () => {
  describe('when compared with the wildcard matching of extension points', () => {
    it('should accept exactly the event types a hook registered on the same pattern is called for', () => {
      fc.assert(
        fc.property(
          fc.array(patternSegment, { minLength: 1, maxLength: 4 }),
          fc.array(segment, { minLength: 1, maxLength: 4 }),
          (patternParts, typeParts) => {
            const pattern = patternParts.join('.');
            const type = typeParts.join('.');
            const registry = new ExtensionRegistry();
            let called = false;
            registry.on(pattern, () => {
              called = true;
            });
            registry.notify(type, undefined);
            expect(describePatternProblem(pattern)).toBeUndefined();
            expect(compileEventPattern(pattern).matches(type)).toBe(called);
          },
        ),
        { numRuns: 300 },
      );
    });
  });
});
