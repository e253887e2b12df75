import { handlerName } from './handlerName.js';
import { isAsyncFunction } from './isAsyncFunction.js';
import { resolvePriority } from './resolvePriority.js';

describe('resolvePriority', () => {
  describe('when given a name, a number or nothing', () => {
    it('should return the numeric priority', () => {
      expect(resolvePriority(undefined, 'e')).toBe(50);
      expect(resolvePriority('highest', 'e')).toBe(100);
      expect(resolvePriority('lowest', 'e')).toBe(0);
      expect(resolvePriority(-12.5, 'e')).toBe(-12.5);
    });
  });

  describe('when given something else', () => {
    it('should throw a ValidationError naming the event', () => {
      expect(() => resolvePriority(Infinity, 'user.login')).toThrow(/'user\.login'/);
      expect(() => resolvePriority('toString' as never, 'e')).toThrow(/Invalid priority/);
    });
  });
});

describe('handlerName', () => {
  describe('when naming handlers', () => {
    it('should prefer the option, then the function name without "bound ", then anonymous', () => {
      function greet(): void {}
      expect(handlerName(greet, 'custom')).toBe('custom');
      expect(handlerName(greet.bind(null), undefined)).toBe('greet');
      expect(
        handlerName(
          (
            () => () =>
              undefined
          )(),
          undefined,
        ),
      ).toBe('anonymous');
    });
  });
});

describe('isAsyncFunction', () => {
  describe('when given functions', () => {
    it('should recognise async functions only', () => {
      expect(isAsyncFunction(async () => undefined)).toBe(true);
      expect(isAsyncFunction(() => Promise.resolve())).toBe(false);
      expect(isAsyncFunction('async')).toBe(false);
    });
  });
});
